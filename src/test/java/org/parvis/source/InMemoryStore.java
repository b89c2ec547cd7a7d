package org.parvis.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.parvis.model.Contribution;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.model.SourceKey;
import org.parvis.store.BatchResult;
import org.parvis.store.Change;
import org.parvis.store.HarvestRun;
import org.parvis.store.SourceIssue;
import org.parvis.store.Store;

/**
 * A small {@link Store} held in memory, for the harvesting tests until the JDBC store is merged.
 * An item counts as changed when anything but its retrieval time differs.
 *
 * <p>Thread-safe (every method is synchronised).
 */
final class InMemoryStore implements Store {

    private final Map<SourceKey, Item> live = new LinkedHashMap<>();
    private final Set<SourceKey> tombstoned = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<HarvestRun> runs = new ArrayList<>();

    @Override
    public synchronized BatchResult upsertAll(Collection<? extends Item> items) {
        int inserted = 0;
        int changed = 0;
        int unchanged = 0;
        for (Item item : items) {
            Item before = live.get(item.sourceKey());
            if (before == null) {
                inserted++;
            } else if (comparable(before).equals(comparable(item))) {
                unchanged++;
                continue;
            } else {
                changed++;
            }
            live.put(item.sourceKey(), item);
            tombstoned.remove(item.sourceKey());
            changes.add(new Change(
                    changes.size() + 1, Change.Type.UPSERT, item.sourceKey(), item.id(), item, Instant.now()));
        }
        return new BatchResult(inserted, changed, unchanged);
    }

    @Override
    public synchronized int tombstoneMissing(String sourceId, Collection<SourceKey> seen) {
        Set<SourceKey> keep = new HashSet<>(seen);
        List<SourceKey> gone = live.keySet().stream()
                .filter(key -> key.sourceId().equals(sourceId) && !keep.contains(key))
                .toList();
        gone.forEach(this::tombstone);
        return gone.size();
    }

    @Override
    public synchronized boolean tombstone(SourceKey key) {
        Item item = live.remove(key);
        if (item == null) {
            return false;
        }
        tombstoned.add(key);
        changes.add(new Change(changes.size() + 1, Change.Type.DELETE, key, item.id(), null, Instant.now()));
        return true;
    }

    @Override
    public synchronized Optional<Item> findItem(URI id) {
        return live.values().stream().filter(item -> item.id().equals(id)).findFirst();
    }

    @Override
    public synchronized Optional<Item> findItem(SourceKey key) {
        return Optional.ofNullable(live.get(key));
    }

    @Override
    public synchronized List<Contribution> listContributions(URI processId) {
        return live.values().stream()
                .filter(item -> item instanceof Contribution c && c.process().equals(processId))
                .map(Contribution.class::cast)
                .toList();
    }

    @Override
    public synchronized List<Change> listChangesAfter(long afterSeq, int limit) {
        return changes.stream()
                .filter(change -> change.seq() > afterSeq)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long lastChangeSeq() {
        return changes.size();
    }

    @Override
    public synchronized long forEachLiveItem(Consumer<Item> consumer) {
        live.values().forEach(consumer);
        return changes.size();
    }

    @Override
    public synchronized Map<String, Long> countLiveItemsBySource() {
        Map<String, Long> counts = new TreeMap<>();
        live.keySet().forEach(key -> counts.merge(key.sourceId(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized void recordRun(HarvestRun run) {
        runs.add(run);
    }

    @Override
    public synchronized Optional<HarvestRun> findLastRun(String sourceId) {
        return runs.stream()
                .filter(run -> run.sourceId().equals(sourceId))
                .max(Comparator.comparing(HarvestRun::startedAt));
    }

    @Override
    public synchronized Optional<HarvestRun> findLastSuccessfulRun(String sourceId) {
        return runs.stream()
                .filter(run -> run.sourceId().equals(sourceId) && run.outcome() == HarvestRun.Outcome.SUCCESS)
                .max(Comparator.comparing(HarvestRun::startedAt));
    }

    @Override
    public synchronized List<SourceIssue> listIssues(String sourceId, int limit) {
        List<SourceIssue> issues = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0 && issues.size() < limit; i--) {
            if (runs.get(i).sourceId().equals(sourceId)) {
                runs.get(i).issues().stream().limit(limit - issues.size()).forEach(issues::add);
            }
        }
        return issues;
    }

    /** Whether the key was live once and has been tombstoned since. */
    synchronized boolean isTombstoned(SourceKey key) {
        return tombstoned.contains(key);
    }

    @Override
    public void close() {}

    /** The item as JSON without its retrieval time, which changes at every harvest. */
    private static JsonNode comparable(Item item) {
        ObjectNode node = Json.mapper().valueToTree(item);
        ((ObjectNode) node.get("provenance")).remove("retrievedAt");
        return node;
    }
}
