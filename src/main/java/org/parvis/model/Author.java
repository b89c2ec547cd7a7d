package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;

/**
 * Who posted a contribution, as the origin publishes it. Display names are not unique.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Author(
        String displayName,
        Kind kind,
        @Nullable URI profileUrl,
        @Nullable String sourceRef) {

    /** What an author is. */
    public enum Kind {
        PERSON,
        GROUP,
        ORGANISATION,
        MEETING
    }

    public Author {
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("author display name must not be blank");
        }
        if (kind == null) {
            kind = Kind.PERSON;
        }
    }
}
