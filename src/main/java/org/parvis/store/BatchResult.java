package org.parvis.store;

/**
 * What an upsert batch did: items inserted, changed and unchanged.
 *
 * <p>Immutable and thread-safe.
 */
public record BatchResult(int inserted, int changed, int unchanged) {

    public static final BatchResult EMPTY = new BatchResult(0, 0, 0);

    public BatchResult plus(BatchResult other) {
        return new BatchResult(
                inserted + other.inserted, changed + other.changed, unchanged + other.unchanged);
    }
}
