package org.parvis.app;

import org.jspecify.annotations.Nullable;
import org.parvis.source.HarvestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parvis serve}: opens the node, serves the API and harvests every configured source on its
 * interval until stopped.
 *
 * <p>Not thread-safe (one instance per command line).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Serve the feed API and harvest the configured sources on their intervals.",
            "Sources are read from --config, else from ./parvis.yml when it exists.",
            "E-mail alerts are on when a mail: block or PARVIS_MAIL_HOST names an SMTP server."
        })
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    NodeOptions nodeOptions = new NodeOptions();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Node configuration (sources to harvest).")
    @Nullable
    Path config;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE};"
                    + " 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    private final NodeFactory factory;

    ServeCommand(NodeFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws Exception {
        ParvisConfig configuration = ParvisConfig.load(config);
        if (configuration.sources().isEmpty()) {
            LOG.warn("no sources configured: serving what the store holds; list sources in "
                    + "parvis.yml");
        }

        NodeRuntime node = factory.open(nodeOptions.settings(configuration.sources()));
        try {
            Commands.enableAlerts(node, configuration.mail(), host, port);
            AutoCloseable api = Commands.startApi(node, host, port);
            HarvestScheduler scheduler = new HarvestScheduler(
                    Commands.harvester(
                            node,
                            configuration.contact(),
                            HarvestListener.NONE,
                            configuration.sources()),
                    configuration.sources(),
                    node::afterHarvest);
            scheduler.start();
            LOG.info("Parvis {} serving http://{}:{}/api/v1/feed", Version.current(), host, port);
            Commands.runUntilStopped(List.of(node, api, scheduler));
            return Main.EXIT_OK;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }
}
