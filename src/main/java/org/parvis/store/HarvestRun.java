package org.parvis.store;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The record of one harvest of one source: when, how much it cost, what it changed and what went
 * wrong. {@code outcome} tells whether the listing was complete (only then may removals be
 * inferred).
 *
 * <p>Immutable and thread-safe.
 */
public record HarvestRun(
        String sourceId,
        Instant startedAt,
        Instant endedAt,
        Outcome outcome,
        long requests,
        long bytes,
        int itemsNew,
        int itemsChanged,
        int itemsUnchanged,
        int itemsRemoved,
        @Nullable String error,
        List<SourceIssue> issues) {

    /** How a run ended. */
    public enum Outcome {
        /** Every listing completed; removals were applied. */
        SUCCESS,
        /** Some records or pages failed; what was read was kept, nothing was removed. */
        PARTIAL,
        /** The run could not list the source; nothing was changed. */
        FAILED
    }

    public HarvestRun {
        if (sourceId == null || startedAt == null || endedAt == null || outcome == null) {
            throw new IllegalArgumentException(
                    "a harvest run needs a source, start, end and outcome");
        }
        issues = List.copyOf(issues == null ? List.of() : issues);
    }
}
