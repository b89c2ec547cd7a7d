package org.parvis.bench;

import java.util.Arrays;

/**
 * Latency percentiles (nearest rank) and throughput of one timed run of queries, with the CPU time
 * the timing thread used ({@code -1} when the JVM cannot tell): unlike wall time, it does not grow
 * when other processes take the CPU.
 *
 * <p>Immutable and thread-safe.
 */
record LatencyStats(
        int count,
        long elapsedNanos,
        long threadCpuNanos,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long maxNanos,
        double meanNanos) {

    /**
     * Statistics of the first {@code count} latencies, measured over {@code elapsedNanos} of wall
     * time.
     */
    static LatencyStats of(
            long[] latenciesNanos, int count, long elapsedNanos, long threadCpuNanos) {
        if (count < 1) {
            throw new IllegalArgumentException("no query was timed; expected at least one latency");
        }
        long[] sorted = Arrays.copyOf(latenciesNanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long latency : sorted) {
            sum += latency;
        }
        return new LatencyStats(
                count,
                elapsedNanos,
                threadCpuNanos,
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                sorted[count - 1],
                sum / count);
    }

    /** The smallest latency that at least {@code fraction} of the queries did not exceed. */
    static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Mean CPU time of the timing thread per query, or -1 when unknown. */
    double cpuNanosPerQuery() {
        return threadCpuNanos < 0 ? -1 : (double) threadCpuNanos / count;
    }

    double queriesPerSecond() {
        return count * 1e9 / elapsedNanos;
    }
}
