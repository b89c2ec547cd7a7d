package org.parvis.app;

import org.parvis.demo.FakeDataspace;
import org.parvis.demo.FakeDecidim;
import org.parvis.demo.FakeOpenDataExport;
import org.parvis.demo.FakePlatform;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
            "A local sample platform is harvested over HTTP, then the API is served on 127.0.0.1."
        })
final class DemoCommand implements Callable<Integer> {

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

    @Spec
    CommandSpec spec;

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
            List<SourceConfig> sources = startSamplePlatforms(Instant.now(), resources);

            NodeRuntime node = factory.open(NodeOptions.settings(dataDir, null, sources));
            resources.add(node);
            Harvester harvester = Commands.harvester(
                    node, Version.DEFAULT_CONTACT, HarvestListener.NONE, sources);
            int failed = 0;
            for (SourceConfig source : sources) {
                if (harvester.harvest(source).outcome() == HarvestRun.Outcome.FAILED) {
                    failed++;
                }
            }

            String host = "127.0.0.1";
            resources.add(Commands.startApi(node, host, port));
            printWelcome(spec.commandLine().getOut(), sources.size(), failed);
            Commands.runUntilStopped(resources);
            return Main.EXIT_OK;
        } catch (RuntimeException e) {
            java.util.Collections.reverse(resources);
            resources.forEach(Commands::closeQuietly);
            throw e;
        }
    }

    /**
     * Starts the loopback sample platforms with dates relative to {@code now}, adds them to {@code
     * resources} (to close) and returns their sources.
     */
    static List<SourceConfig> startSamplePlatforms(Instant now, List<AutoCloseable> resources)
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
        return sources;
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
}
