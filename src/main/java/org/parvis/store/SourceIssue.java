package org.parvis.store;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A problem met while harvesting a source, with enough detail to fix it at the source: what kind
 * of problem, which record or URL (without query string), and a message.
 *
 * <p>Immutable and thread-safe.
 */
public record SourceIssue(
        String sourceId,
        Instant at,
        String type,
        @Nullable String recordRef,
        @Nullable String url,
        String message) {

    public SourceIssue {
        if (sourceId == null || at == null || type == null || message == null) {
            throw new IllegalArgumentException(
                    "a source issue needs a source, time, type and message");
        }
    }
}
