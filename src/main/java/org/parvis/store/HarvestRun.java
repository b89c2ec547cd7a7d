package org.parvis.store;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The record of one harvest of one source: when, how much it cost, what it changed and what went
 * wrong. {@code outcome} tells whether the listing was complete (only then may removals be
 * inferred). {@code requests} counts every request sent, retries included; {@code retries} those
 * sent again after a failure or a 429/5xx answer; {@code notModified} the conditional requests the
 * platform answered 304.
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
        List<SourceIssue> issues,
        long retries,
        long notModified) {

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
        if (retries < 0 || notModified < 0) {
            throw new IllegalArgumentException(
                    "retries and 304 answers are counts, got " + retries + " and " + notModified);
        }
    }

    /** A run without retries or 304 answers. */
    public HarvestRun(
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
        this(
                sourceId,
                startedAt,
                endedAt,
                outcome,
                requests,
                bytes,
                itemsNew,
                itemsChanged,
                itemsUnchanged,
                itemsRemoved,
                error,
                issues,
                0,
                0);
    }
}
