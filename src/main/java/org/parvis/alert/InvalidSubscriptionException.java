package org.parvis.alert;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A subscription request with a bad field: names the field, the value received and what is
 * allowed, so the HTTP layer can answer with a problem that says how to fix it.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidSubscriptionException extends IllegalArgumentException {

    private final String field;
    private final @Nullable String value;
    private final List<String> allowed;

    public InvalidSubscriptionException(
            String field, @Nullable String value, String message, List<String> allowed) {
        super(message);
        this.field = field;
        this.value = value;
        this.allowed = List.copyOf(allowed);
    }

    /** The request field at fault, e.g. {@code email} or {@code themes}. */
    public String field() {
        return field;
    }

    /** The value received, when there was one. */
    public @Nullable String value() {
        return value;
    }

    /** The accepted values or forms; empty when a list would not help. */
    public List<String> allowed() {
        return allowed;
    }
}
