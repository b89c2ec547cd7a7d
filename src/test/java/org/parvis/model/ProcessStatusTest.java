package org.parvis.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;

class ProcessStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aProcessIsUpcomingBeforeItsStartOpenUntilItsEndAndClosedFromItsEnd() {
        Instant start = NOW.minusSeconds(60);
        Instant end = NOW.plusSeconds(60);

        assertThat(ProcessStatus.at(start, end, start.minusNanos(1)))
                .isEqualTo(ProcessStatus.UPCOMING);
        assertThat(ProcessStatus.at(start, end, start)).isEqualTo(ProcessStatus.OPEN);
        assertThat(ProcessStatus.at(start, end, end.minusNanos(1))).isEqualTo(ProcessStatus.OPEN);
        assertThat(ProcessStatus.at(start, end, end)).isEqualTo(ProcessStatus.CLOSED);
    }

    @Test
    void openEndedAndStartlessProcessesFollowTheDateTheyHave() {
        assertThat(ProcessStatus.at(NOW.minusSeconds(1), null, NOW)).isEqualTo(ProcessStatus.OPEN);
        assertThat(ProcessStatus.at(null, NOW.plusSeconds(1), NOW)).isEqualTo(ProcessStatus.OPEN);
        assertThat(ProcessStatus.at(null, NOW, NOW)).isEqualTo(ProcessStatus.CLOSED);
        assertThat(ProcessStatus.at(null, null, NOW)).isEqualTo(ProcessStatus.UNKNOWN);
    }
}
