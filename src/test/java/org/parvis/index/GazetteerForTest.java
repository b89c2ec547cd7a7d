package org.parvis.index;

import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gazetteer over a handful of real French areas with their official codes:
 *
 * <pre>
 * eu
 * └─ fr
 *    ├─ région 75 Nouvelle-Aquitaine
 *    │  ├─ département 33 Gironde
 *    │  │  └─ EPCI 243300316 Bordeaux Métropole
 *    │  │     ├─ commune 33063 Bordeaux
 *    │  │     ├─ commune 33281 Mérignac
 *    │  │     └─ commune 33318 Pessac
 *    │  └─ département 24 Dordogne
 *    │     └─ EPCI 200040392 Grand Périgueux
 *    │        └─ commune 24322 Périgueux
 *    ├─ région 11 Île-de-France
 *    │  ├─ EPCI 200054781 Métropole du Grand Paris (spans several départements)
 *    │  └─ département 75 Paris
 *    │     └─ commune 75056 Paris (in the Métropole du Grand Paris)
 *    │        └─ arrondissement 75112 Paris 12e Arrondissement
 *    └─ région 93 Provence-Alpes-Côte d'Azur
 *       └─ département 13 Bouches-du-Rhône
 *          └─ EPCI 200054807 Métropole d'Aix-Marseille-Provence
 *             └─ commune 13055 Marseille
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GazetteerForTest implements Gazetteer {

    public static final AreaId EU = AreaId.EU;
    public static final AreaId FRANCE = AreaId.FRANCE;
    public static final AreaId NOUVELLE_AQUITAINE = AreaId.region("75");
    public static final AreaId GIRONDE = AreaId.departement("33");
    public static final AreaId BORDEAUX_METROPOLE = AreaId.epci("243300316");
    public static final AreaId BORDEAUX = AreaId.commune("33063");
    public static final AreaId MERIGNAC = AreaId.commune("33281");
    public static final AreaId PESSAC = AreaId.commune("33318");
    public static final AreaId DORDOGNE = AreaId.departement("24");
    public static final AreaId GRAND_PERIGUEUX = AreaId.epci("200040392");
    public static final AreaId PERIGUEUX = AreaId.commune("24322");
    public static final AreaId ILE_DE_FRANCE = AreaId.region("11");
    public static final AreaId DEPARTEMENT_PARIS = AreaId.departement("75");
    public static final AreaId GRAND_PARIS = AreaId.epci("200054781");
    public static final AreaId PARIS = AreaId.commune("75056");
    public static final AreaId PARIS_12 = AreaId.arrondissement("75112");
    public static final AreaId PACA = AreaId.region("93");
    public static final AreaId BOUCHES_DU_RHONE = AreaId.departement("13");
    public static final AreaId AIX_MARSEILLE = AreaId.epci("200054807");
    public static final AreaId MARSEILLE = AreaId.commune("13055");

    private final Map<AreaId, Place> places = new LinkedHashMap<>();

    public GazetteerForTest() {
        add(EU, "Union européenne");
        add(FRANCE, "France", EU);
        add(NOUVELLE_AQUITAINE, "Nouvelle-Aquitaine", FRANCE, EU);
        add(GIRONDE, "Gironde", NOUVELLE_AQUITAINE, FRANCE, EU);
        add(BORDEAUX_METROPOLE, "Bordeaux Métropole", GIRONDE, NOUVELLE_AQUITAINE, FRANCE, EU);
        add(BORDEAUX, "Bordeaux", BORDEAUX_METROPOLE, GIRONDE, NOUVELLE_AQUITAINE, FRANCE, EU);
        add(MERIGNAC, "Mérignac", BORDEAUX_METROPOLE, GIRONDE, NOUVELLE_AQUITAINE, FRANCE, EU);
        add(PESSAC, "Pessac", BORDEAUX_METROPOLE, GIRONDE, NOUVELLE_AQUITAINE, FRANCE, EU);
        add(DORDOGNE, "Dordogne", NOUVELLE_AQUITAINE, FRANCE, EU);
        add(GRAND_PERIGUEUX, "Le Grand Périgueux", DORDOGNE, NOUVELLE_AQUITAINE, FRANCE, EU);
        add(PERIGUEUX, "Périgueux", GRAND_PERIGUEUX, DORDOGNE, NOUVELLE_AQUITAINE, FRANCE, EU);
        add(ILE_DE_FRANCE, "Île-de-France", FRANCE, EU);
        add(GRAND_PARIS, "Métropole du Grand Paris", ILE_DE_FRANCE, FRANCE, EU);
        add(DEPARTEMENT_PARIS, "Paris", ILE_DE_FRANCE, FRANCE, EU);
        add(PARIS, "Paris", GRAND_PARIS, DEPARTEMENT_PARIS, ILE_DE_FRANCE, FRANCE, EU);
        add(
                PARIS_12,
                "Paris 12e Arrondissement",
                PARIS,
                GRAND_PARIS,
                DEPARTEMENT_PARIS,
                ILE_DE_FRANCE,
                FRANCE,
                EU);
        add(PACA, "Provence-Alpes-Côte d'Azur", FRANCE, EU);
        add(BOUCHES_DU_RHONE, "Bouches-du-Rhône", PACA, FRANCE, EU);
        add(
                AIX_MARSEILLE,
                "Métropole d'Aix-Marseille-Provence",
                BOUCHES_DU_RHONE,
                PACA,
                FRANCE,
                EU);
        add(MARSEILLE, "Marseille", AIX_MARSEILLE, BOUCHES_DU_RHONE, PACA, FRANCE, EU);
    }

    private void add(AreaId id, String name, AreaId... parents) {
        places.put(id, new Place(id, name, List.of(), null, List.of(parents)));
    }

    @Override
    public Optional<Place> findPlace(AreaId id) {
        return Optional.ofNullable(places.get(id));
    }

    @Override
    public List<AreaId> listParents(AreaId id) {
        Place place = places.get(id);
        return place == null ? List.of() : place.parents();
    }

    @Override
    public List<AreaId> listChildren(AreaId id) {
        List<AreaId> children = new ArrayList<>();
        for (Place place : places.values()) {
            // A direct child: the area is a parent, and no other parent of the place lies inside
            // it.
            if (place.parents().contains(id)
                    && place.parents().stream()
                            .filter(p -> !p.equals(id))
                            .noneMatch(p -> listParents(p).contains(id))) {
                children.add(place.id());
            }
        }
        children.sort(Comparator.naturalOrder());
        return children;
    }

    @Override
    public List<Place> listPlaces(AreaLevel level) {
        return places.values().stream()
                .filter(p -> p.level() == level)
                .sorted(Comparator.comparing(Place::id))
                .toList();
    }

    @Override
    public int size() {
        return places.size();
    }
}
