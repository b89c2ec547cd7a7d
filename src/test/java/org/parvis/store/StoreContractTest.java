package org.parvis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.store.ItemsForTest.key;
import static org.parvis.store.ItemsForTest.processItem;
import static org.parvis.store.ItemsForTest.proposal;
import static org.parvis.store.ItemsForTest.reRetrieved;
import static org.parvis.store.ItemsForTest.retitled;
import static org.parvis.store.RunsForTest.issue;
import static org.parvis.store.RunsForTest.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parvis.model.Contribution;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;
import org.parvis.store.HarvestRun.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * The behaviour every {@link Store} must have, run against each database by a subclass. Each test
 * starts from an empty database.
 */
abstract class StoreContractTest {

    private JdbcStore store;

    /** Opens a store on this test's database; called again to reopen the same database. */
    protected abstract JdbcStore openStore();

    /** Drops this test's database after the store is closed. */
    protected void dropDatabase() {}

    @BeforeEach
    final void openTheStore() {
        store = openStore();
    }

    @AfterEach
    final void closeTheStore() {
        store.close();
        dropDatabase();
    }

    @Test
    void upsertingTheSameItemTwiceLogsOneChange() {
        Process process = processItem("lyon-decidim", "1");

        BatchResult first = store.upsertAll(List.of(process));
        BatchResult second = store.upsertAll(List.of(process));

        assertThat(first).isEqualTo(new BatchResult(1, 0, 0));
        assertThat(second).isEqualTo(new BatchResult(0, 0, 1));
        assertThat(store.listChangesAfter(0, 10)).hasSize(1);
        assertThat(store.lastChangeSeq()).isEqualTo(1);
    }

    @Test
    void changedContentIsCountedAndLogged() {
        Process process = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(process, processItem("lyon-decidim", "2")));

        BatchResult result = store.upsertAll(
                List.of(retitled(process, "Nouveau titre"), processItem("lyon-decidim", "2")));

        assertThat(result).isEqualTo(new BatchResult(0, 1, 1));
        List<Change> changes = store.listChangesAfter(2, 10);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(Change.Type.UPSERT);
            assertThat(change.sourceKey()).isEqualTo(process.sourceKey());
            assertThat(change.item().title().best(List.of())).isEqualTo("Nouveau titre");
        });
        assertThat(store.findItem(process.sourceKey()).orElseThrow().title().best(List.of()))
                .isEqualTo("Nouveau titre");
    }

    @Test
    void reharvestDifferingOnlyInRetrievalTimeIsUnchanged() {
        Process process = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(process));

        BatchResult result = store.upsertAll(
                List.of(reRetrieved(process, Instant.parse("2025-04-01T08:00:00Z"))));

        assertThat(result).isEqualTo(new BatchResult(0, 0, 1));
        assertThat(store.lastChangeSeq()).isEqualTo(1);
    }

    @Test
    void findsLiveItemsByUrlAndByKey() {
        Process process = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(process));

        assertThat(store.findItem(process.id())).contains(process);
        assertThat(store.findItem(process.sourceKey())).contains(process);
        assertThat(store.findItem(ItemsForTest.url("lyon-decidim", "processes/404")))
                .isEmpty();
        assertThat(store.findItem(key("lyon-decidim", "Process/404"))).isEmpty();
    }

    @Test
    void tombstonedItemIsHiddenAndLoggedAsDeleteWithoutPayload() {
        Process process = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(process));

        boolean removed = store.tombstone(process.sourceKey());

        assertThat(removed).isTrue();
        assertThat(store.findItem(process.sourceKey())).isEmpty();
        assertThat(store.findItem(process.id())).isEmpty();
        assertThat(store.listChangesAfter(1, 10)).singleElement().satisfies(change -> {
            assertThat(change.seq()).isEqualTo(2);
            assertThat(change.type()).isEqualTo(Change.Type.DELETE);
            assertThat(change.itemId()).isEqualTo(process.id());
            assertThat(change.item()).isNull();
        });
        assertThat(store.countLiveItemsBySource()).isEmpty();
    }

    @Test
    void tombstoningAnUnknownOrAlreadyTombstonedItemChangesNothing() {
        Process process = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(process));
        store.tombstone(process.sourceKey());

        assertThat(store.tombstone(process.sourceKey())).isFalse();
        assertThat(store.tombstone(key("lyon-decidim", "Process/404"))).isFalse();
        assertThat(store.lastChangeSeq()).isEqualTo(2);
    }

    @Test
    void tombstonedItemThatReappearsIsRevived() {
        Process process = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(process));
        store.tombstone(process.sourceKey());

        BatchResult result = store.upsertAll(List.of(process));

        assertThat(result).isEqualTo(new BatchResult(1, 0, 0));
        assertThat(store.findItem(process.id())).contains(process);
        assertThat(store.listChangesAfter(0, 10))
                .extracting(Change::type)
                .containsExactly(Change.Type.UPSERT, Change.Type.DELETE, Change.Type.UPSERT);
    }

    @Test
    void tombstoneMissingRemovesOnlyUnseenItemsOfThatSource() {
        Process kept = processItem("lyon-decidim", "1");
        Process gone = processItem("lyon-decidim", "2");
        Process otherSource = processItem("paris-decidim", "2");
        store.upsertAll(List.of(kept, gone, otherSource));

        int removed = store.tombstoneMissing("lyon-decidim", List.of(kept.sourceKey()));

        assertThat(removed).isEqualTo(1);
        assertThat(store.findItem(gone.sourceKey())).isEmpty();
        assertThat(store.findItem(kept.sourceKey())).contains(kept);
        assertThat(store.findItem(otherSource.sourceKey())).contains(otherSource);
        assertThat(store.listChangesAfter(3, 10)).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(Change.Type.DELETE);
            assertThat(change.sourceKey()).isEqualTo(gone.sourceKey());
        });
        assertThat(store.countLiveItemsBySource())
                .isEqualTo(Map.of("lyon-decidim", 1L, "paris-decidim", 1L));
    }

    @Test
    void tombstoneMissingRejectsSeenKeysOfAnotherSource() {
        assertThatThrownBy(() -> store.tombstoneMissing(
                        "lyon-decidim", List.of(key("paris-decidim", "Process/1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paris-decidim:Process/1")
                .hasMessageContaining("'lyon-decidim'");
    }

    @Test
    void changeLogIsOrderedAndPagesWithListChangesAfter() {
        Instant before = Instant.now();
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            processes.add(processItem("lyon-decidim", String.valueOf(i)));
        }
        store.upsertAll(processes);
        store.tombstone(processes.get(0).sourceKey());

        List<Change> firstPage = store.listChangesAfter(0, 4);
        List<Change> secondPage =
                store.listChangesAfter(firstPage.get(firstPage.size() - 1).seq(), 4);

        assertThat(firstPage).extracting(Change::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(firstPage)
                .extracting(Change::sourceKey)
                .containsExactly(
                        processes.get(0).sourceKey(),
                        processes.get(1).sourceKey(),
                        processes.get(2).sourceKey(),
                        processes.get(3).sourceKey());
        assertThat(secondPage).extracting(Change::seq).containsExactly(5L, 6L);
        assertThat(secondPage)
                .extracting(Change::type)
                .containsExactly(Change.Type.UPSERT, Change.Type.DELETE);
        assertThat(store.listChangesAfter(6, 4)).isEmpty();
        assertThat(store.lastChangeSeq()).isEqualTo(6);
        assertThat(secondPage.get(1).at()).isBetween(before, Instant.now());
    }

    @Test
    void upsertChangeCarriesTheItemStateItWroteOrANewerOne() {
        Process process = processItem("lyon-decidim", "1");
        Process newer = retitled(process, "Deuxième version");
        store.upsertAll(List.of(process));
        store.upsertAll(List.of(newer));

        assertThat(store.listChangesAfter(0, 10))
                .extracting(Change::item)
                .containsExactly(newer, newer);
    }

    @Test
    void emptyLogHasSequenceZero() {
        assertThat(store.lastChangeSeq()).isZero();
        assertThat(store.listChangesAfter(0, 10)).isEmpty();
        assertThat(store.upsertAll(List.of())).isEqualTo(BatchResult.EMPTY);
    }

    @Test
    void listChangesAfterRejectsANonPositiveLimit() {
        assertThatThrownBy(() -> store.listChangesAfter(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void forEachLiveItemVisitsLiveItemsAndReturnsTheirSequenceNumber() {
        Process live = processItem("lyon-decidim", "1");
        Process removed = processItem("lyon-decidim", "2");
        Contribution contribution = proposal(live, "7", Instant.parse("2025-02-01T10:00:00Z"));
        store.upsertAll(List.of(live, removed, contribution));
        store.tombstone(removed.sourceKey());
        List<Item> visited = new ArrayList<>();

        long seq = store.forEachLiveItem(visited::add);

        assertThat(visited).containsExactlyInAnyOrder(live, contribution);
        assertThat(seq).isEqualTo(4).isEqualTo(store.lastChangeSeq());
    }

    @Test
    void forEachLiveItemReadsOneSnapshotWhileOthersWrite() {
        List<Process> before = List.of(
                processItem("lyon-decidim", "1"),
                processItem("lyon-decidim", "2"),
                processItem("lyon-decidim", "3"));
        store.upsertAll(before);
        List<Item> visited = new ArrayList<>();

        // While the snapshot is read, another connection retitles every item and adds one.
        long seq = store.forEachLiveItem(item -> {
            if (visited.isEmpty()) {
                List<Process> after = new ArrayList<>();
                before.forEach(p -> after.add(retitled(p, "Modifié")));
                after.add(processItem("lyon-decidim", "4"));
                store.upsertAll(after);
            }
            visited.add(item);
        });

        assertThat(visited).containsExactlyInAnyOrderElementsOf(before);
        assertThat(seq).isEqualTo(3);
        assertThat(store.lastChangeSeq()).isEqualTo(7);
    }

    @Test
    void listContributionsReturnsLiveContributionsOfTheProcessOldestFirst() {
        Process process = processItem("lyon-decidim", "1");
        Process otherProcess = processItem("lyon-decidim", "2");
        Contribution newest = proposal(process, "30", Instant.parse("2025-03-01T10:00:00Z"));
        Contribution oldest = proposal(process, "10", Instant.parse("2025-01-01T10:00:00Z"));
        Contribution middle = proposal(process, "20", Instant.parse("2025-02-01T10:00:00Z"));
        Contribution removed = proposal(process, "40", Instant.parse("2025-02-15T10:00:00Z"));
        Contribution elsewhere =
                proposal(otherProcess, "50", Instant.parse("2025-01-15T10:00:00Z"));
        store.upsertAll(List.of(process, otherProcess, newest, oldest, middle, removed, elsewhere));
        store.tombstone(removed.sourceKey());

        assertThat(store.listContributions(process.id())).containsExactly(oldest, middle, newest);
        assertThat(store.listContributions(otherProcess.id())).containsExactly(elsewhere);
    }

    @Test
    void urlCollisionFailsNamingBothKeysAndWritesNothing() {
        Process stored = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(stored));
        Process sameUrl = ItemsForTest.process("lyon-decidim", "1")
                .withSourceKey(key("lyon-decidim", "Process/other"))
                .build();
        Process innocent = processItem("lyon-decidim", "2");

        assertThatThrownBy(() -> store.upsertAll(List.of(innocent, sameUrl)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lyon-decidim:Process/1")
                .hasMessageContaining("lyon-decidim:Process/other")
                .hasMessageContaining(stored.id().toString());
        assertThat(store.findItem(stored.id())).contains(stored);
        assertThat(store.findItem(innocent.sourceKey())).isEmpty();
        assertThat(store.lastChangeSeq()).isEqualTo(1);
    }

    @Test
    void tombstonedItemFreesItsUrlForAnotherKey() {
        Process old = processItem("lyon-decidim", "1");
        store.upsertAll(List.of(old));
        store.tombstone(old.sourceKey());
        Process rekeyed = ItemsForTest.process("lyon-decidim", "1")
                .withSourceKey(key("lyon-decidim", "Process/renumbered"))
                .build();

        store.upsertAll(List.of(rekeyed));

        assertThat(store.findItem(old.id())).contains(rekeyed);
        assertThatThrownBy(() -> store.upsertAll(List.of(old)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lyon-decidim:Process/renumbered");
    }

    @Test
    void richProcessSurvivesTheJsonRoundTrip() {
        Process rich = ItemsForTest.richProcess();

        store.upsertAll(List.of(rich));

        assertThat(store.findItem(rich.sourceKey())).contains(rich);
        assertThat(store.listChangesAfter(0, 1).get(0).item()).isEqualTo(rich);
        List<Item> visited = new ArrayList<>();
        store.forEachLiveItem(visited::add);
        assertThat(visited).containsExactly(rich);
    }

    @Test
    void recordedRunsAnswerLastAndLastSuccessfulRun() {
        Instant t0 = Instant.parse("2025-03-01T08:00:00.123456789Z");
        HarvestRun success = run("lyon-decidim", t0, Outcome.SUCCESS);
        HarvestRun partial = run(
                "lyon-decidim",
                t0.plusSeconds(3600),
                Outcome.PARTIAL,
                issue("lyon-decidim", t0.plusSeconds(3601), "proposal 7 has no title"),
                issue("lyon-decidim", t0.plusSeconds(3602), "proposal 8 has no title"));
        HarvestRun otherSource = run("paris-decidim", t0.plusSeconds(7200), Outcome.SUCCESS);
        store.recordRun(success);
        store.recordRun(partial);
        store.recordRun(otherSource);

        assertThat(store.findLastRun("lyon-decidim")).contains(partial);
        assertThat(store.findLastSuccessfulRun("lyon-decidim")).contains(success);
        assertThat(store.findLastRun("paris-decidim")).contains(otherSource);
        assertThat(store.findLastRun("unknown-source")).isEmpty();
        assertThat(store.findLastSuccessfulRun("unknown-source")).isEmpty();
    }

    @Test
    void failedRunIsLastButNotSuccessful() {
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        HarvestRun failed = run("lyon-decidim", t0, Outcome.FAILED);
        store.recordRun(failed);

        assertThat(store.findLastRun("lyon-decidim")).contains(failed);
        assertThat(store.findLastSuccessfulRun("lyon-decidim")).isEmpty();
    }

    @Test
    void recordingTheSameRunAgainReplacesIt() {
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        store.recordRun(
                run("lyon-decidim", t0, Outcome.PARTIAL, issue("lyon-decidim", t0, "first")));
        HarvestRun corrected = run("lyon-decidim", t0, Outcome.SUCCESS);

        store.recordRun(corrected);

        assertThat(store.findLastRun("lyon-decidim")).contains(corrected);
        assertThat(store.listIssues("lyon-decidim", 10)).isEmpty();
    }

    @Test
    void listIssuesReturnsTheNewestIssuesOfTheSource() {
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        SourceIssue oldest = issue("lyon-decidim", t0.plusSeconds(1), "oldest");
        SourceIssue middle = issue("lyon-decidim", t0.plusSeconds(2), "middle");
        SourceIssue newest = issue("lyon-decidim", t0.plusSeconds(3601), "newest");
        store.recordRun(run("lyon-decidim", t0, Outcome.PARTIAL, oldest, middle));
        store.recordRun(run("lyon-decidim", t0.plusSeconds(3600), Outcome.PARTIAL, newest));
        store.recordRun(run(
                "paris-decidim",
                t0,
                Outcome.PARTIAL,
                issue("paris-decidim", t0.plusSeconds(5000), "other")));

        assertThat(store.listIssues("lyon-decidim", 2)).containsExactly(newest, middle);
        assertThat(store.listIssues("lyon-decidim", 10)).containsExactly(newest, middle, oldest);
    }

    @Test
    void runWithAnIssueOfAnotherSourceIsRejected() {
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        HarvestRun mixed =
                run("lyon-decidim", t0, Outcome.PARTIAL, issue("paris-decidim", t0, "misplaced"));

        assertThatThrownBy(() -> store.recordRun(mixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paris-decidim")
                .hasMessageContaining("lyon-decidim");
        assertThat(store.findLastRun("lyon-decidim")).isEmpty();
    }

    @Test
    void reopeningTheStoreKeepsData() {
        Process process = ItemsForTest.richProcess();
        store.upsertAll(List.of(process));
        store.tombstone(process.sourceKey());
        store.upsertAll(List.of(process));
        HarvestRun run =
                run("bordeaux-decidim", Instant.parse("2025-03-01T08:00:00Z"), Outcome.SUCCESS);
        store.recordRun(run);
        store.close();

        store = openStore();

        assertThat(store.findItem(process.id())).contains(process);
        assertThat(store.lastChangeSeq()).isEqualTo(3);
        assertThat(store.findLastRun("bordeaux-decidim")).contains(run);
        assertThat(store.upsertAll(List.of(process))).isEqualTo(new BatchResult(0, 0, 1));
        store.tombstone(process.sourceKey());
        assertThat(store.lastChangeSeq()).isEqualTo(4);
    }

    @Test
    void concurrentWritersGetGapFreeSequenceNumbers() throws Exception {
        int writers = 4;
        int itemsPerWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String sourceId = "source-" + w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < itemsPerWriter; i++) {
                        store.upsertAll(List.of(processItem(sourceId, String.valueOf(i))));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Change> changes = store.listChangesAfter(0, 1000);
        assertThat(changes)
                .extracting(Change::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, (long) writers * itemsPerWriter)
                                .boxed()
                                .toList());
        assertThat(changes).extracting(Change::sourceKey).doesNotHaveDuplicates();
        assertThat(store.countLiveItemsBySource().values()).containsOnly((long) itemsPerWriter);
    }

    @Test
    void itemsWithTheSameNativeIdInDifferentSourcesAreDistinct() {
        Process lyon = processItem("lyon-decidim", "1");
        Process paris = processItem("paris-decidim", "1");

        store.upsertAll(List.of(lyon, paris));

        assertThat(store.findItem(new SourceKey("lyon-decidim", "Process/1"))).contains(lyon);
        assertThat(store.findItem(new SourceKey("paris-decidim", "Process/1"))).contains(paris);
    }

    @Test
    void runKeepsItsRetriesAndNotModifiedCounts() {
        Instant t0 = Instant.parse("2025-03-01T08:00:00Z");
        HarvestRun base = run("lyon-decidim", t0, Outcome.SUCCESS);
        HarvestRun run = new HarvestRun(
                base.sourceId(),
                base.startedAt(),
                base.endedAt(),
                base.outcome(),
                base.requests(),
                base.bytes(),
                base.itemsNew(),
                base.itemsChanged(),
                base.itemsUnchanged(),
                base.itemsRemoved(),
                base.error(),
                base.issues(),
                4,
                9);

        store.recordRun(run);

        HarvestRun read = store.findLastRun("lyon-decidim").orElseThrow();
        assertThat(read.retries()).isEqualTo(4);
        assertThat(read.notModified()).isEqualTo(9);
    }
}
