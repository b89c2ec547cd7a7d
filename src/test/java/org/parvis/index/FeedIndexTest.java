package org.parvis.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.FRANCE;
import static org.parvis.index.GazetteerForTest.GIRONDE;
import static org.parvis.index.ProcessesForTest.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.Item;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.store.Change;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The index as a replica of the store's change log: catch-up, deletes, restarts, failures. */
class FeedIndexTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @TempDir
    Path dir;

    private final GazetteerForTest gazetteer = new GazetteerForTest();

    private static SearchRequest around(Set<org.parvis.model.AreaId> areas, String text) {
        return new SearchRequest(
                AreaFilter.anyOf(areas),
                Set.of(),
                Set.of(),
                Set.of(),
                text,
                SortOrder.CLOSING,
                100,
                null,
                NOW);
    }

    private static List<String> keys(SearchResult result) {
        return result.hits().stream().map(h -> h.card().sourceKey()).toList();
    }

    /** The cards the store's live processes should produce, by source key. */
    private static SortedMap<String, String> expectedCards(ChangeLog log) {
        SortedMap<String, String> cards = new TreeMap<>();
        log.forEachLiveItem(item -> {
            if (item instanceof Process process) {
                ProcessCard card = ProcessCard.of(process);
                cards.put(
                        card.sourceKey(),
                        new String(
                                ProcessDocuments.writeCard(card),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return cards;
    }

    @Test
    void catchUpIndexesTheLogAndMovesTheCheckpoint() {
        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex index = FeedIndex.open(dir, gazetteer)) {
            assertThat(index.checkpoint()).isZero();

            int read = index.catchUp(log, 7, 20);

            assertThat(read).isEqualTo(56);
            assertThat(index.checkpoint()).isEqualTo(56);
            assertThat(index.size()).isEqualTo(25);
            assertThat(index.listStoredCards()).isEqualTo(expectedCards(log));
        }
    }

    @Test
    void deleteInTheLogRemovesTheItemFromResults() {
        ChangeLogForTest log = new ChangeLogForTest();
        Process kept = process("kept", BORDEAUX).build();
        Process removed = process("removed", BORDEAUX).build();
        log.upsert(kept);
        log.upsert(removed);
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.catchUp(log, 10, 10);
            log.delete(removed);

            assertThat(index.catchUp(log, 10, 10)).isEqualTo(1);

            assertThat(keys(index.search(around(Set.of(BORDEAUX), null))))
                    .containsExactly(kept.sourceKey().toString());
            assertThat(index.checkpoint()).isEqualTo(3);
        }
    }

    @Test
    void upsertOfTheSameKeyReplacesTheDocument() {
        ChangeLogForTest log = new ChangeLogForTest();
        log.upsert(process("budget", BORDEAUX)
                .withTitle(LocalizedText.of("fr", "Budget des écoles"))
                .build());
        log.upsert(process("budget", FRANCE)
                .withTitle(LocalizedText.of("fr", "Budget des jardins"))
                .build());
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.catchUp(log, 10, 10);

            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search(around(Set.of(BORDEAUX, FRANCE), "écoles")).total())
                    .isZero();
            assertThat(index.search(around(Set.of(BORDEAUX), null)).total()).isZero();
            assertThat(index.search(around(Set.of(FRANCE), "jardins")).hits())
                    .extracting(h -> h.card().title())
                    .containsExactly("Budget des jardins");
        }
    }

    @Test
    void catchUpTwiceReadsNothingMore() {
        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.catchUp(log, 7, 20);
            SortedMap<String, String> before = index.listStoredCards();

            assertThat(index.catchUp(log, 7, 20)).isZero();

            assertThat(index.listStoredCards()).isEqualTo(before);
            assertThat(index.checkpoint()).isEqualTo(56);
        }
    }

    @Test
    void replayingTheWholeLogOverAnUpToDateIndexChangesNothing() {
        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.catchUp(log, 7, 20);
            SortedMap<String, String> before = index.listStoredCards();
            index.indexAll(List.of(), 0);

            assertThat(index.catchUp(log, 7, 20)).isEqualTo(56);

            assertThat(index.listStoredCards()).isEqualTo(before);
            assertThat(index.size()).isEqualTo(25);
        }
    }

    @Test
    void checkpointSurvivesARestartAndCatchUpResumesFromIt() {
        ChangeLogForTest log = new ChangeLogForTest();
        for (int n = 0; n < 3; n++) {
            log.upsert(HistoryForTest.version(n, 0));
        }
        try (FeedIndex index = FeedIndex.open(dir, gazetteer)) {
            index.catchUp(log, 10, 10);
        }
        log.upsert(HistoryForTest.version(3, 0));
        log.upsert(HistoryForTest.version(4, 0));

        try (FeedIndex reopened = FeedIndex.open(dir, gazetteer)) {
            assertThat(reopened.checkpoint()).isEqualTo(3);
            assertThat(reopened.size()).isEqualTo(3);

            assertThat(reopened.catchUp(log, 10, 10)).isEqualTo(2);

            assertThat(reopened.size()).isEqualTo(5);
            assertThat(reopened.listStoredCards()).isEqualTo(expectedCards(log));
        }
    }

    @Test
    void contributionsAreReadButNotIndexed() {
        ChangeLogForTest log = new ChangeLogForTest();
        log.upsert(HistoryForTest.version(0, 0));
        log.upsert(HistoryForTest.contribution(0));
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            assertThat(index.catchUp(log, 10, 10)).isEqualTo(2);

            assertThat(index.checkpoint()).isEqualTo(2);
            assertThat(index.size()).isEqualTo(1);
        }
    }

    @Test
    void failureMidBatchRollsBackToTheLastCommitAndTheNextCatchUpRepairs() {
        ChangeLogForTest log = HistoryForTest.build();
        // Batches of 5, a commit every 10 changes: commits at 10, 20, 30, 40; fails at change 43,
        // after the deletes 41 and 42 were applied in memory.
        ChangeLog failing = failingAt(log, 43);
        try (FeedIndex index = FeedIndex.open(dir, gazetteer)) {
            assertThatThrownBy(() -> index.catchUp(failing, 5, 10))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("change 43");

            assertThat(index.checkpoint()).isEqualTo(40);
            // The uncommitted deletes of p1 and p6 are gone with the rollback.
            assertThat(index.listStoredCards())
                    .containsKeys("test-decidim:process/p1", "test-decidim:process/p6");
            assertThat(index.size()).isEqualTo(30);
        }

        try (FeedIndex reopened = FeedIndex.open(dir, gazetteer)) {
            assertThat(reopened.checkpoint()).isEqualTo(40);

            assertThat(reopened.catchUp(log, 5, 10)).isEqualTo(16);

            assertThat(reopened.listStoredCards()).isEqualTo(expectedCards(log));
            assertThat(reopened.size()).isEqualTo(25);
        }
    }

    @Test
    void failureBeforeAnyCommitLeavesTheIndexAsItWas() {
        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex index = FeedIndex.open(dir, gazetteer)) {
            assertThatThrownBy(() -> index.catchUp(failingAt(log, 12), 5, 1_000))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(index.checkpoint()).isZero();
            assertThat(index.size()).isZero();

            index.catchUp(log, 5, 1_000);

            assertThat(index.listStoredCards()).isEqualTo(expectedCards(log));
        }
    }

    @Test
    void rebuildGivesTheSameIndexAsIncrementalCatchUp() {
        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex incremental = FeedIndex.open(dir.resolve("incremental"), gazetteer);
                FeedIndex rebuilt = FeedIndex.open(dir.resolve("rebuilt"), gazetteer)) {
            incremental.catchUp(log, 3, 8);

            rebuilt.rebuild(log);

            assertThat(rebuilt.checkpoint()).isEqualTo(incremental.checkpoint()).isEqualTo(56);
            assertThat(rebuilt.listStoredCards())
                    .isEqualTo(incremental.listStoredCards())
                    .isEqualTo(expectedCards(log));
            for (SearchRequest request : List.of(
                    around(Set.of(BORDEAUX, GIRONDE, FRANCE), null),
                    around(Set.of(BORDEAUX), "révision"),
                    new SearchRequest(
                            AreaFilter.within(GIRONDE),
                            Set.of("mobilite"),
                            Set.of(),
                            Set.of(ProcessStatus.OPEN),
                            null,
                            SortOrder.NEWEST,
                            100,
                            null,
                            HistoryForTest.T0.plus(java.time.Duration.ofDays(25))))) {
                assertThat(rebuilt.search(request)).isEqualTo(incremental.search(request));
            }
        }
    }

    @Test
    void rebuildDropsWhatTheStoreNoLongerHas() {
        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.indexAll(List.of(process("stale", BORDEAUX).build()), 3);

            index.rebuild(log);

            assertThat(index.listStoredCards()).isEqualTo(expectedCards(log));
            assertThat(index.checkpoint()).isEqualTo(56);
        }
    }

    @Test
    void rebuildCatchesUpWithChangesMadeDuringTheSnapshot() {
        ChangeLogForTest log = new ChangeLogForTest();
        log.upsert(HistoryForTest.version(0, 0));
        log.upsert(HistoryForTest.version(1, 0));
        // The store writes two more changes while the index reads its snapshot.
        ChangeLog busy = new ChangeLog() {
            @Override
            public List<Change> listChangesAfter(long afterSeq, int limit) {
                return log.listChangesAfter(afterSeq, limit);
            }

            @Override
            public long forEachLiveItem(Consumer<Item> consumer) {
                long seq = log.forEachLiveItem(consumer);
                log.delete(HistoryForTest.version(0, 0));
                log.upsert(HistoryForTest.version(2, 0));
                return seq;
            }
        };
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.rebuild(busy);

            assertThat(index.checkpoint()).isEqualTo(4);
            assertThat(index.listStoredCards()).isEqualTo(expectedCards(log));
        }
    }

    @Test
    void aProcessLuceneRefusesIsLeftOutWithoutBlockingTheLog() {
        ChangeLogForTest log = new ChangeLogForTest();
        log.upsert(process("before", BORDEAUX).build());
        // A public URL longer than Lucene's 32 KB limit for a sorted value.
        log.upsert(process("huge", BORDEAUX)
                .withId(URI.create("https://participation.example.org/" + "a".repeat(40_000)))
                .build());
        log.upsert(process("after", BORDEAUX).build());
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            assertThat(index.catchUp(log, 10, 10)).isEqualTo(3);

            assertThat(index.checkpoint()).isEqualTo(3);
            assertThat(index.listStoredCards())
                    .containsOnlyKeys("test-decidim:process/before", "test-decidim:process/after");
        }
    }

    @Test
    void indexAllCommitsWithTheGivenCheckpoint() {
        List<Process> processes = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            processes.add(HistoryForTest.version(n, 0));
        }
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            index.indexAll(processes, 42);

            assertThat(index.checkpoint()).isEqualTo(42);
            assertThat(index.size()).isEqualTo(12);
        }
    }

    @Test
    void indexAllRejectsANegativeCheckpoint() {
        try (FeedIndex index = FeedIndex.inMemory(gazetteer)) {
            assertThatThrownBy(() -> index.indexAll(List.of(), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Test
    void anIndexOfAnotherSchemaIsEmptiedWhenOpened() throws Exception {
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
                var writer = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig())) {
            writer.addDocument(new org.apache.lucene.document.Document());
            writer.setLiveCommitData(
                    java.util.Map.of(Fields.COMMIT_SCHEMA, "0", Fields.COMMIT_CHECKPOINT, "99")
                            .entrySet());
            writer.commit();
        }

        try (FeedIndex index = FeedIndex.open(dir, gazetteer)) {
            assertThat(index.checkpoint()).isZero();
            assertThat(index.size()).isZero();

            index.catchUp(HistoryForTest.build(), 10, 100);

            assertThat(index.size()).isEqualTo(25);
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameDirectory() {
        try (FeedIndex index = FeedIndex.open(dir, gazetteer)) {
            assertThatThrownBy(() -> FeedIndex.open(dir, gazetteer))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("already open");
            assertThat(index.checkpoint()).isZero();
        }
    }

    /** The log, except that reading change {@code seq} out of a batch throws. */
    private static ChangeLog failingAt(ChangeLogForTest log, long seq) {
        return new ChangeLog() {
            @Override
            public List<Change> listChangesAfter(long afterSeq, int limit) {
                List<Change> batch = log.listChangesAfter(afterSeq, limit);
                return new AbstractList<>() {
                    @Override
                    public Change get(int i) {
                        if (batch.get(i).seq() == seq) {
                            throw new IllegalStateException(
                                    "store connection lost while reading change " + seq);
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
                return log.forEachLiveItem(consumer);
            }
        };
    }
}
