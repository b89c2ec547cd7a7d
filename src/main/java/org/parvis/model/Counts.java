package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * Participation counts as published by the source. A null count is unknown, which is not zero.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Counts(
        @Nullable Long participants,
        @Nullable Long contributions,
        @Nullable Long votes,
        @Nullable Long signatures,
        @Nullable Long comments,
        @Nullable Long followers) {

    public static final Counts NONE = new Counts(null, null, null, null, null, null);

    public Counts {
        for (Long count :
                new Long[] {participants, contributions, votes, signatures, comments, followers}) {
            if (count != null && count < 0) {
                throw new IllegalArgumentException("counts must not be negative, got " + count);
            }
        }
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }
}
