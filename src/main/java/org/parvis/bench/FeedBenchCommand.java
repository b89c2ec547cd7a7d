package org.parvis.bench;

import org.parvis.territory.FrenchGazetteer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code parvis bench feed}: generates synthetic processes over the real French communes and
 * measures the feed query on Parvis's Lucene index, on PostgreSQL (when a database is given) and on
 * an in-memory bitset floor, then prints a Markdown report on standard output (progress goes to
 * standard error). Exits with 1 when an engine failed or the engines disagreed on a sample query.
 *
 * <p>Also runnable on its own: {@code java -cp target/parvis.jar
 * org.parvis.bench.FeedBenchCommand}.
 *
 * <p>Not thread-safe: picocli fills the fields, then calls {@link #call} once.
 */
@Command(
        name = "feed",
        mixinStandardHelpOptions = true,
        description =
                "Measures the feed query on synthetic processes: Parvis's Lucene index, PostgreSQL"
                        + " and an in-memory bitset floor, on the same data in the same run.")
public final class FeedBenchCommand implements Callable<Integer> {

    /** Where the PostgreSQL URL comes from when {@code --postgres} is not given. */
    public static final String POSTGRES_URL_VARIABLE = "PARVIS_BENCH_POSTGRES_URL";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--items",
            defaultValue = "100000",
            description = "Synthetic processes to generate (default: ${DEFAULT-VALUE}).")
    private int items;

    @Option(
            names = "--queries",
            defaultValue = "20000",
            description = "Queries timed on one thread for the in-process engines (default: "
                    + "${DEFAULT-VALUE}).")
    private int queries;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the data and the queries (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL to compare with, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/parvis?user=parvis"
                    + " (default: $" + POSTGRES_URL_VARIABLE
                    + "; without either, PostgreSQL is skipped)."
                    + " A fresh schema is created and dropped at the end.")
    private String postgres;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "Threads for the throughput figure (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(
            names = "--postgres-queries",
            defaultValue = "2000",
            description = "Queries timed on one thread for PostgreSQL (default: ${DEFAULT-VALUE}).")
    private int postgresQueries;

    @Option(
            names = "--sample",
            defaultValue = "200",
            description = "Queries on which the engines' answers are compared (default: "
                    + "${DEFAULT-VALUE}).")
    private int sample;

    @Option(
            names = "--phase-limit-seconds",
            defaultValue = "60",
            description = "Longest a timed phase may run before it stops early (default: "
                    + "${DEFAULT-VALUE}).")
    private long phaseLimitSeconds;

    @Option(
            names = "--index-dir",
            paramLabel = "DIR",
            description =
                    "New directory for the Lucene index (default: a temporary directory, removed "
                            + "at the end).")
    private Path indexDirectory;

    @Option(
            names = "--index-in-memory",
            description = "Hold the Lucene index in memory instead of a memory-mapped directory.")
    private boolean indexInMemory;

    @Override
    public Integer call() {
        String url = postgres != null ? postgres : System.getenv(POSTGRES_URL_VARIABLE);
        FeedBench.Settings settings;
        try {
            settings = new FeedBench.Settings(
                    items,
                    queries,
                    seed,
                    url,
                    threads,
                    postgresQueries,
                    sample,
                    phaseLimitSeconds,
                    FeedBench.DEFAULT_NOW,
                    indexInMemory ? FeedBench.IN_MEMORY : indexDirectory);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }

        long start = System.nanoTime();
        FrenchGazetteer gazetteer = FrenchGazetteer.loadDefault();
        spec.commandLine()
                .getErr()
                .printf(
                        "gazetteer %s: %,d places loaded in %.1f s%n",
                        gazetteer.vintage(), gazetteer.size(), (System.nanoTime() - start) / 1e9);
        return FeedBench.create(gazetteer, settings, System.out, System.err).run();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FeedBenchCommand()).execute(args));
    }
}
