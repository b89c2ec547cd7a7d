package org.parvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

class FeedBenchTest {

    @Test
    void reportsEveryEngineAndCountsNoMismatchOnASmallRun() {
        FeedBench.Settings settings = new FeedBench.Settings(
                3_000, 300, 5, null, 2, 100, 50, 30, FeedBench.DEFAULT_NOW, null);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int exitCode = FeedBench.create(
                        new SmallGazetteer(),
                        settings,
                        new PrintStream(report, true, StandardCharsets.UTF_8),
                        new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run();

        String markdown = report.toString(StandardCharsets.UTF_8);
        assertThat(exitCode)
                .as(markdown + progress.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(markdown)
                .contains("## Feed query, 3,000 processes")
                .contains("| " + FeedBench.LUCENE + " |")
                .contains("| " + FeedBench.BITSET + " |")
                .contains("Skipped: PostgreSQL")
                .contains("mismatch count " + FeedBench.BITSET + " 0.");
    }
}
