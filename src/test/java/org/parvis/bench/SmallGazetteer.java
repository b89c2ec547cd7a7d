package org.parvis.bench;

import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A hand-made gazetteer of a few real places: parts of Bretagne and Île-de-France, Paris with three
 * arrondissements, an EPCI that crosses départements, a commune in no EPCI.
 */
final class SmallGazetteer implements Gazetteer {

    private final Map<AreaId, Place> places = new HashMap<>();

    SmallGazetteer() {
        add("eu", "Union européenne", null);
        add("fr", "France", null, "eu");
        add("fr:region:53", "Bretagne", 3_400_000L, "fr", "eu");
        add("fr:region:11", "Île-de-France", 12_300_000L, "fr", "eu");
        add("fr:departement:29", "Finistère", 915_000L, "fr:region:53", "fr", "eu");
        add("fr:departement:35", "Ille-et-Vilaine", 1_100_000L, "fr:region:53", "fr", "eu");
        add("fr:departement:75", "Paris", 2_100_000L, "fr:region:11", "fr", "eu");
        add("fr:departement:92", "Hauts-de-Seine", 1_600_000L, "fr:region:11", "fr", "eu");
        add(
                "fr:epci:242900314",
                "Brest Métropole",
                210_000L,
                "fr:departement:29",
                "fr:region:53",
                "fr",
                "eu");
        add(
                "fr:epci:200068120",
                "Quimper Bretagne Occidentale",
                100_000L,
                "fr:departement:29",
                "fr:region:53",
                "fr",
                "eu");
        add(
                "fr:epci:243500139",
                "Rennes Métropole",
                460_000L,
                "fr:departement:35",
                "fr:region:53",
                "fr",
                "eu");
        // The Métropole du Grand Paris spans several départements, so it is a child of the région
        // only.
        add(
                "fr:epci:200054781",
                "Métropole du Grand Paris",
                7_000_000L,
                "fr:region:11",
                "fr",
                "eu");
        commune("29019", "Brest", 140_000L, "fr:epci:242900314", "29", "53");
        commune("29075", "Guipavas", 15_000L, "fr:epci:242900314", "29", "53");
        commune("29212", "Plouzané", 13_000L, "fr:epci:242900314", "29", "53");
        commune("29232", "Quimper", 63_000L, "fr:epci:200068120", "29", "53");
        commune("29155", "Ouessant", 800L, null, "29", "53");
        commune("35238", "Rennes", 225_000L, "fr:epci:243500139", "35", "53");
        commune("35051", "Cesson-Sévigné", 18_000L, "fr:epci:243500139", "35", "53");
        commune("75056", "Paris", 2_100_000L, "fr:epci:200054781", "75", "11");
        commune("92012", "Boulogne-Billancourt", 120_000L, "fr:epci:200054781", "92", "11");
        arrondissement("75101", "Paris 1er Arrondissement", 16_000L);
        arrondissement("75112", "Paris 12e Arrondissement", 140_000L);
        arrondissement("75120", "Paris 20e Arrondissement", 195_000L);
    }

    private void commune(
            String code,
            String name,
            Long population,
            String epci,
            String departement,
            String region) {
        List<String> parents = new ArrayList<>();
        if (epci != null) {
            parents.add(epci);
        }
        parents.addAll(List.of("fr:departement:" + departement, "fr:region:" + region, "fr", "eu"));
        add("fr:commune:" + code, name, population, parents.toArray(String[]::new));
    }

    private void arrondissement(String code, String name, Long population) {
        add(
                "fr:arrondissement:" + code,
                name,
                population,
                "fr:commune:75056",
                "fr:epci:200054781",
                "fr:departement:75",
                "fr:region:11",
                "fr",
                "eu");
    }

    private void add(String id, String name, Long population, String... parents) {
        AreaId area = AreaId.parse(id);
        places.put(
                area,
                new Place(
                        area,
                        name,
                        List.of(),
                        population,
                        List.of(parents).stream().map(AreaId::parse).toList()));
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
        TreeSet<AreaId> children = new TreeSet<>();
        for (Place place : places.values()) {
            if (!place.parents().isEmpty() && place.parents().get(0).equals(id)) {
                children.add(place.id());
            }
        }
        return List.copyOf(children);
    }

    @Override
    public List<Place> listPlaces(AreaLevel level) {
        return places.values().stream()
                .filter(place -> place.level() == level)
                .sorted(Comparator.comparing(Place::id))
                .toList();
    }

    @Override
    public int size() {
        return places.size();
    }
}
