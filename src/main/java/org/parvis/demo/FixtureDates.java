package org.parvis.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the relative dates of the fake upstreams' fixtures into real ones, so that the demo always
 * has open, upcoming and closed items: {@code {{date:+10}}} (a date), {@code {{time:-3 18:30}}}
 * (Rails' {@code 2026-03-07 18:30:00 +0100}) and {@code {{instant:-3 18:30}}} (ISO 8601 in UTC with
 * milliseconds), days counted from {@code now} in {@link SampleData#ZONE}.
 *
 * <p>Stateless and thread-safe.
 */
final class FixtureDates {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{(date|time|instant):([+-]\\d+)(?: (\\d{2}:\\d{2}))?}}");
    private static final DateTimeFormatter RAILS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ROOT);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

    private FixtureDates() {}

    static String materialise(String text, Instant now) {
        LocalDate today = now.atZone(SampleData.ZONE).toLocalDate();
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            LocalDate day = today.plusDays(Long.parseLong(matcher.group(2)));
            LocalTime time =
                    matcher.group(3) == null ? LocalTime.NOON : LocalTime.parse(matcher.group(3));
            ZonedDateTime at = day.atTime(time).atZone(SampleData.ZONE);
            String value = switch (matcher.group(1)) {
                case "date" -> day.toString();
                case "time" -> RAILS.format(at);
                default -> ISO_MILLIS.format(at.withZoneSameInstant(ZoneOffset.UTC));
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
