package org.parvis.store;

import org.parvis.model.Contribution;
import org.parvis.model.Item;
import org.parvis.model.SourceKey;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The system of record: every harvested item, its tombstone when removed at the source, an ordered
 * change log that derived indexes replay, and the record of harvest runs and source issues.
 *
 * <p>Upserts are keyed by {@link SourceKey} and idempotent: writing the same item twice logs one
 * change. Implementations are thread-safe; each method is one transaction.
 */
public interface Store extends AutoCloseable {

    /**
     * Inserts or updates the items in one transaction and appends one change per new or changed
     * item to the change log, in the order given.
     */
    BatchResult upsertAll(Collection<? extends Item> items);

    /**
     * Tombstones the live items of {@code sourceId} whose keys are not in {@code seen}. Call only
     * after a complete, successful listing of the source. Returns the number tombstoned.
     */
    int tombstoneMissing(String sourceId, Collection<SourceKey> seen);

    /** Tombstones one item; returns false when it was unknown or already tombstoned. */
    boolean tombstone(SourceKey key);

    /** The live item with this public URL. */
    Optional<Item> findItem(URI id);

    /** The live item with this source key. */
    Optional<Item> findItem(SourceKey key);

    /** The live contributions of a process, oldest first. */
    List<Contribution> listContributions(URI processId);

    /** Changes with a sequence number above {@code afterSeq}, ascending, at most {@code limit}. */
    List<Change> listChangesAfter(long afterSeq, int limit);

    /** The sequence number of the latest change, 0 when the log is empty. */
    long lastChangeSeq();

    /**
     * Calls {@code consumer} with every live item and returns the change sequence number the
     * snapshot is consistent with, so an index rebuilt from it can then catch up from the log.
     */
    long forEachLiveItem(Consumer<Item> consumer);

    /** How many live items each source has, by source id. */
    java.util.Map<String, Long> countLiveItemsBySource();

    /** Records a finished (or failed) harvest run with its issues. */
    void recordRun(HarvestRun run);

    /** The most recent run of a source. */
    Optional<HarvestRun> findLastRun(String sourceId);

    /** The most recent run of a source that completed successfully. */
    Optional<HarvestRun> findLastSuccessfulRun(String sourceId);

    /** The issues of a source's most recent runs, newest first, at most {@code limit}. */
    List<SourceIssue> listIssues(String sourceId, int limit);

    @Override
    void close();
}
