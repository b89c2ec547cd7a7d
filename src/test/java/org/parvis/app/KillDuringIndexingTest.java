package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedResult;
import org.parvis.feed.FeedService;
import org.parvis.index.FeedIndex;
import org.parvis.model.AreaId;
import org.parvis.model.ProcessStatus;
import org.parvis.store.JdbcStore;
import org.parvis.store.StoreLocation;
import org.parvis.territory.FrenchGazetteer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Kills a real JVM (SIGKILL) while it indexes what it has stored, then restarts on the same data
 * directory: the index catches up from the store's change log and nothing is lost.
 */
class KillDuringIndexingTest {

    private static final int PROCESSES = 10_000;

    @TempDir
    Path dataDir;

    @Test
    void killingTheProcessDuringIndexingLosesNothingAfterRestart() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        IndexingChild.class.getName(),
                        dataDir.toString(),
                        Integer.toString(PROCESSES))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(IndexingChild.INDEXING)) {
                    // Let the first commits land, then kill without warning.
                    Thread.sleep(500);
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("the child was killed, not finished").isNotZero();

        try (JdbcStore store = JdbcStore.open(StoreLocation.sqlite(dataDir));
                FeedIndex index =
                        FeedIndex.open(dataDir.resolve("index"), FrenchGazetteer.loadDefault())) {
            long stored = store.lastChangeSeq();
            assertThat(stored).isEqualTo(PROCESSES);
            assertThat(index.checkpoint())
                    .as("the kill interrupted indexing (else this test proves nothing)")
                    .isLessThan(stored);

            index.catchUp(store);

            assertThat(index.checkpoint()).isEqualTo(stored);
            assertThat(index.size()).isEqualTo(PROCESSES);
            assertThat(everyIdInTheFeed(index)).hasSize(PROCESSES);
        }
    }

    private static Set<String> everyIdInTheFeed(FeedIndex index) {
        FeedService feed = new FeedService(
                FrenchGazetteer.loadDefault(),
                index,
                Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC),
                id -> id);
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            FeedResult page = feed.query(new FeedQuery(
                    AreaId.FRANCE,
                    FeedQuery.Scope.WITHIN,
                    Set.of(),
                    Set.of(),
                    Set.of(ProcessStatus.values()),
                    null,
                    FeedQuery.Sort.CLOSING,
                    100,
                    cursor));
            page.items().forEach(item -> ids.add(item.id().toString()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
