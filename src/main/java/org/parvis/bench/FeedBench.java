package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.territory.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures the feed query ("which open processes concern this place and these themes?") on
 * synthetic processes spread over real places, for several engines on the same data in the same
 * run: Parvis's Lucene feed index, PostgreSQL with a plain relational design (when a database is
 * given) and an in-memory bitset floor. Prints a Markdown report with load times, single-thread
 * latency percentiles, multi-thread throughput, ratios to Lucene, and how many sample queries the
 * engines answered differently.
 *
 * <p>Each engine is loaded, warmed up, checked on the sample queries, timed on one thread, timed on
 * several threads, then closed before the next one starts, so they never compete for the CPU.
 *
 * <p>Not thread-safe: one run at a time; the run starts and stops its own worker threads.
 */
public final class FeedBench {

    private static final Logger LOG = LoggerFactory.getLogger(FeedBench.class);

    /** The instant at which statuses are computed, fixed so that runs can be compared. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-05-15T10:00:00Z");

    /** The {@link Settings#indexDirectory} that asks for an index held in memory. */
    public static final Path IN_MEMORY = Path.of(":memory:");

    static final String LUCENE = "Lucene (Parvis feed index)";
    static final String POSTGRES = "PostgreSQL";
    static final String BITSET = "Bitsets in memory (floor)";

    /** Warming up stops after this long at most: enough for the JIT, without eating the budget. */
    private static final long WARMUP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final Gazetteer gazetteer;
    private final Settings settings;
    private final List<EngineSpec> engines;
    private final List<String> skipped;
    private final PrintStream out;
    private final PrintStream progress;

    /**
     * What to run.
     *
     * @param items synthetic processes to generate
     * @param queries queries to time for each in-process engine
     * @param seed the seed of the data and the queries
     * @param postgresUrl a JDBC URL, or null to skip PostgreSQL
     * @param threads threads for the throughput figure
     * @param postgresQueries queries to time for PostgreSQL (at most {@code queries})
     * @param sampleQueries queries on which the engines' answers are compared
     * @param phaseLimitSeconds the longest a timed phase may run before it stops early
     * @param now the instant at which statuses are computed
     * @param indexDirectory where the Lucene index goes: null for a temporary directory removed at
     *     the end, {@link #IN_MEMORY} for an index held in memory, else a new directory
     */
    public record Settings(
            int items,
            int queries,
            long seed,
            @Nullable String postgresUrl,
            int threads,
            int postgresQueries,
            int sampleQueries,
            long phaseLimitSeconds,
            Instant now,
            @Nullable Path indexDirectory) {

        public Settings {
            requireRange("items", items, 1, 10_000_000);
            requireRange("queries", queries, 1, 10_000_000);
            requireRange("threads", threads, 1, 64);
            requireRange("postgres queries", postgresQueries, 1, 10_000_000);
            requireRange("sample queries", sampleQueries, 0, 100_000);
            requireRange("phase limit seconds", phaseLimitSeconds, 1, 3600);
            Objects.requireNonNull(now, "now");
            postgresUrl = postgresUrl == null || postgresUrl.isBlank() ? null : postgresUrl.strip();
        }

        private static void requireRange(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        name + " is " + value + "; expected " + min + " to " + max);
            }
        }
    }

    /** An engine to build; an out-of-process engine is timed on fewer queries. */
    record EngineSpec(String name, Supplier<FeedEngine> factory, boolean outOfProcess) {}

    /**
     * A run of every engine available: Lucene, PostgreSQL when {@code settings} name a database,
     * and the bitset floor. {@code out} gets the report, {@code progress} what happens meanwhile.
     */
    public static FeedBench create(
            Gazetteer gazetteer, Settings settings, PrintStream out, PrintStream progress) {
        AreaHierarchy hierarchy = AreaHierarchy.of(gazetteer);
        List<EngineSpec> engines = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Path indexDirectory = settings.indexDirectory();
        engines.add(new EngineSpec(
                LUCENE,
                () -> IN_MEMORY.equals(indexDirectory)
                        ? LuceneFeedEngine.inMemory(gazetteer)
                        : LuceneFeedEngine.onDisk(gazetteer, indexDirectory),
                false));
        String postgresUrl = settings.postgresUrl();
        if (postgresUrl != null) {
            engines.add(new EngineSpec(
                    POSTGRES, () -> new PostgresFeedEngine(postgresUrl, hierarchy), true));
        } else {
            skipped.add(
                    "PostgreSQL, because no database was given (--postgres jdbc:postgresql://… or"
                            + " PARVIS_BENCH_POSTGRES_URL).");
        }
        engines.add(new EngineSpec(BITSET, () -> new BitsetFeedEngine(hierarchy), false));
        return new FeedBench(gazetteer, settings, engines, skipped, out, progress);
    }

    FeedBench(
            Gazetteer gazetteer,
            Settings settings,
            List<EngineSpec> engines,
            List<String> skipped,
            PrintStream out,
            PrintStream progress) {
        this.gazetteer = gazetteer;
        this.settings = settings;
        this.engines = List.copyOf(engines);
        this.skipped = List.copyOf(skipped);
        this.out = out;
        this.progress = progress;
    }

    /**
     * Generates the data and queries, runs every engine and prints the report to {@code out}.
     * Returns 0 when every engine ran and all agreed on the sample queries, 1 otherwise.
     */
    public int run() {
        progress.printf("generating %,d processes (seed %d)%n", settings.items(), settings.seed());
        long start = System.nanoTime();
        BenchDataset dataset = new SyntheticProcesses(gazetteer)
                .generate(settings.items(), settings.seed(), settings.now());
        long generateNanos = System.nanoTime() - start;

        QueryGenerator queryGenerator = new QueryGenerator(gazetteer);
        List<BenchQuery> warmup =
                queryGenerator.generate(Math.min(5_000, settings.queries()), settings.seed() + 1);
        List<BenchQuery> timed = queryGenerator.generate(settings.queries(), settings.seed() + 2);
        List<BenchQuery> sample =
                queryGenerator.generate(settings.sampleQueries(), settings.seed() + 3);

        String loadBefore = loadAverage();
        List<EngineRun> runs = new ArrayList<>();
        for (EngineSpec spec : engines) {
            runs.add(runEngine(spec, dataset, warmup, timed, sample));
        }
        String machineLoad = "load average (1, 5, 15 min) " + loadBefore
                + " before the engines ran, " + loadAverage() + " after";

        BenchReport report = new BenchReport(
                settings,
                dataset,
                gazetteer,
                generateNanos,
                timed,
                sample,
                runs,
                skipped,
                machineLoad);
        report.print(out);
        boolean allRan = runs.stream().allMatch(EngineRun::succeeded);
        return allRan && report.mismatchCount() == 0 ? 0 : 1;
    }

    private EngineRun runEngine(
            EngineSpec spec,
            BenchDataset dataset,
            List<BenchQuery> warmup,
            List<BenchQuery> timed,
            List<BenchQuery> sample) {
        int timedCount = spec.outOfProcess()
                ? Math.min(settings.queries(), settings.postgresQueries())
                : timed.size();
        int warmupCount = spec.outOfProcess() ? Math.min(200, warmup.size()) : warmup.size();
        long limitNanos = TimeUnit.SECONDS.toNanos(settings.phaseLimitSeconds());
        System.gc();

        try (FeedEngine engine = spec.factory().get()) {
            progress.printf("%s: loading%n", spec.name());
            long start = System.nanoTime();
            engine.load(dataset);
            long loadNanos = System.nanoTime() - start;
            progress.printf("%s: loaded in %.1f s; warming up%n", spec.name(), loadNanos / 1e9);

            List<FeedAnswer> sampleAnswers = new ArrayList<>(sample.size());
            LatencyStats latency;
            try (FeedEngine.Session session = engine.openSession()) {
                runUntil(
                        session,
                        warmup,
                        warmupCount,
                        System.nanoTime() + Math.min(limitNanos, WARMUP_LIMIT_NANOS));
                for (BenchQuery query : sample) {
                    sampleAnswers.add(session.query(query));
                }
                progress.printf(
                        "%s: timing up to %,d queries on one thread%n", spec.name(), timedCount);
                latency = timeSingleThread(session, timed, timedCount, limitNanos);
            }

            progress.printf("%s: timing on %d threads%n", spec.name(), settings.threads());
            long[] parallel = timeParallel(engine, timed, timedCount, limitNanos);
            double parallelQps = parallel[0] * 1e9 / parallel[1];
            String note = engine.describe();
            return new EngineRun(
                    spec.name(),
                    note,
                    loadNanos,
                    latency,
                    settings.threads(),
                    parallelQps,
                    (int) parallel[0],
                    sampleAnswers,
                    null);
        } catch (Exception | OutOfMemoryError e) {
            progress.printf("%s: failed: %s%n", spec.name(), e);
            LOG.error("Feed benchmark engine {} failed", spec.name(), e);
            return EngineRun.failed(spec.name(), e.toString());
        }
    }

    private static void runUntil(
            FeedEngine.Session session, List<BenchQuery> queries, int count, long deadlineNanos)
            throws Exception {
        for (int i = 0; i < count && System.nanoTime() < deadlineNanos; i++) {
            Sink.consume(session.query(queries.get(i)));
        }
    }

    private static LatencyStats timeSingleThread(
            FeedEngine.Session session, List<BenchQuery> queries, int count, long limitNanos)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long[] latencies = new long[count];
        long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long deadline = start + limitNanos;
        int done = 0;
        while (done < count && (done == 0 || System.nanoTime() < deadline)) {
            long before = System.nanoTime();
            FeedAnswer answer = session.query(queries.get(done));
            latencies[done] = System.nanoTime() - before;
            Sink.consume(answer);
            done++;
        }
        long elapsed = System.nanoTime() - start;
        long cpu = cpuTimed ? threads.getCurrentThreadCpuTime() - cpuStart : -1;
        return LatencyStats.of(latencies, done, elapsed, cpu);
    }

    /** Runs the queries on {@code threads} sessions at once; returns {count, elapsed nanos}. */
    private long[] timeParallel(
            FeedEngine engine, List<BenchQuery> queries, int count, long limitNanos)
            throws Exception {
        int threads = settings.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<FeedEngine.Session> sessions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                sessions.add(engine.openSession());
            }
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong deadline = new AtomicLong();
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                FeedEngine.Session session = sessions.get(t);
                results.add(pool.submit(() -> {
                    try (session) {
                        ready.countDown();
                        go.await();
                        int done = 0;
                        for (int i = first;
                                i < count && System.nanoTime() < deadline.get();
                                i += threads) {
                            Sink.consume(session.query(queries.get(i)));
                            done++;
                        }
                        return done;
                    }
                }));
            }
            ready.await();
            long start = System.nanoTime();
            deadline.set(start + limitNanos);
            go.countDown();
            long done = 0;
            for (Future<Integer> result : results) {
                done += result.get();
            }
            return new long[] {done, System.nanoTime() - start};
        } finally {
            pool.shutdownNow();
        }
    }

    /** The system load averages from {@code /proc/loadavg}, or "unknown" where there is none. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Keeps answers observable so that the JIT cannot drop the work that produced them. */
    static final class Sink {

        private static volatile long total;

        private Sink() {}

        static void consume(FeedAnswer answer) {
            total += answer.total() + answer.page().size();
        }
    }
}
