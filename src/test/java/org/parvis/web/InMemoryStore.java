package org.parvis.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.parvis.model.Contribution;
import org.parvis.model.Item;
import org.parvis.model.SourceKey;
import org.parvis.store.BatchResult;
import org.parvis.store.Change;
import org.parvis.store.HarvestRun;
import org.parvis.store.SourceIssue;
import org.parvis.store.Store;

/**
 * A store over a handful of items and runs, for the read paths the API uses. Write and change-log
 * methods are not used by the API and refuse to run.
 *
 * <p>Not thread-safe for writes; tests fill it before starting the server.
 */
final class InMemoryStore implements Store {

    private final Map<SourceKey, Item> byKey = new HashMap<>();
    private final Map<URI, Item> byId = new HashMap<>();
    private final List<HarvestRun> runs = new ArrayList<>();

    InMemoryStore add(Item item) {
        byKey.put(item.sourceKey(), item);
        byId.put(item.id(), item);
        return this;
    }

    InMemoryStore addRun(HarvestRun run) {
        runs.add(run);
        return this;
    }

    @Override
    public Optional<Item> findItem(URI id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Item> findItem(SourceKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public List<Contribution> listContributions(URI processId) {
        return byId.values().stream()
                .filter(item -> item instanceof Contribution c && c.process().equals(processId))
                .map(Contribution.class::cast)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    @Override
    public Map<String, Long> countLiveItemsBySource() {
        Map<String, Long> counts = new HashMap<>();
        byKey.keySet().forEach(key -> counts.merge(key.sourceId(), 1L, Long::sum));
        return counts;
    }

    @Override
    public Optional<HarvestRun> findLastRun(String sourceId) {
        return runs.stream().filter(run -> run.sourceId().equals(sourceId)).reduce((first, second) -> second);
    }

    @Override
    public Optional<HarvestRun> findLastSuccessfulRun(String sourceId) {
        return runs.stream()
                .filter(run -> run.sourceId().equals(sourceId) && run.outcome() == HarvestRun.Outcome.SUCCESS)
                .reduce((first, second) -> second);
    }

    @Override
    public List<SourceIssue> listIssues(String sourceId, int limit) {
        List<SourceIssue> issues = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).sourceId().equals(sourceId)) {
                issues.addAll(runs.get(i).issues());
            }
        }
        return issues.stream().limit(limit).toList();
    }

    @Override
    public BatchResult upsertAll(Collection<? extends Item> items) {
        throw new UnsupportedOperationException("the API never writes");
    }

    @Override
    public int tombstoneMissing(String sourceId, Collection<SourceKey> seen) {
        throw new UnsupportedOperationException("the API never writes");
    }

    @Override
    public boolean tombstone(SourceKey key) {
        throw new UnsupportedOperationException("the API never writes");
    }

    @Override
    public List<Change> listChangesAfter(long afterSeq, int limit) {
        throw new UnsupportedOperationException("the API does not read the change log");
    }

    @Override
    public long lastChangeSeq() {
        throw new UnsupportedOperationException("the API does not read the change log");
    }

    @Override
    public long forEachLiveItem(Consumer<Item> consumer) {
        throw new UnsupportedOperationException("the API does not scan items");
    }

    @Override
    public void recordRun(HarvestRun run) {
        throw new UnsupportedOperationException("the API never writes");
    }

    @Override
    public void close() {}
}
