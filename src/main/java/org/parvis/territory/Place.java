package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;

import java.util.List;

/**
 * An official area known to the gazetteer: a commune, a municipal arrondissement, an EPCI, a
 * département, a région, France or the EU.
 *
 * <p>{@code parents} lists every enclosing area, finest first, up to {@code eu}: for a commune its
 * EPCI (when it has one), département, région, {@code fr} and {@code eu}.
 *
 * <p>Immutable and thread-safe.
 */
public record Place(
        AreaId id,
        String name,
        List<String> postcodes,
        @Nullable Long population,
        List<AreaId> parents) {

    public Place {
        if (id == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "a place needs an id and a name, got " + id + " / " + name);
        }
        postcodes = List.copyOf(postcodes == null ? List.of() : postcodes);
        parents = List.copyOf(parents == null ? List.of() : parents);
    }

    public AreaLevel level() {
        return id.level();
    }
}
