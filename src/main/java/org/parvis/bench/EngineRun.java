package org.parvis.bench;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What one engine did in a benchmark run: its load time, single-thread latencies, multi-thread
 * throughput and its answers to the sample queries used to check that engines agree; or why it did
 * not run.
 *
 * <p>Immutable and thread-safe.
 */
record EngineRun(
        String engine,
        @Nullable String note,
        long loadNanos,
        @Nullable LatencyStats latency,
        int threads,
        double parallelQueriesPerSecond,
        int parallelCount,
        List<FeedAnswer> sampleAnswers,
        @Nullable String failure) {

    EngineRun {
        sampleAnswers = List.copyOf(sampleAnswers);
    }

    static EngineRun failed(String engine, String failure) {
        return new EngineRun(engine, null, 0, null, 0, 0, 0, List.of(), failure);
    }

    boolean succeeded() {
        return failure == null && latency != null;
    }
}
