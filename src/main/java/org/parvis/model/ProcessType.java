package org.parvis.model;

import java.util.Arrays;
import java.util.Locale;

/** The kind of a participation process; the {@code kinds} filter of the feed. */
public enum ProcessType {
    CONSULTATION,
    CALL_FOR_EVIDENCE,
    PRIOR_CONCERTATION,
    PUBLIC_INQUIRY,
    PUBLIC_DEBATE,
    PARTICIPATORY_BUDGET,
    PETITION,
    CITIZEN_INITIATIVE,
    MEETING_SERIES,
    LOCAL_REFERENDUM,
    CALL_FOR_IDEAS,
    ASSEMBLY,
    SURVEY,
    OTHER;

    /** The lowercase id used in JSON and query parameters ({@code participatory_budget}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #code()}; throws naming the allowed values when unknown. */
    public static ProcessType parse(String code) {
        for (ProcessType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown process kind '" + code + "'; expected one of "
                + Arrays.stream(values()).map(ProcessType::code).toList());
    }
}
