package org.parvis.bench;

import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a place and a scope into the exact areas a process must name to match, for the engines that
 * store only the areas each process names: around a place, the place and its parents; within a
 * place, the place and every area whose parents include it.
 *
 * <p>Immutable and thread-safe after construction.
 */
final class AreaHierarchy {

    private final Gazetteer gazetteer;
    private final Map<AreaId, List<AreaId>> descendants;

    private AreaHierarchy(Gazetteer gazetteer, Map<AreaId, List<AreaId>> descendants) {
        this.gazetteer = gazetteer;
        this.descendants = descendants;
    }

    /** Inverts the parents of every place of the gazetteer. */
    static AreaHierarchy of(Gazetteer gazetteer) {
        Map<AreaId, TreeSet<AreaId>> inverted = new HashMap<>();
        for (AreaLevel level : EnumSet.complementOf(EnumSet.of(AreaLevel.LOCAL))) {
            for (Place place : gazetteer.listPlaces(level)) {
                for (AreaId parent : gazetteer.listParents(place.id())) {
                    inverted.computeIfAbsent(parent, key -> new TreeSet<>()).add(place.id());
                }
            }
        }
        Map<AreaId, List<AreaId>> descendants = new HashMap<>();
        inverted.forEach((area, below) -> descendants.put(area, List.copyOf(below)));
        return new AreaHierarchy(gazetteer, descendants);
    }

    /** The areas a process may name to match {@code place} in {@code scope}, the place first. */
    List<AreaId> listMatchingAreas(AreaId place, FeedQuery.Scope scope) {
        gazetteer.getPlace(place);
        List<AreaId> others = scope == FeedQuery.Scope.AROUND
                ? gazetteer.listParents(place)
                : descendants.getOrDefault(place, List.of());
        List<AreaId> areas = new ArrayList<>(others.size() + 1);
        areas.add(place);
        areas.addAll(others);
        return areas;
    }
}
