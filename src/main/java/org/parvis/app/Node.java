package org.parvis.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.jspecify.annotations.Nullable;
import org.parvis.alert.AlertService;
import org.parvis.alert.AlertSettings;
import org.parvis.bench.FeedBenchCommand;
import org.parvis.feed.FeedService;
import org.parvis.index.FeedIndex;
import org.parvis.source.SourceConfig;
import org.parvis.store.JdbcStore;
import org.parvis.store.Store;
import org.parvis.store.StoreLocation;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.PlacesBenchCommand;
import org.parvis.territory.ScopeResolver;
import org.parvis.territory.UnresolvedScopes;
import org.parvis.web.ApiContext;
import org.parvis.web.ApiServer;
import org.parvis.web.SourceView;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An open node: the French gazetteer, the store (SQLite in the data directory, or PostgreSQL), the
 * feed index in {@code <data>/index}, the metrics registry, the HTTP API started over them, and
 * e-mail alerts with their delivery worker once {@link #enableAlerts} is called.
 *
 * <p>Thread-safe as its components are: harvests write and catch the index up on the harvesting
 * thread while the API reads. Closing stops alert delivery, then closes the index and the store.
 */
public final class Node implements NodeRuntime {

    /** Opens nodes for the command line; registered as the {@link NodeFactory} service. */
    public static final class Factory implements NodeFactory {

        @Override
        public NodeRuntime open(NodeSettings settings) {
            return Node.open(settings);
        }

        @Override
        public List<Object> listBenchCommands() {
            return List.of(
                    new FeedBenchCommand(), new PlacesBenchCommand(), new HarvestBenchCommand());
        }
    }

    /** How often queued alert mails and due digests are looked for. */
    static final Duration ALERT_DELIVERY_INTERVAL = Duration.ofSeconds(30);

    private final NodeSettings settings;
    private final FrenchGazetteer gazetteer;
    private final PlaceServiceHolder places;

    private final JdbcStore store;
    private @Nullable ScopeResolver scopeResolver;
    private final FeedIndex index;
    private final FeedService feed;
    private final PrometheusMeterRegistry meters =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile @Nullable AlertService alerts;
    private volatile AlertService.@Nullable Worker alertWorker;

    private Node(
            NodeSettings settings, FrenchGazetteer gazetteer, JdbcStore store, FeedIndex index) {
        this.settings = settings;
        this.gazetteer = gazetteer;
        this.store = store;
        this.index = index;
        this.feed = new FeedService(gazetteer, index, Clock.systemUTC(), settings::platformName);
        this.places = new PlaceServiceHolder(gazetteer, settings.dataDir());
    }

    /** Loads the gazetteer, opens the store and the index, and catches the index up. */
    static Node open(NodeSettings settings) {
        FrenchGazetteer gazetteer = FrenchGazetteer.loadDefault();

        StoreLocation location;
        JdbcStore store;
        try {
            location = settings.databaseUrl() == null
                    ? StoreLocation.sqlite(settings.dataDir())
                    : StoreLocation.parse(settings.databaseUrl());
            store = JdbcStore.open(location);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The store's messages name the location and what to check.
            throw new ParvisConfigException(e.getMessage(), e);
        }

        try {
            FeedIndex index = FeedIndex.open(settings.dataDir().resolve("index"), gazetteer);
            index.catchUp(store);
            return new Node(settings, gazetteer, store, index);
        } catch (UncheckedIOException e) {
            store.close();
            throw new ParvisConfigException(e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    /** Built on first use over the API's place search and contours. */
    @Override
    public synchronized Optional<ScopeResolver> scopeResolver() {
        if (scopeResolver == null) {
            scopeResolver = ScopeResolver.create(
                    places.search(), places.contours(), new UnresolvedScopes());
        }
        return Optional.of(scopeResolver);
    }

    @Override
    public void catchUpIndex() {
        index.catchUp(store);
    }

    @Override
    public long rebuildIndex() {
        index.rebuild(store);
        return index.size();
    }

    @Override
    public AutoCloseable startApi(String host, int port) {
        ApiContext context = new ApiContext(
                feed::query,
                store,
                gazetteer,
                places,
                this::listSourceViews,
                meters,
                settings.hasSampleData(),
                settings.version(),
                alerts);
        return ApiServer.start(context, host, port);
    }

    @Override
    public synchronized void enableAlerts(AlertSettings alertSettings) {
        if (alerts != null) {
            throw new IllegalStateException("e-mail alerts are already on");
        }
        AlertService service =
                AlertService.create(store, feed, gazetteer, alertSettings, Clock.systemUTC());
        alerts = service;
        alertWorker = service.startWorker(ALERT_DELIVERY_INTERVAL);
    }

    @Override
    public void afterHarvest() {
        AlertService.Worker worker = alertWorker;
        if (worker != null) {
            worker.afterHarvest();
        }
    }

    @Override
    public int deliverAlerts() {
        AlertService service = alerts;
        return service == null ? 0 : service.runDue();
    }

    private List<SourceView> listSourceViews() {
        return settings.sources().stream().map(Node::view).toList();
    }

    private static SourceView view(SourceConfig source) {
        return new SourceView(
                source.id(),
                source.name(),
                source.kind(),
                source.baseUrl().toString(),
                source.territory() == null ? null : source.territory().toString(),
                source.licence().id(),
                source.sample());
    }

    @Override
    public void close() {
        AlertService.Worker worker = alertWorker;
        if (worker != null) {
            worker.close();
        }
        index.close();
        store.close();
    }
}
