package org.parvis.model;

import java.util.Locale;

/** What a contribution inside a process is. */
public enum ContributionKind {
    PROPOSAL,
    AMENDMENT,
    COMMENT,
    DEBATE,
    BUDGET_PROJECT,
    MEETING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
