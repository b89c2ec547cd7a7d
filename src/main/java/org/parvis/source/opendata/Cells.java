package org.parvis.source.opendata;

import org.jspecify.annotations.Nullable;
import org.parvis.theme.PlainText;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the cell values of a Decidim open-data CSV: the formula-injection guard Decidim adds to
 * cells starting with {@code = + - @}, the date and time shapes Rails writes, numbers, booleans,
 * and HTML reduced to plain text for the fields that must be plain (organiser names, labels).
 *
 * <p>Stateless and thread-safe. Parsers throw {@link IllegalArgumentException} naming the value and
 * the expected shape; callers turn that into a source issue.
 */
final class Cells {

    /** Dates without a zone are read in the time zone of the French platforms. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter RAILS_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS] xx", Locale.ROOT);
    private static final DateTimeFormatter RAILS_LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]", Locale.ROOT);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Cells() {}

    /**
     * The cell's value, trimmed, without the apostrophe Decidim prefixes to cells starting with
     * {@code = + - @}; null when empty.
     */
    static @Nullable String clean(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * A point in time: ISO 8601 with an offset, Rails' {@code 2025-09-12 10:15:00 +0200}, a local
     * date-time (read in {@link #ZONE}) or a date (its start in {@link #ZONE}).
     */
    static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO 8601 with an offset; try the other shapes
        }
        String text =
                value.endsWith(" UTC") ? value.substring(0, value.length() - 4) + " +0000" : value;
        try {
            return OffsetDateTime.parse(text, RAILS_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return LocalDateTime.parse(text, RAILS_LOCAL).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            // not a date-time
        }
        try {
            return LocalDateTime.parse(text).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            // not an ISO local date-time
        }
        return date(value).atStartOfDay(ZONE).toInstant();
    }

    /** A calendar date, {@code 2025-09-01}; a date-time keeps its date part. */
    static LocalDate date(String value) {
        Matcher matcher = DATE.matcher(value);
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a date; expected e.g. 2025-09-01 or"
                            + " 2025-09-01T10:00:00+02:00");
        }
        try {
            return LocalDate.parse(matcher.group());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date", e);
        }
    }

    /** A whole number; Decidim writes counts as integers. */
    static long count(String value) {
        try {
            long count = Long.parseLong(value);
            if (count < 0) {
                throw new IllegalArgumentException("'" + value + "' is negative; a count is ≥ 0");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
        }
    }

    /** A decimal number, with a point or a comma. */
    static double decimal(String value) {
        return number(value).doubleValue();
    }

    /** A decimal number, with a point or a comma ({@code 45000}, {@code 45.0}, {@code 45,5}). */
    static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number", e);
        }
    }

    /** {@code true}/{@code false} as Rails writes them (also 1/0, t/f). */
    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes" -> true;
            case "false", "f", "0", "no" -> false;
            default ->
                throw new IllegalArgumentException(
                        "'" + value + "' is not a boolean; expected true or false");
        };
    }

    /** The values of a list cell (Decidim joins arrays with {@code ", "}). */
    static List<String> list(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",\\s*"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The text a reader sees in an HTML fragment: tags dropped, entities decoded. */
    static String plainText(String html) {
        return PlainText.readable(html);
    }
}
