package org.parvis.store;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Item;
import org.parvis.model.SourceKey;

import java.net.URI;
import java.time.Instant;

/**
 * One entry of the change log. {@code item} is the new state for an upsert and null for a delete
 * (tombstone).
 *
 * <p>Immutable and thread-safe.
 */
public record Change(
        long seq,
        Type type,
        SourceKey sourceKey,
        URI itemId,
        @Nullable Item item,
        Instant at) {

    /** What happened to the item. */
    public enum Type {
        UPSERT,
        DELETE
    }

    public Change {
        if (seq <= 0 || type == null || sourceKey == null || itemId == null || at == null) {
            throw new IllegalArgumentException("incomplete change #" + seq + " for " + sourceKey);
        }
        if ((type == Type.UPSERT) != (item != null)) {
            throw new IllegalArgumentException(
                    "change #" + seq + ": an upsert carries the item, a delete does not");
        }
    }
}
