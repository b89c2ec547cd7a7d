package org.parvis.territory;

/**
 * How a {@link PlaceMatch} was found, from the most to the least certain. Search results list
 * exact kinds ({@link #CODE} to {@link #FORMER_NAME}) before {@link #PREFIX} and {@link #FUZZY}.
 */
public enum MatchKind {
    /** The query is the place's INSEE code (or a former code now part of it). */
    CODE,
    /** The query is the SIREN of the commune or EPCI. */
    SIREN,
    /** The query is one of the place's postcodes. */
    POSTCODE,
    /** The query is the place's name or a usual form of it, up to case, accents and punctuation. */
    EXACT_NAME,
    /** The query is the name of a former commune now part of the place. */
    FORMER_NAME,
    /** The query is the beginning of a name of the place. */
    PREFIX,
    /** The query is one or two typos away from a name of the place. */
    FUZZY
}
