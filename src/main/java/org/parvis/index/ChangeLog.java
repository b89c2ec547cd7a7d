package org.parvis.index;

import org.parvis.model.Item;
import org.parvis.store.Change;
import org.parvis.store.Store;

import java.util.List;
import java.util.function.Consumer;

/**
 * The part of the {@link Store} the index reads: the ordered change log and a consistent snapshot
 * of the live items. Same contracts as the {@code Store} methods of the same names.
 */
interface ChangeLog {

    /** Changes with a sequence number above {@code afterSeq}, ascending, at most {@code limit}. */
    List<Change> listChangesAfter(long afterSeq, int limit);

    /** Calls {@code consumer} with every live item; returns the change seq of the snapshot. */
    long forEachLiveItem(Consumer<Item> consumer);

    static ChangeLog of(Store store) {
        return new ChangeLog() {
            @Override
            public List<Change> listChangesAfter(long afterSeq, int limit) {
                return store.listChangesAfter(afterSeq, limit);
            }

            @Override
            public long forEachLiveItem(Consumer<Item> consumer) {
                return store.forEachLiveItem(consumer);
            }
        };
    }
}
