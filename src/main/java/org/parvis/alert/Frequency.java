package org.parvis.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How often a subscriber hears about new processes: one mail per harvest that found some
 * ({@link #IMMEDIATE}), or one digest a day or a week.
 *
 * <p>Immutable and thread-safe.
 */
public enum Frequency {
    IMMEDIATE,
    DAILY,
    WEEKLY;

    /** The codes accepted in requests, in order. */
    public static final List<String> CODES =
            Arrays.stream(values()).map(Frequency::code).toList();

    /** The lowercase code used in requests and in the store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency with this code; throws {@link IllegalArgumentException} naming the codes. */
    public static Frequency parse(String code) {
        for (Frequency frequency : values()) {
            if (frequency.code().equals(code)) {
                return frequency;
            }
        }
        throw new IllegalArgumentException(
                "unknown frequency '" + code + "'; expected one of " + CODES);
    }
}
