package org.parvis.territory;

import org.jspecify.annotations.Nullable;

/**
 * One candidate of a place search: the place, how it matched, and what matched when it is not the
 * place's own official name (a postcode, a code, a former commune's name, "Paris 12e"…).
 *
 * <p>Immutable and thread-safe.
 *
 * @param place the candidate
 * @param kind how the query matched it
 * @param matchedName the text that matched when it differs from {@code place.name()}, else null
 */
public record PlaceMatch(
        Place place, MatchKind kind, @Nullable String matchedName) {

    public PlaceMatch {
        if (place == null || kind == null) {
            throw new IllegalArgumentException("a place match needs a place and a kind");
        }
    }
}
