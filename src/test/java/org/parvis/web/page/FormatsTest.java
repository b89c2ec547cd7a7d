package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parvis.model.ProcessStatus;

import java.time.Instant;

class FormatsTest {

    // Thursday 5 March 2026, 23:30 in Paris (22:30 UTC): the day is already the 5th there.
    private static final Instant NOW = Instant.parse("2026-03-05T22:30:00Z");

    private final Formats french = new Formats(Texts.of(Lang.FR), NOW);
    private final Formats english = new Formats(Texts.of(Lang.EN), NOW);

    @Test
    void deadlinesAreCountedInParisDays() {
        // Ends at midnight Paris time on the 9th: the last day is Sunday the 8th, in 3 days.
        Instant end = Instant.parse("2026-03-08T23:00:00Z");

        assertThat(french.deadline(ProcessStatus.OPEN, null, end))
                .isEqualTo("ferme dans 3 jours (le 8 mars 2026)");
        assertThat(english.deadline(ProcessStatus.OPEN, null, end))
                .isEqualTo("closes in 3 days (8 March 2026)");
    }

    @Test
    void todayAndTomorrowAreSaidInWords() {
        assertThat(french.deadline(ProcessStatus.OPEN, null, Instant.parse("2026-03-05T22:59:00Z")))
                .isEqualTo("ferme aujourd'hui (5 mars 2026)");
        assertThat(english.deadline(
                        ProcessStatus.UPCOMING, Instant.parse("2026-03-06T08:00:00Z"), null))
                .isEqualTo("opens tomorrow (6 March 2026)");
    }

    @Test
    void closedAndOpenEndedProcessesSayWhatTheirDatesSay() {
        assertThat(french.deadline(
                        ProcessStatus.CLOSED, null, Instant.parse("2026-02-28T23:00:00Z")))
                .isEqualTo("terminée le 28 février 2026");
        assertThat(english.deadline(
                        ProcessStatus.OPEN, Instant.parse("2026-01-01T00:00:00Z"), null))
                .isEqualTo("no closing date");
        assertThat(english.deadline(ProcessStatus.UNKNOWN, null, null)).isEmpty();
    }

    @Test
    void timesAreParisLocalTimes() {
        Instant meeting = Instant.parse("2026-07-09T16:30:00Z");

        assertThat(french.dateTime(meeting)).isEqualTo("jeudi 9 juillet 2026 à 18:30");
        assertThat(english.dateTime(meeting)).isEqualTo("Thursday, 9 July 2026 at 18:30");
        assertThat(Formats.iso(meeting)).isEqualTo("2026-07-09T18:30:00+02:00");
    }
}
