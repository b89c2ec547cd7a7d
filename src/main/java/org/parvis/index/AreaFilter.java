package org.parvis.index;

import org.parvis.model.AreaId;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which items a search selects by place.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface AreaFilter {

    /** Items one of whose own territories is among {@code areas} (a place and its ancestors). */
    record AnyOf(Set<AreaId> areas) implements AreaFilter {
        public AnyOf {
            if (areas == null || areas.isEmpty()) {
                throw new IllegalArgumentException("an area filter needs at least one area");
            }
            // Sorted, so that equal filters have equal fingerprints and cache keys.
            areas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(areas));
        }
    }

    /** Items one of whose territories is {@code area} or lies inside it. */
    record Within(AreaId area) implements AreaFilter {
        public Within {
            if (area == null) {
                throw new IllegalArgumentException("a within filter needs an area");
            }
        }
    }

    static AreaFilter anyOf(Set<AreaId> areas) {
        return new AnyOf(areas);
    }

    static AreaFilter within(AreaId area) {
        return new Within(area);
    }
}
