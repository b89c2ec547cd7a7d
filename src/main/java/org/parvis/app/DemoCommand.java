package org.parvis.app;

import org.jspecify.annotations.Nullable;
import org.parvis.demo.FakeDataspace;
import org.parvis.demo.FakeDecidim;
import org.parvis.demo.FakeOpenDataExport;
import org.parvis.demo.FakePlatform;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code parvis demo}: starts the sample platform, a Decidim instance, a Decidim open-data export
 * and a data space endpoint on the loopback interface, harvests them over HTTP with the real
 * connectors, then serves the API on 127.0.0.1 and prints URLs to try.
 *
 * <p>Not thread-safe (one instance per command line).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Run a node on bundled sample data (données d'exemple).",
            "A local sample platform is harvested over HTTP, then the API is served on 127.0.0.1.",
            "With an SMTP server (mail: block of --config, or PARVIS_MAIL_HOST and"
                    + " PARVIS_MAIL_FROM), e-mail alerts are on: the platform is harvested again"
                    + " every minute and publishes a new Bordeaux process after"
                    + " --new-process-after."
        })
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    /** The source id of the loopback Decidim instance. */
    static final String DECIDIM_SOURCE_ID = "demo-decidim-bordeaux-metropole";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "API port (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "parvis-data/demo",
            description = "Data directory of the demo node (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("parvis-data/demo");

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read the mail: block (SMTP server for e-mail alerts) of this file;"
                    + " default ./parvis.yml when it exists. Its sources are not used.")
    @Nullable
    Path config;

    @Option(
            names = "--new-process-after",
            paramLabel = "DURATION",
            defaultValue = "3m",
            description = "With e-mail alerts on: when the sample platform publishes a new process"
                    + " in Bordeaux (default: ${DEFAULT-VALUE}).")
    String newProcessAfter = "3m";

    @Spec
    CommandSpec spec;

    /** The sample process held back, then published, so that alerts have something new. */
    static final String HELD_SOURCE = "demo-bordeaux-metropole";

    static final String HELD_PROCESS = "process/restauration-scolaire";

    /** How often the demo harvests its platform again when alerts are on. */
    static final Duration REHARVEST_INTERVAL = Duration.ofMinutes(1);

    private final NodeFactory factory;

    DemoCommand(NodeFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            // The sample platform materialises its dates now, so some items are open, some
            // upcoming.
            SamplePlatforms samples = startSamplePlatforms(Instant.now(), resources);
            FakePlatform platform = samples.platform();
            List<SourceConfig> sources = samples.sources();

            NodeRuntime node = factory.open(NodeOptions.settings(dataDir, null, sources));
            resources.add(node);
            String host = "127.0.0.1";
            Duration publishAfter = ParvisConfig.parseDuration(newProcessAfter);
            boolean alerts =
                    Commands.enableAlerts(node, ParvisConfig.load(config).mail(), host, port);
            if (alerts) {
                platform.hold(HELD_SOURCE, HELD_PROCESS);
            }
            Harvester harvester = Commands.harvester(
                    node, Version.DEFAULT_CONTACT, HarvestListener.NONE, sources);
            int failed = 0;
            for (SourceConfig source : sources) {
                if (harvester.harvest(source).outcome() == HarvestRun.Outcome.FAILED) {
                    failed++;
                }
            }
            node.afterHarvest();

            resources.add(Commands.startApi(node, host, port));
            if (alerts) {
                List<SourceConfig> often = sources.stream()
                        .map(source -> source.withInterval(REHARVEST_INTERVAL))
                        .toList();
                HarvestScheduler scheduler =
                        new HarvestScheduler(harvester, often, node::afterHarvest);
                scheduler.start();
                resources.add(scheduler);
                resources.add(publishLater(platform, publishAfter));
            }
            printWelcome(spec.commandLine().getOut(), sources.size(), failed);
            if (alerts) {
                printAlerts(spec.commandLine().getOut(), publishAfter);
            }
            Commands.runUntilStopped(resources);
            return Main.EXIT_OK;
        } catch (RuntimeException e) {
            java.util.Collections.reverse(resources);
            resources.forEach(Commands::closeQuietly);
            throw e;
        }
    }

    /** Publishes the held process after {@code delay}; closing cancels it. */
    private static AutoCloseable publishLater(FakePlatform platform, Duration delay) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parvis-demo-publish");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(
                () -> {
                    platform.release(HELD_SOURCE, HELD_PROCESS);
                    LOG.info(
                            "sample platform: new process {} published; the next harvest finds"
                                    + " it",
                            HELD_PROCESS);
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    private void printAlerts(PrintWriter out, Duration publishAfter) {
        String base = "http://localhost:" + port;
        out.println();
        out.println("E-mail alerts are on. Subscribe to Bordeaux from the feed page's form, or:");
        out.println(
                "  curl -H 'Content-Type: application/json' -d '{\"email\": \"you@example.org\","
                        + " \"place\": \"fr:commune:33063\", \"frequency\": \"immediate\"}' "
                        + base + "/api/v1/subscriptions");
        out.printf(
                "Confirm with the link in the mail; in %d min the sample platform publishes a new"
                        + " Bordeaux process, harvested within a minute, and the alert is sent.%n",
                Math.max(1, publishAfter.toMinutes()));
        out.flush();
    }

    /**
     * Starts the loopback sample platforms with dates relative to {@code now}, adds them to {@code
     * resources} (to close) and returns them with their sources.
     */
    static SamplePlatforms startSamplePlatforms(Instant now, List<AutoCloseable> resources)
            throws java.io.IOException {
        FakePlatform platform = FakePlatform.start(now);
        resources.add(platform);
        // A loopback Decidim 0.30 that executes real GraphQL, read by the Decidim connector.
        FakeDecidim decidim = FakeDecidim.start("0.30", "0.30.0", now);
        resources.add(decidim);
        List<SourceConfig> sources = new ArrayList<>(platform.listSources());
        sources.add(decidim.sourceConfig(DECIDIM_SOURCE_ID));

        // A Decidim open-data export and a data space endpoint, read by their connectors.
        Instant materialisedAt = platform.materialisedAt();
        FakeOpenDataExport openData = FakeOpenDataExport.start(materialisedAt);
        resources.add(openData);
        sources.add(openData.sourceConfig("demo-rennes-open-data"));
        FakeDataspace dataspace = FakeDataspace.start(materialisedAt);
        resources.add(dataspace);
        sources.add(dataspace.sourceConfig("demo-nantes-dataspace"));
        return new SamplePlatforms(platform, sources);
    }

    private void printWelcome(PrintWriter out, int sources, int failed) {
        String api = "http://localhost:" + port + "/api/v1";
        out.println();
        out.println("Parvis demo — sample data only (données d'exemple, not real processes).");
        out.printf(
                "Harvested %d sample platforms%s. Try:%n",
                sources, failed == 0 ? "" : " (" + failed + " failed)");
        out.println("  The web pages, in French or English:");
        out.println("    http://localhost:" + port + "/feed?place=fr:commune:33063");
        out.println("  Around Bordeaux (commune, métropole, Gironde, région, France, EU):");
        out.println("    " + api + "/feed?place=fr:commune:33063");
        out.println("  Around Périgueux (no Bordeaux items):");
        out.println("    " + api + "/feed?place=fr:commune:24322");
        out.println("  Everything in Gironde, closed included:");
        out.println("    " + api + "/feed?place=fr:departement:33&scope=within&status=all");
        out.println("  Everything, every status:");
        out.println("    " + api + "/feed?place=fr&scope=within&status=all");
        out.println("  Mérignac's participatory budget, from a Decidim instance (GraphQL API),"
                + " and what came of it:");
        out.println("    http://localhost:" + port + "/items/" + DECIDIM_SOURCE_ID
                + ":ParticipatoryProcess/12");
        out.println("  Rennes, from a Decidim open-data export (CSV in a zip):");
        out.println("    " + api + "/feed?place=fr:commune:35238&status=all");
        out.println("  Nantes, from a Democracy Data Space endpoint:");
        out.println("    " + api + "/feed?place=fr:commune:44109&status=all");
        out.println("  A place and its parents (Mérignac):");
        out.println("    " + api + "/places/fr:commune:33281");
        out.println("  Find a place the way a citizen types it:");
        out.println("    " + api + "/places?q=st%20etienne");
        out.println("  The sample platforms and their last harvest:");
        out.println("    " + api + "/sources");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    /**
     * The started sample platforms: the unified-JSON one (which can hold back a process) and the
     * sources of all of them.
     */
    record SamplePlatforms(FakePlatform platform, List<SourceConfig> sources) {}
}
