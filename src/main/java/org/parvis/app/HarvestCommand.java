package org.parvis.app;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.jspecify.annotations.Nullable;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code parvis harvest}: harvests the configured sources once, in order, and prints one line per
 * run. A progress bar is drawn only on an interactive console; otherwise the log lines suffice.
 *
 * <p>Not thread-safe (one instance per command line).
 */
@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Harvest the configured sources once and update the search index.",
            "Exit code " + Main.EXIT_HARVEST_FAILED
                    + " when a source could not be harvested at all."
        })
final class HarvestCommand implements Callable<Integer> {

    @Mixin
    NodeOptions nodeOptions = new NodeOptions();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Node configuration (default: ./parvis.yml).")
    @Nullable
    Path config;

    @Option(
            names = "--source",
            paramLabel = "ID",
            description =
                    "Harvest only this source (repeatable); default: every configured source.")
    List<String> sourceIds = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final NodeFactory factory;

    HarvestCommand(NodeFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        ParvisConfig configuration = ParvisConfig.load(config);
        if (configuration.sources().isEmpty()) {
            throw new ParvisConfigException("no sources to harvest: list them under 'sources:' in "
                    + (config == null ? ParvisConfig.DEFAULT_FILE.toAbsolutePath() : config)
                    + " (see parvis harvest --help), or try parvis demo");
        }
        List<SourceConfig> sources = configuration.selectSources(sourceIds);
        if (configuration.mail().enabled() && configuration.mail().publicUrl() == null) {
            // This command serves no pages, so it cannot know the address its mails link to.
            throw new ParvisConfigException("e-mail alerts are configured but not the node's"
                    + " public address: set mail.publicUrl (or PARVIS_PUBLIC_URL) to the address"
                    + " where parvis serve answers, e.g. https://parvis.example.org, so that the"
                    + " links in the mails work");
        }

        List<HarvestRun> runs = new ArrayList<>();
        try (NodeRuntime node = factory.open(nodeOptions.settings(configuration.sources()));
                ProgressBar bar = System.console() == null ? null : progressBar()) {
            HarvestListener progress = bar == null
                    ? HarvestListener.NONE
                    : (source, batch, removed) ->
                            bar.stepBy(batch.inserted() + batch.changed() + batch.unchanged());
            Harvester harvester = Commands.harvester(
                    node, configuration.contact(), progress, configuration.sources());
            for (SourceConfig source : sources) {
                if (bar != null) {
                    bar.setExtraMessage(source.id());
                }
                runs.add(harvester.harvest(source));
            }
            // Alerts match what was harvested; the mails go out now (or from a serving node).
            // The public URL is set (checked above): the host and port below are not used.
            if (Commands.enableAlerts(node, configuration.mail(), "localhost", 0)) {
                node.afterHarvest();
                node.deliverAlerts();
            }
        }

        report(spec.commandLine().getOut(), runs);
        return runs.stream().anyMatch(run -> run.outcome() == HarvestRun.Outcome.FAILED)
                ? Main.EXIT_HARVEST_FAILED
                : Main.EXIT_OK;
    }

    private static ProgressBar progressBar() {
        return new ProgressBarBuilder()
                .setTaskName("harvest")
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" items", 1)
                .build();
    }

    private static void report(PrintWriter out, List<HarvestRun> runs) {
        for (HarvestRun run : runs) {
            out.printf(
                    Locale.ROOT,
                    "%-30s %-8s %6d new %6d changed %6d unchanged %6d removed %4d issues"
                            + " %5d requests%s%n",
                    run.sourceId(),
                    run.outcome().name().toLowerCase(Locale.ROOT),
                    run.itemsNew(),
                    run.itemsChanged(),
                    run.itemsUnchanged(),
                    run.itemsRemoved(),
                    run.issues().size(),
                    run.requests(),
                    run.error() == null ? "" : "  " + run.error());
        }
        out.flush();
    }
}
