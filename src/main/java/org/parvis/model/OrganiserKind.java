package org.parvis.model;

/** What kind of body organises a process. */
public enum OrganiserKind {
    COMMUNE,
    EPCI,
    EPT,
    DEPARTEMENT,
    REGION,
    STATE,
    PARLIAMENT,
    EU_INSTITUTION,
    OTHER_PUBLIC_BODY,
    ASSOCIATION,
    COMPANY,
    OTHER
}
