package org.parvis.web;

import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A gazetteer over a few places. The children of an area are the places whose first parent it is,
 * or whose second parent it is when the first is an EPCI (a commune belongs to its EPCI and to its
 * département).
 *
 * <p>Immutable and thread-safe.
 */
final class InMemoryGazetteer implements Gazetteer {

    private final Map<AreaId, Place> places = new TreeMap<>();

    InMemoryGazetteer(List<Place> places) {
        places.forEach(place -> this.places.put(place.id(), place));
    }

    @Override
    public Optional<Place> findPlace(AreaId id) {
        return Optional.ofNullable(places.get(id));
    }

    @Override
    public List<AreaId> listParents(AreaId id) {
        return findPlace(id).map(Place::parents).orElse(List.of());
    }

    @Override
    public List<AreaId> listChildren(AreaId id) {
        return places.values().stream()
                .filter(place -> isChild(place.parents(), id))
                .map(Place::id)
                .toList();
    }

    private static boolean isChild(List<AreaId> parents, AreaId id) {
        if (parents.isEmpty()) {
            return false;
        }
        if (parents.get(0).equals(id)) {
            return true;
        }
        return parents.size() > 1
                && parents.get(0).level() == AreaLevel.EPCI
                && parents.get(1).equals(id);
    }

    @Override
    public List<Place> listPlaces(AreaLevel level) {
        return places.values().stream().filter(place -> place.level() == level).toList();
    }

    @Override
    public int size() {
        return places.size();
    }
}
