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
    OTHER;

    /** The kind of body that governs an area of this level; OTHER for local areas. */
    public static OrganiserKind governing(AreaLevel level) {
        return switch (level) {
            case COMMUNE, ARRONDISSEMENT -> COMMUNE;
            case EPCI -> EPCI;
            case DEPARTEMENT -> DEPARTEMENT;
            case REGION -> REGION;
            case NATION -> STATE;
            case EU -> EU_INSTITUTION;
            case LOCAL -> OTHER;
        };
    }
}
