package org.parvis.theme;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures classification throughput on one thread: every labelled item (both parts, with their
 * source categories) classified over and over, after a warm-up, for a fixed time. Reports items
 * per second of wall time, of the thread's CPU time, and of the whole JVM's CPU time (which adds
 * garbage collection and compilation). On a shared machine the wall time says more about the
 * other users than about Parvis; the JVM CPU figure is the conservative one-core figure.
 *
 * <p>Not thread-safe; runs once from the command line.
 */
final class ThroughputBench {

    /** Items classified and time taken in the measured phase. */
    record Measurement(
            long items,
            long elapsedNanos,
            long threadCpuNanos,
            long processCpuNanos,
            int distinctItems) {
        double itemsPerSecond() {
            return items * 1e9 / elapsedNanos;
        }

        double itemsPerThreadCpuSecond() {
            return items * 1e9 / threadCpuNanos;
        }

        double itemsPerProcessCpuSecond() {
            return items * 1e9 / processCpuNanos;
        }
    }

    private ThroughputBench() {}

    static Measurement run(ThemeClassifier classifier, long warmupMillis, long measureMillis) {
        List<ClassificationInput> inputs = new ArrayList<>();
        for (LabelledItem.Split split : LabelledItem.Split.values()) {
            for (LabelledItem item : LabelledItem.load(split, classifier.catalog())) {
                inputs.add(item.toInput(true));
            }
        }
        long sink = loop(classifier, inputs, warmupMillis * 1_000_000).items;
        Measurement measured = loop(classifier, inputs, measureMillis * 1_000_000);
        // Keeps the warm-up from being optimised away.
        if (sink < 0) {
            throw new IllegalStateException("impossible count " + sink);
        }
        return measured;
    }

    private static Measurement loop(
            ThemeClassifier classifier, List<ClassificationInput> inputs, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long processStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long count = 0;
        long themes = 0;
        long elapsed;
        do {
            for (ClassificationInput input : inputs) {
                themes += classifier.classify(input).size();
            }
            count += inputs.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long process = os.getProcessCpuTime() - processStart;
        return new Measurement(themes >= 0 ? count : -1, elapsed, cpu, process, inputs.size());
    }
}
