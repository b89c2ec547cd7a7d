package org.parvis.territory;

import org.parvis.model.TerritoryRef;

import java.util.List;

/**
 * Where an item applies, as {@link ScopeResolver} found it: its areas, each with how it was found
 * and the source label it came from, and the labels that matched no place.
 *
 * <p>Immutable and thread-safe.
 *
 * @param areas one or more areas, never empty
 * @param unresolvedLabels the labels that matched nothing, as the source spelled them
 */
public record ScopeResolution(List<TerritoryRef> areas, List<String> unresolvedLabels) {

    public ScopeResolution {
        areas = List.copyOf(areas);
        unresolvedLabels = List.copyOf(unresolvedLabels);
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a scope resolution has at least one area");
        }
    }
}
