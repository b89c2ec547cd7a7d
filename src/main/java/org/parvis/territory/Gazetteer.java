package org.parvis.territory;

import org.parvis.model.AreaId;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The official areas of France (communes, municipal arrondissements, EPCIs, départements,
 * régions), France itself and the EU, and how they nest.
 *
 * <p>Nesting: {@code eu} ⊃ {@code fr} ⊃ région ⊃ département ⊃ commune ⊃ municipal arrondissement;
 * an EPCI groups communes and may cross département borders, so it is a parent of its member
 * communes and a child of a département or région only when all its members lie inside it.
 *
 * <p>Implementations are immutable after construction and thread-safe.
 */
public interface Gazetteer {

    /** The place with this id, if the gazetteer knows it. */
    Optional<Place> findPlace(AreaId id);

    /** The place with this id; throws {@link NoSuchElementException} naming the id when unknown. */
    default Place getPlace(AreaId id) {
        return findPlace(id)
                .orElseThrow(() -> new NoSuchElementException("unknown area " + id
                        + "; look places up with GET /api/v1/places?q=… (communes by INSEE code,"
                        + " EPCIs by SIREN)"));
    }

    /**
     * Every enclosing area, finest first, up to {@code eu}; empty for {@code eu} or unknown ids.
     */
    List<AreaId> listParents(AreaId id);

    /** The areas directly inside this one, sorted by id; empty for unknown ids. */
    List<AreaId> listChildren(AreaId id);

    /** Every place of a level, sorted by id. */
    List<Place> listPlaces(org.parvis.model.AreaLevel level);

    /** How many places the gazetteer holds. */
    int size();
}
