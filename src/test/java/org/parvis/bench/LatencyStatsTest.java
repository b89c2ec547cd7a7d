package org.parvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankOverTheTimedQueriesOnly() {
        long[] latencies = new long[150];
        for (int i = 0; i < 100; i++) {
            latencies[i] = 100 - i;
        }
        latencies[120] = 1_000_000;

        LatencyStats stats = LatencyStats.of(latencies, 100, 2_000_000_000L, 500_000_000L);

        assertThat(stats.p50Nanos()).isEqualTo(50);
        assertThat(stats.p90Nanos()).isEqualTo(90);
        assertThat(stats.p99Nanos()).isEqualTo(99);
        assertThat(stats.maxNanos()).isEqualTo(100);
        assertThat(stats.queriesPerSecond()).isEqualTo(50.0);
        assertThat(stats.cpuNanosPerQuery()).isEqualTo(5_000_000.0);
    }
}
