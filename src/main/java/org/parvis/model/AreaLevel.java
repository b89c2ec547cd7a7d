package org.parvis.model;

/**
 * Administrative level of an area, from the finest to the broadest. The order of the constants is
 * the nesting order used to sort a place's parents.
 */
public enum AreaLevel {
    ARRONDISSEMENT("arrondissement"),
    COMMUNE("commune"),
    EPCI("epci"),
    DEPARTEMENT("departement"),
    REGION("region"),
    NATION("nation"),
    EU("eu"),
    /** A source label that no official area matches yet ({@code local:<source>:<label>}). */
    LOCAL("local");

    private final String code;

    AreaLevel(String code) {
        this.code = code;
    }

    /** The lowercase name used in JSON and query parameters. */
    public String code() {
        return code;
    }

    /** Parses {@link #code()}; throws with the allowed values when unknown. */
    public static AreaLevel parse(String code) {
        for (AreaLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown area level '" + code + "'; expected one of "
                + java.util.Arrays.toString(values()));
    }
}
