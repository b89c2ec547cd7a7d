package org.parvis.source;

import org.parvis.store.BatchResult;

/**
 * Told by the {@link Harvester} each time it has written to the store, so that derived views (the
 * search index, a progress bar) can follow while the harvest goes on.
 *
 * <p>Called on the harvesting thread; implementations must be quick and thread-safe when several
 * sources are harvested at once. An exception thrown here is logged and does not stop the harvest.
 */
@FunctionalInterface
public interface HarvestListener {

    /** Does nothing. */
    HarvestListener NONE = (source, batch, removed) -> {};

    /**
     * The store accepted a batch of items ({@code batch}) or tombstoned {@code removed} items of
     * {@code source}.
     */
    void afterBatch(SourceConfig source, BatchResult batch, int removed);
}
