package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A phase of a process, with its window and whether the source marks it as the current one.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
        LocalizedText title,
        @Nullable LocalizedText description,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        int position,
        boolean active) {

    public Step {
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException("step " + position + " needs a title");
        }
        if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
            throw new IllegalArgumentException("step '" + title.best(java.util.List.of())
                    + "' ends (" + endAt + ") before it starts (" + startAt + ")");
        }
    }
}
