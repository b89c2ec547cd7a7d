package org.parvis.index;

import org.parvis.model.Item;
import org.parvis.model.SourceKey;
import org.parvis.store.Change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A list-backed change log with the store's semantics: upserts and deletes append numbered
 * changes and update the live items. Thread-safe (synchronised).
 */
final class ChangeLogForTest implements ChangeLog {

    private final List<Change> changes = new ArrayList<>();
    private final Map<SourceKey, Item> live = new LinkedHashMap<>();

    synchronized long upsert(Item item) {
        live.put(item.sourceKey(), item);
        return append(Change.Type.UPSERT, item.sourceKey(), item.id().toString(), item);
    }

    synchronized long delete(Item item) {
        live.remove(item.sourceKey());
        return append(Change.Type.DELETE, item.sourceKey(), item.id().toString(), null);
    }

    private long append(Change.Type type, SourceKey key, String id, Item item) {
        long seq = changes.size() + 1;
        changes.add(new Change(
                seq,
                type,
                key,
                java.net.URI.create(id),
                item,
                Instant.parse("2026-03-01T00:00:00Z")));
        return seq;
    }

    synchronized long lastSeq() {
        return changes.size();
    }

    @Override
    public synchronized List<Change> listChangesAfter(long afterSeq, int limit) {
        int from = (int) Math.min(afterSeq, changes.size());
        return List.copyOf(changes.subList(from, Math.min(changes.size(), from + limit)));
    }

    @Override
    public synchronized long forEachLiveItem(Consumer<Item> consumer) {
        live.values().forEach(consumer);
        return changes.size();
    }
}
