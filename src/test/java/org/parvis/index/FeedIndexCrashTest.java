package org.parvis.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real crash: another JVM catches up and is halted in the middle of a batch. The index it leaves
 * must open at its last commit and catch up to the store's state.
 */
class FeedIndexCrashTest {

    @TempDir
    Path dir;

    @Test
    void indexKilledMidBatchReopensAtItsLastCommitAndCatchesUp() throws Exception {
        Path index = dir.resolve("index");
        // Batches of 5, commits every 10 changes: the last commit before change 43 is at 40.
        Process child = runCrashingCatchUp(index, 43);

        ChangeLogForTest log = HistoryForTest.build();
        try (FeedIndex reopened = FeedIndex.open(index, new GazetteerForTest())) {
            assertThat(reopened.checkpoint()).isEqualTo(40);
            // Changes 41 and 42 deleted p1 and p6 before the crash, never committed.
            assertThat(reopened.listStoredCards())
                    .containsKeys("test-decidim:process/p1", "test-decidim:process/p6");

            reopened.catchUp(log, 5, 10);

            try (FeedIndex rebuilt = FeedIndex.inMemory(new GazetteerForTest())) {
                rebuilt.rebuild(log);
                assertThat(reopened.listStoredCards()).isEqualTo(rebuilt.listStoredCards());
            }
            assertThat(reopened.checkpoint()).isEqualTo(56);
            assertThat(reopened.size()).isEqualTo(25);
        }
        assertThat(child.exitValue()).isEqualTo(CrashingCatchUp.HALT_EXIT_CODE);
    }

    private Process runCrashingCatchUp(Path index, long haltAtSeq)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingCatchUp.class.getName(),
                        index.toString(),
                        Long.toString(haltAtSeq)))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(
                    "the crashing JVM did not stop; its output:\n" + Files.readString(output));
        }
        assertThat(child.exitValue())
                .as("exit code of the crashing JVM; its output:\n%s", Files.readString(output))
                .isEqualTo(CrashingCatchUp.HALT_EXIT_CODE);
        return child;
    }
}
