package org.parvis.app;

import io.javalin.util.JavalinBindException;

import org.parvis.source.Connectors;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.HttpFetcher;
import org.parvis.source.SourceConfig;
import org.parvis.territory.ScopeResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Steps the commands share: building the harvester of a node, starting its API with a clear error
 * when the port is taken, and running until the process is stopped.
 *
 * <p>Stateless and thread-safe.
 */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private Commands() {}

    /**
     * A harvester writing to the node's store that catches the index up after every batch and then
     * tells {@code progress}.
     */
    static Harvester harvester(NodeRuntime node, URI contact, HarvestListener progress) {
        return harvester(node, contact, progress, List.of());
    }

    /**
     * A harvester as above that also places items inside their source's territory, after checking
     * that the scope mappings of {@code sources} name known areas.
     *
     * @throws ParvisConfigException naming the source and label of a bad scope mapping
     */
    static Harvester harvester(
            NodeRuntime node, URI contact, HarvestListener progress, List<SourceConfig> sources) {
        HttpFetcher fetcher =
                new HttpFetcher(HttpFetcher.Settings.defaults(Version.current(), contact));
        HarvestListener listener = (source, batch, removed) -> {
            node.catchUpIndex();
            progress.afterBatch(source, batch, removed);
        };
        Optional<ScopeResolver> scopes = node.scopeResolver();
        if (scopes.isEmpty()) {
            return new Harvester(
                    node.store(),
                    Connectors.defaults(),
                    fetcher,
                    Clock.systemUTC(),
                    listener,
                    node.meters());
        }
        for (SourceConfig source : sources) {
            try {
                Harvester.requireValidScopes(scopes.get(), source);
            } catch (IllegalArgumentException e) {
                throw new ParvisConfigException(e.getMessage(), e);
            }
        }
        return new Harvester(
                node.store(),
                Connectors.defaults(),
                fetcher,
                Clock.systemUTC(),
                listener,
                node.meters(),
                scopes.get());
    }

    /**
     * Turns e-mail alerts on when {@code mail} (as {@link ParvisConfig#load} gives it, environment
     * included) names an SMTP server; links point at {@code http://HOST:PORT} unless a public URL
     * is configured. Returns whether alerts are on.
     */
    static boolean enableAlerts(NodeRuntime node, MailConfig mail, String host, int port) {
        if (!mail.enabled()) {
            return false;
        }
        String shownHost = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
        node.enableAlerts(mail.toSettings(URI.create("http://" + shownHost + ":" + port)));
        return true;
    }

    /** Starts the node's API, turning a busy port into an error that says what to do. */
    static AutoCloseable startApi(NodeRuntime node, String host, int port) {
        try {
            return node.startApi(host, port);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException || cause instanceof JavalinBindException) {
                    throw new ParvisConfigException(
                            "cannot listen on " + host + ":" + port + " (" + cause.getMessage()
                                    + "); stop what uses that port or choose another with --port",
                            e);
                }
            }
            throw e;
        }
    }

    /**
     * Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then closes the resources in
     * reverse order.
     */
    static void runUntilStopped(List<AutoCloseable> resources) throws InterruptedException {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping");
                            for (AutoCloseable resource : reversed) {
                                closeQuietly(resource);
                            }
                            stopped.countDown();
                        },
                        "parvis-shutdown"));
        stopped.await();
    }

    static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("error while closing {}", resource, e);
        }
    }
}
