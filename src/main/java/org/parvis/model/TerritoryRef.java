package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * An area an item concerns, with how it was found and the source label it came from, if any.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryRef(
        AreaId area, Derivation derivation, @Nullable String sourceLabel) {

    public TerritoryRef {
        if (area == null || derivation == null) {
            throw new IllegalArgumentException(
                    "a territory reference needs an area and a derivation");
        }
    }

    public static TerritoryRef of(AreaId area, Derivation derivation) {
        return new TerritoryRef(area, derivation, null);
    }
}
