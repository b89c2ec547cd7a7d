package org.parvis.source;

import org.jspecify.annotations.Nullable;

/**
 * A connector's verdict on its listing: whether every record the source publishes was emitted
 * ({@link Completeness#COMPLETE}), and if not, why ({@code problem}, one line for the harvest
 * run's error field).
 *
 * <p>Immutable and thread-safe.
 */
public record Listing(Completeness completeness, @Nullable String problem) {

    /** Whether a listing saw every record of its source. */
    public enum Completeness {
        /** Every record was emitted: the records not emitted are gone from the source. */
        COMPLETE,
        /** Some records or pages could not be read: nothing may be inferred from absences. */
        INCOMPLETE
    }

    public Listing {
        if (completeness == null) {
            throw new IllegalArgumentException("a listing is complete or incomplete, got null");
        }
        if (completeness == Completeness.COMPLETE && problem != null) {
            throw new IllegalArgumentException(
                    "a complete listing has no problem, got '" + problem + "'");
        }
        if (completeness == Completeness.INCOMPLETE && (problem == null || problem.isBlank())) {
            throw new IllegalArgumentException("an incomplete listing must say what went wrong");
        }
    }

    /** Every record of the source was emitted: the harvester may tombstone the others. */
    public static Listing complete() {
        return new Listing(Completeness.COMPLETE, null);
    }

    /** Some records or pages could not be read: the harvester keeps every known record. */
    public static Listing incomplete(String problem) {
        return new Listing(Completeness.INCOMPLETE, problem);
    }

    public boolean isComplete() {
        return completeness == Completeness.COMPLETE;
    }
}
