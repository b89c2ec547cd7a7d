package org.parvis.index;

import org.parvis.model.Item;
import org.parvis.store.Change;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Run in a separate JVM by {@link FeedIndexCrashTest}: catches up with the test history in
 * batches of 5, committing every 10 changes, and halts the JVM (no shutdown hooks, no close)
 * while applying change {@code haltAtSeq}, as a killed process would.
 */
public final class CrashingCatchUp {

    static final int HALT_EXIT_CODE = 3;

    private CrashingCatchUp() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long haltAtSeq = Long.parseLong(args[1]);
        ChangeLogForTest history = HistoryForTest.build();
        ChangeLog halting = new ChangeLog() {
            @Override
            public List<Change> listChangesAfter(long afterSeq, int limit) {
                List<Change> batch = history.listChangesAfter(afterSeq, limit);
                return new AbstractList<>() {
                    @Override
                    public Change get(int i) {
                        if (batch.get(i).seq() == haltAtSeq) {
                            Runtime.getRuntime().halt(HALT_EXIT_CODE);
                        }
                        return batch.get(i);
                    }

                    @Override
                    public int size() {
                        return batch.size();
                    }
                };
            }

            @Override
            public long forEachLiveItem(Consumer<Item> consumer) {
                return history.forEachLiveItem(consumer);
            }
        };
        FeedIndex index = FeedIndex.open(dir, new GazetteerForTest());
        index.catchUp(halting, 5, 10);
        // Reaching this line means the halt did not happen: the parent test fails on exit code 0.
        index.close();
    }
}
