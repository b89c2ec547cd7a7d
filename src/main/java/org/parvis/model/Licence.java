package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The licence under which a source publishes its data, shown with every item and in every export.
 * {@code id} is an SPDX-like identifier ({@code ODbL-1.0}, {@code etalab-2.0}) or {@code unknown}.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Licence(
        String id, @Nullable String url, @Nullable String attribution) {

    /** The licence is not known: the data may be shown but its reuse is limited. */
    public static final Licence UNKNOWN = new Licence("unknown", null, null);

    public Licence {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(
                    "licence id must not be blank; use 'unknown' when the"
                            + " source states no licence");
        }
    }
}
