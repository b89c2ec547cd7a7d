package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;

/**
 * When and how a meeting takes place.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingDetails(
        Instant startAt,
        @Nullable Instant endAt,
        Mode mode,
        @Nullable String address,
        @Nullable URI onlineUrl,
        @Nullable URI registrationUrl) {

    /** Whether people meet in a room, online, or both. */
    public enum Mode {
        IN_PERSON,
        ONLINE,
        HYBRID
    }

    public MeetingDetails {
        if (startAt == null || mode == null) {
            throw new IllegalArgumentException("a meeting needs a start time and a mode");
        }
        if (endAt != null && endAt.isBefore(startAt)) {
            throw new IllegalArgumentException(
                    "meeting ends (" + endAt + ") before it starts (" + startAt + ")");
        }
    }
}
