package org.parvis.alert;

/**
 * Too many subscription requests for one address or from one client in the current window. The
 * same answer is given whether or not the address is known.
 *
 * <p>Immutable and thread-safe.
 */
public final class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When the client may try again, in seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
