package org.parvis.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Harvest runs and source issues for store tests. */
final class RunsForTest {

    private RunsForTest() {}

    static HarvestRun run(
            String sourceId, Instant startedAt, HarvestRun.Outcome outcome, SourceIssue... issues) {
        return new HarvestRun(
                sourceId,
                startedAt,
                startedAt.plus(Duration.ofSeconds(42)),
                outcome,
                17,
                123_456,
                3,
                2,
                40,
                1,
                outcome == HarvestRun.Outcome.FAILED ? "listing failed: HTTP 503" : null,
                List.of(issues));
    }

    static SourceIssue issue(String sourceId, Instant at, String message) {
        return new SourceIssue(
                sourceId,
                at,
                "missing_title",
                "Proposal/7",
                "https://" + sourceId + ".example.org/p/7",
                message);
    }
}
