package org.parvis.web.page;

import org.jspecify.annotations.Nullable;
import org.parvis.model.ProcessStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

/**
 * Dates, times and deadlines in words for one page language, in the Europe/Paris time zone:
 * "6 mars 2026", "vendredi 6 mars 2026 à 18:30", "ferme dans 3 jours". An end instant is exclusive,
 * so a process ending at midnight closes on the day before.
 *
 * <p>Immutable and thread-safe.
 */
final class Formats {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final Texts texts;
    private final LocalDate today;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dayDate;
    private final DateTimeFormatter time;

    Formats(Texts texts, Instant now) {
        this.texts = texts;
        this.today = LocalDate.ofInstant(now, ZONE);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(texts.lang().locale());
        this.dayDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(texts.lang().locale());
        this.time = DateTimeFormatter.ofPattern("HH:mm", texts.lang().locale());
    }

    /** "6 mars 2026" / "6 March 2026". */
    String date(Instant instant) {
        return date.format(instant.atZone(ZONE));
    }

    /** "6 mars 2026" / "6 March 2026". */
    String date(LocalDate day) {
        return date.format(day);
    }

    /** The date of the last day of a window ending (exclusively) at {@code end}. */
    String lastDay(Instant end) {
        return date.format(lastDate(end));
    }

    /** "vendredi 6 mars 2026, 18:30" / "Friday 6 March 2026, 18:30". */
    String dateTime(Instant instant) {
        ZonedDateTime at = instant.atZone(ZONE);
        return texts.format("date.at", dayDate.format(at), time.format(at));
    }

    /** "18:30". */
    String time(Instant instant) {
        return time.format(instant.atZone(ZONE));
    }

    /** The ISO date-time for a {@code <time datetime>} attribute. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(ZONE).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The last day (Paris) of a window whose exclusive end is {@code end}. */
    static LocalDate lastDate(Instant end) {
        ZonedDateTime at = end.atZone(ZONE);
        LocalDate day = at.toLocalDate();
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day.minusDays(1) : day;
    }

    /** The status label: "Ouvert", "À venir", "Terminé", "Dates inconnues". */
    String status(ProcessStatus status) {
        return texts.get("status." + status.code());
    }

    /**
     * The deadline in words: "ferme dans 3 jours (le 6 mars 2026)", "ouvre demain", "fermé le 2
     * mars 2026"; empty when the dates say nothing.
     */
    String deadline(ProcessStatus status, @Nullable Instant start, @Nullable Instant end) {
        switch (status) {
            case OPEN -> {
                if (end == null) {
                    return texts.get("deadline.noEnd");
                }
                LocalDate last = lastDate(end);
                return inDays("deadline.closes", ChronoUnit.DAYS.between(today, last), last);
            }
            case UPCOMING -> {
                if (start == null) {
                    return "";
                }
                LocalDate first = LocalDate.ofInstant(start, ZONE);
                return inDays("deadline.opens", ChronoUnit.DAYS.between(today, first), first);
            }
            case CLOSED -> {
                return end == null ? "" : texts.format("deadline.closed", lastDay(end));
            }
            default -> {
                return "";
            }
        }
    }

    private String inDays(String key, long days, LocalDate day) {
        String when = date.format(day);
        if (days <= 0) {
            return texts.format(key + ".today", when);
        } else if (days == 1) {
            return texts.format(key + ".tomorrow", when);
        }
        return texts.format(key + ".days", days, when);
    }
}
