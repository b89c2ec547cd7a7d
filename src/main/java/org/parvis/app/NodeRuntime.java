package org.parvis.app;

import io.micrometer.core.instrument.MeterRegistry;

import org.parvis.alert.AlertSettings;
import org.parvis.store.Store;
import org.parvis.territory.ScopeResolver;

import java.util.Optional;

/**
 * An open node: its store, search index and metrics, and the HTTP API it can serve. The commands
 * drive it; {@link NodeFactory} opens it.
 *
 * <p>Implementations are thread-safe: harvests write and catch the index up while the API reads.
 * Closing releases the index and the store.
 */
public interface NodeRuntime extends AutoCloseable {

    /** The system of record. */
    Store store();

    /** The registry the harvests and the API report to (exposed by the API as Prometheus text). */
    MeterRegistry meters();

    /**
     * The resolver that places harvested items inside their source's territory (gazetteer, place
     * search and, when imported, commune contours); empty when the node has none.
     */
    default Optional<ScopeResolver> scopeResolver() {
        return Optional.empty();
    }

    /** Applies the store's new changes to the search index; called after each harvest batch. */
    void catchUpIndex();

    /** Rebuilds the search index from the store; returns the number of processes it then holds. */
    long rebuildIndex();

    /**
     * Starts the HTTP API on {@code host:port}; closing the returned handle stops it.
     *
     * @throws ParvisConfigException when the port cannot be bound
     */
    AutoCloseable startApi(String host, int port);

    /**
     * Turns e-mail alerts on, before {@link #startApi}: the API then serves the subscription
     * endpoints, {@link #afterHarvest()} matches new processes, and mail is delivered in the
     * background until the node closes.
     */
    default void enableAlerts(AlertSettings settings) {
        throw new UnsupportedOperationException("this node cannot send e-mail alerts");
    }

    /**
     * Called when a harvest completed (its changes are in the index): matches new and newly
     * opened processes against the alert subscriptions and wakes mail delivery. Does nothing when
     * alerts are off.
     */
    default void afterHarvest() {}

    /** Sends the alert mails that are due now; returns how many were sent (0 without alerts). */
    default int deliverAlerts() {
        return 0;
    }

    @Override
    void close();
}
