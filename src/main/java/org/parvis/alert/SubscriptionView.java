package org.parvis.alert;

/**
 * A subscription as its pages show it, without the address: the query, its place's name, the
 * frequency, the language and a one-line description in that language.
 *
 * <p>Immutable and thread-safe.
 */
public record SubscriptionView(
        AlertQuery query,
        String placeName,
        Frequency frequency,
        String language,
        String description,
        boolean confirmed) {}
