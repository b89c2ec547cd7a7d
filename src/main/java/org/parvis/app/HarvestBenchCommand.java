package org.parvis.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.parvis.demo.FakeDecidim;
import org.parvis.source.Connectors;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.HttpFetcher;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;
import org.parvis.store.JdbcStore;
import org.parvis.store.Store;
import org.parvis.store.StoreLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code parvis bench harvest}: harvests a loopback Decidim twice through the real connector,
 * HTTP client and a fresh SQLite store, and prints what it cost: requests per 1,000 harvested
 * items on the first harvest and on an unchanged re-harvest, bytes, and the highest request rate
 * seen by the host (peak per sliding minute, shortest gap between two requests), which the
 * configured rate limit must bound.
 *
 * <p>Not thread-safe (one instance per command line).
 */
@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Measure the requests a Decidim harvest costs, on a loopback Decidim.",
            "Figures: requests per 1,000 items (first and unchanged re-harvest), peak rate."
        })
final class HarvestBenchCommand implements Callable<Integer> {

    @Option(
            names = "--proposals",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Proposals in the largest component (default: ${DEFAULT-VALUE}).")
    int proposals = 2000;

    @Option(
            names = "--generation",
            paramLabel = "V",
            defaultValue = "0.30",
            description =
                    "Decidim schema generation: 0.27, 0.28 or 0.30 (default: ${DEFAULT-VALUE}).")
    String generation = "0.30";

    @Option(
            names = "--rate",
            paramLabel = "PER_MINUTE",
            defaultValue = "60",
            description = "Requests per minute allowed to the host (default: ${DEFAULT-VALUE},"
                    + " the production default; a run then takes about one second per request).")
    int rate = SourceConfig.DEFAULT_REQUESTS_PER_MINUTE;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("parvis-bench-harvest");
        try (FakeDecidim decidim =
                        FakeDecidim.start(generation, generation + ".0", Instant.now(), proposals);
                Store store = JdbcStore.open(StoreLocation.sqlite(dir))) {
            SourceConfig source = decidim.sourceConfig("bench-decidim").withRequestsPerMinute(rate);
            HttpFetcher fetcher = new HttpFetcher(
                    HttpFetcher.Settings.defaults(Version.current(), Version.DEFAULT_CONTACT));
            Harvester harvester = new Harvester(
                    store,
                    Connectors.defaults(),
                    fetcher,
                    Clock.systemUTC(),
                    HarvestListener.NONE,
                    new SimpleMeterRegistry());

            out.printf(
                    Locale.ROOT,
                    "Decidim %s on loopback, %d records, rate limit %d/min%n",
                    generation,
                    decidim.countRecords(),
                    rate);
            out.flush();
            HarvestRun first = harvester.harvest(source);
            print(out, "first harvest", first);
            HarvestRun again = harvester.harvest(source);
            print(out, "unchanged re-harvest", again);
            out.printf(
                    Locale.ROOT,
                    "peak requests to the host in any 60 s: %d; shortest gap between two: %d ms%n",
                    fetcher.peakRequestsPerMinute(),
                    fetcher.shortestGapMillis());
            out.flush();
            return first.outcome() == HarvestRun.Outcome.SUCCESS
                            && again.outcome() == HarvestRun.Outcome.SUCCESS
                    ? Main.EXIT_OK
                    : Main.EXIT_HARVEST_FAILED;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void print(PrintWriter out, String label, HarvestRun run) {
        long items = run.itemsNew() + run.itemsChanged() + run.itemsUnchanged();
        double seconds = (run.endedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0;
        out.printf(
                Locale.ROOT,
                "%-21s %-8s %6d items %5d requests = %6.1f per 1,000 items, %,d bytes, %.1f s%n",
                label,
                run.outcome().name().toLowerCase(Locale.ROOT),
                items,
                run.requests(),
                items == 0 ? 0.0 : run.requests() * 1000.0 / items,
                run.bytes(),
                seconds);
        out.flush();
    }
}
