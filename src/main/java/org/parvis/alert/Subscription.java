package org.parvis.alert;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A stored subscription: an address following a query at a frequency, in a language; pending
 * until {@code confirmedAt} is set, and deleted at {@code expiresAt} if never confirmed.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the address out.
 */
record Subscription(
        String id,
        String email,
        AlertQuery query,
        Frequency frequency,
        String language,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant nextDigestAt) {

    boolean isConfirmed() {
        return confirmedAt != null;
    }

    @Override
    public String toString() {
        return "Subscription[" + id + ", " + query.key() + ", " + frequency.code() + ", " + language
                + (isConfirmed() ? "" : ", pending") + "]";
    }
}
