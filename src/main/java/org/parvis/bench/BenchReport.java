package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaLevel;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.territory.Gazetteer;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Markdown report of one benchmark run: the setup, one table row per engine, ratios to the
 * Lucene engine, how many sample queries the engines answered differently, and the aims.
 *
 * <p>Immutable after construction; {@link #print} may be called from any thread.
 */
final class BenchReport {

    private static final int DETAILS_PER_ENGINE = 3;

    private final FeedBench.Settings settings;
    private final BenchDataset dataset;
    private final Gazetteer gazetteer;
    private final long generateNanos;
    private final List<BenchQuery> timed;
    private final List<BenchQuery> sample;
    private final List<EngineRun> runs;
    private final List<String> skipped;
    private final String machineLoad;
    private final List<String> disagreements = new ArrayList<>();
    private final Map<String, Integer> mismatchesByEngine = new TreeMap<>();
    private final @Nullable EngineRun reference;

    BenchReport(
            FeedBench.Settings settings,
            BenchDataset dataset,
            Gazetteer gazetteer,
            long generateNanos,
            List<BenchQuery> timed,
            List<BenchQuery> sample,
            List<EngineRun> runs,
            List<String> skipped,
            String machineLoad) {
        this.settings = settings;
        this.dataset = dataset;
        this.gazetteer = gazetteer;
        this.generateNanos = generateNanos;
        this.timed = List.copyOf(timed);
        this.sample = List.copyOf(sample);
        this.runs = List.copyOf(runs);
        this.skipped = List.copyOf(skipped);
        this.machineLoad = machineLoad;
        this.reference = runs.stream().filter(EngineRun::succeeded).findFirst().orElse(null);
        compareAnswers();
    }

    /**
     * Sample queries on which some engine disagreed with the reference engine, summed over engines.
     */
    int mismatchCount() {
        return mismatchesByEngine.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void compareAnswers() {
        if (reference == null) {
            return;
        }
        for (EngineRun run : runs) {
            if (run == reference || !run.succeeded()) {
                continue;
            }
            int mismatches = 0;
            for (int i = 0; i < sample.size(); i++) {
                FeedAnswer expected = reference.sampleAnswers().get(i);
                FeedAnswer actual = run.sampleAnswers().get(i);
                if (!expected.equals(actual)) {
                    mismatches++;
                    if (mismatches <= DETAILS_PER_ENGINE) {
                        disagreements.add(describe(run.engine(), sample.get(i), expected, actual));
                    }
                }
            }
            mismatchesByEngine.put(run.engine(), mismatches);
        }
    }

    private String describe(
            String engine, BenchQuery query, FeedAnswer expected, FeedAnswer actual) {
        List<String> parts = new ArrayList<>();
        if (expected.total() != actual.total()) {
            parts.add("total " + actual.total() + " instead of " + expected.total());
        }
        if (!expected.page().equals(actual.page())) {
            parts.add("page " + actual.page() + " instead of " + expected.page());
        }
        if (!expected.facets().equals(actual.facets())) {
            for (String facet : new java.util.TreeSet<>(
                    union(expected.facets().keySet(), actual.facets().keySet()))) {
                Map<String, Long> want = expected.facets().getOrDefault(facet, Map.of());
                Map<String, Long> got = actual.facets().getOrDefault(facet, Map.of());
                if (!want.equals(got)) {
                    parts.add("facet " + facet + " " + got + " instead of " + want);
                }
            }
        }
        return engine + " on `" + query + "`: " + String.join("; ", parts);
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "## Feed query, %,d processes%n%n", dataset.size());
        printSetup(out);
        printTable(out);
        printAgreement(out);
        printAims(out);
        out.flush();
    }

    private void printSetup(PrintStream out) {
        Runtime runtime = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "- Data: %,d synthetic processes over %,d places, seed %d, generated in %.1f s; "
                        + "statuses at %s.%n",
                dataset.size(),
                gazetteer.size(),
                dataset.seed(),
                generateNanos / 1e9,
                dataset.now());
        out.printf(
                Locale.ROOT,
                "- Open or upcoming at that instant: %s; levels: %s.%n",
                openShare(),
                levelMix());
        out.printf(
                Locale.ROOT,
                "- Queries: %s; themes per query %s; scope around unless stated, open and upcoming,"
                        + " soonest closing first, first page of %d, with facets.%n",
                queryMix(),
                themeMix(),
                FeedQuery.DEFAULT_LIMIT);
        meanMatches()
                .ifPresent(mean -> out.printf(
                        Locale.ROOT,
                        "- Matching processes per query (mean over %d sample queries): %,.0f.%n",
                        sample.size(),
                        mean));
        out.printf(
                Locale.ROOT,
                "- JVM: %s %s, %d processors available, max heap %,d MiB; each timed phase stops "
                        + "after %d s.%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                runtime.availableProcessors(),
                runtime.maxMemory() >> 20,
                settings.phaseLimitSeconds());
        out.printf("- Machine: %s.%n", machineLoad);
        for (String reason : skipped) {
            out.printf("- Skipped: %s%n", reason);
        }
        for (EngineRun run : runs) {
            if (run.note() != null) {
                out.printf("- %s: %s%n", run.engine(), run.note());
            }
        }
        out.println();
    }

    private void printTable(PrintStream out) {
        Optional<EngineRun> lucene = find(FeedBench.LUCENE);
        int threads = settings.threads();
        out.printf(
                Locale.ROOT,
                "| Engine | Load (s) | Timed queries | q/s, 1 thread | q/s, %d threads | p50 "
                        + "(µs) | p90 (µs)"
                        + " | p99 (µs) | max (µs) | CPU µs/query | q/s vs Lucene | p50 vs Lucene "
                        + "|%n",
                threads);
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (EngineRun run : runs) {
            if (!run.succeeded()) {
                out.printf("| %s | failed: %s ||||||||||| %n", run.engine(), run.failure());
                continue;
            }
            LatencyStats stats = Objects.requireNonNull(run.latency());
            String qpsRatio = lucene.map(
                            l -> ratio(stats.queriesPerSecond(), l.latency().queriesPerSecond()))
                    .orElse("–");
            String p50Ratio = lucene.map(
                            l -> ratio(stats.p50Nanos(), l.latency().p50Nanos()))
                    .orElse("–");
            out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %,d | %,.0f | %,.0f | %,d | %,d | %,d | %,d | %s | %s | %s |%n",
                    run.engine(),
                    run.loadNanos() / 1e9,
                    stats.count(),
                    stats.queriesPerSecond(),
                    run.parallelQueriesPerSecond(),
                    micros(stats.p50Nanos()),
                    micros(stats.p90Nanos()),
                    micros(stats.p99Nanos()),
                    micros(stats.maxNanos()),
                    cpu(run, stats),
                    qpsRatio,
                    p50Ratio);
        }
        out.println();
    }

    private void printAgreement(PrintStream out) {
        if (reference == null) {
            out.println("No engine ran; nothing to compare.");
            return;
        }
        if (mismatchesByEngine.isEmpty()) {
            out.printf("Only %s ran; no comparison.%n%n", reference.engine());
            return;
        }
        out.printf(
                Locale.ROOT,
                "Agreement with %s on %d sample queries (total, first page of ids in order, "
                        + "facet counts):"
                        + " mismatch count ",
                reference.engine(),
                sample.size());
        List<String> counts = new ArrayList<>();
        mismatchesByEngine.forEach((engine, count) -> counts.add(engine + " " + count));
        out.println(String.join(", ", counts) + ".");
        for (String disagreement : disagreements) {
            out.println("- " + disagreement);
        }
        out.println();
    }

    private void printAims(PrintStream out) {
        Optional<EngineRun> lucene = find(FeedBench.LUCENE);
        if (lucene.isEmpty()) {
            return;
        }
        LatencyStats luceneStats = lucene.get().latency();
        List<String> lines = new ArrayList<>();
        find(FeedBench.POSTGRES)
                .ifPresent(pg -> lines.add(String.format(
                        Locale.ROOT,
                        "Lucene ≥ 10× PostgreSQL throughput: %s on 1 thread, %s on %d threads",
                        ratio(luceneStats.queriesPerSecond(), pg.latency().queriesPerSecond()),
                        ratio(
                                lucene.get().parallelQueriesPerSecond(),
                                pg.parallelQueriesPerSecond()),
                        settings.threads())));
        find(FeedBench.BITSET)
                .ifPresent(floor -> lines.add(String.format(
                        Locale.ROOT,
                        "Lucene within 4× of the bitset floor: the floor is %s faster on 1 "
                                + "thread, %s on %d threads",
                        ratio(floor.latency().queriesPerSecond(), luceneStats.queriesPerSecond()),
                        ratio(
                                floor.parallelQueriesPerSecond(),
                                lucene.get().parallelQueriesPerSecond()),
                        settings.threads())));
        lines.add(String.format(
                Locale.ROOT, "Lucene p99 ≤ 3 ms: p99 is %.2f ms", luceneStats.p99Nanos() / 1e6));
        out.println("Against the aims:");
        lines.forEach(line -> out.println("- " + line));
        out.println();
    }

    private Optional<EngineRun> find(String engine) {
        return runs.stream()
                .filter(run -> run.engine().equals(engine) && run.succeeded())
                .findFirst();
    }

    private String openShare() {
        Instant now = dataset.now();
        long open = 0;
        long upcoming = 0;
        for (Process process : dataset.processes()) {
            ProcessStatus status = process.statusAt(now);
            if (status == ProcessStatus.OPEN) {
                open++;
            } else if (status == ProcessStatus.UPCOMING) {
                upcoming++;
            }
        }
        return String.format(
                Locale.ROOT,
                "%.1f %% (open %.1f %%, upcoming %.1f %%)",
                100.0 * (open + upcoming) / dataset.size(),
                100.0 * open / dataset.size(),
                100.0 * upcoming / dataset.size());
    }

    private String levelMix() {
        Map<AreaLevel, Integer> counts = new EnumMap<>(AreaLevel.class);
        for (Process process : dataset.processes()) {
            counts.merge(process.territories().get(0).area().level(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((level, count) -> parts.add(String.format(
                Locale.ROOT, "%s %.1f %%", level.code(), 100.0 * count / dataset.size())));
        return String.join(", ", parts);
    }

    private String queryMix() {
        Map<String, Integer> counts = new TreeMap<>();
        for (BenchQuery query : timed) {
            String kind = query.scope().name().toLowerCase(Locale.ROOT) + " "
                    + query.place().level().code();
            counts.merge(kind, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(
                String.format(Locale.ROOT, "%s %.0f %%", kind, 100.0 * count / timed.size())));
        return String.join(", ", parts);
    }

    private String themeMix() {
        int[] counts = new int[4];
        for (BenchQuery query : timed) {
            counts[Math.min(3, query.themes().size())]++;
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            parts.add(
                    String.format(Locale.ROOT, "%d: %.0f %%", k, 100.0 * counts[k] / timed.size()));
        }
        return String.join(", ", parts);
    }

    private Optional<Double> meanMatches() {
        if (reference == null || reference.sampleAnswers().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reference.sampleAnswers().stream()
                .mapToLong(FeedAnswer::total)
                .average()
                .orElse(0));
    }

    /**
     * CPU per query of the timing thread; for an out-of-process engine, only the client's share.
     */
    private static String cpu(EngineRun run, LatencyStats stats) {
        if (stats.cpuNanosPerQuery() < 0) {
            return "–";
        }
        String value = String.format(Locale.ROOT, "%,.0f", stats.cpuNanosPerQuery() / 1e3);
        return run.engine().equals(FeedBench.POSTGRES) ? value + " (client)" : value;
    }

    private static long micros(long nanos) {
        return Math.round(nanos / 1e3);
    }

    private static String ratio(double value, double base) {
        return String.format(Locale.ROOT, "%.2f×", value / base);
    }
}
