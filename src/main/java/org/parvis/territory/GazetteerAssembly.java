package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of an {@link AreaFile} into the places, parent lists and child lists of a {@link
 * FrenchGazetteer}, checking that every reference between rows resolves.
 *
 * <p>Parent lists are shared between places with the same ancestors (all communes of one EPCI in
 * one département share one list), which keeps the heap small. Steps run in the order of {@link
 * #assemble}; levels are passed explicitly because {@link AreaId#level()} matches regexes, which
 * is slow when repeated for 36,000 places at start-up.
 *
 * <p>Not thread-safe: one instance per construction, confined to the constructing thread.
 */
final class GazetteerAssembly {

    private static final List<AreaId> EU_ONLY = List.of(AreaId.EU);
    private static final List<AreaId> FR_EU = List.of(AreaId.FRANCE, AreaId.EU);

    private final AreaFile file;
    private final String fileName;

    final Map<AreaId, Place> places = new HashMap<>(1 << 16);
    final Map<String, AreaId> bySiren = new HashMap<>(1 << 16);
    private final Map<AreaId, List<AreaId>> children = new HashMap<>();
    private final Map<AreaLevel, List<Place>> byLevel = new EnumMap<>(AreaLevel.class);
    private final List<FormerCommune> formerCommunes = new ArrayList<>();

    private final Map<String, AreaId> regionIds = new HashMap<>();
    private final Map<String, AreaFile.Departement> departements = new HashMap<>();
    private final Map<String, AreaId> departementIds = new HashMap<>();
    private final Map<String, List<AreaId>> departementParents = new HashMap<>();
    private final Map<String, AreaId> epciIds = new HashMap<>();
    private final Map<String, Set<String>> epciDepartements = new HashMap<>();
    private final Map<String, Place> communesByCode = new HashMap<>();
    private final Map<String, Long> departementPopulation = new HashMap<>();
    private final Set<String> departementsLackingPopulation = new HashSet<>();

    private GazetteerAssembly(AreaFile file, String fileName) {
        this.file = file;
        this.fileName = fileName;
    }

    /**
     * Assembles the places of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and the first unresolved reference
     */
    static GazetteerAssembly assemble(AreaFile file, String fileName) {
        GazetteerAssembly assembly = new GazetteerAssembly(file, fileName);
        assembly.addFranceAndEu();
        assembly.indexRegionsAndDepartements();
        assembly.indexEpcis();
        assembly.addCommunes();
        assembly.addDepartementsAndRegions();
        assembly.addEpcis();
        assembly.addArrondissements();
        assembly.addFormerCommunes();
        return assembly;
    }

    private void addFranceAndEu() {
        add(AreaLevel.EU, new Place(AreaId.EU, "Union européenne", List.of(), null, List.of()));
        add(AreaLevel.NATION, new Place(AreaId.FRANCE, "France", List.of(), null, EU_ONLY));
        addChild(AreaId.EU, AreaId.FRANCE);
    }

    // Régions and départements get their Place after the communes, which give their population.
    private void indexRegionsAndDepartements() {
        for (AreaFile.Region region : file.regions) {
            AreaId id = AreaId.region(region.code());
            requireNew(id, regionIds.put(region.code(), id));
            addChild(AreaId.FRANCE, id);
        }
        for (AreaFile.Departement dep : file.departements) {
            AreaId id = AreaId.departement(dep.code());
            AreaId regionId =
                    require(regionIds, dep.region(), "département " + dep.code(), "région");
            requireNew(id, departementIds.put(dep.code(), id));
            departements.put(dep.code(), dep);
            departementParents.put(dep.code(), List.of(regionId, AreaId.FRANCE, AreaId.EU));
            addChild(regionId, id);
        }
    }

    private void indexEpcis() {
        for (AreaFile.Epci epci : file.epcis) {
            AreaId id = AreaId.epci(epci.siren());
            requireNew(id, epciIds.put(epci.siren(), id));
            bySiren.put(epci.siren(), id);
        }
    }

    // Each commune row names its EPCI, so the départements each EPCI spans are learnt here.
    private void addCommunes() {
        Map<String, List<AreaId>> parentsByEpciAndDepartement = new HashMap<>();
        for (AreaFile.Commune commune : file.communes) {
            String what = "commune " + commune.code();
            AreaId departementId =
                    require(departementIds, commune.departement(), what, "département");
            String expectedRegion = departements.get(commune.departement()).region();
            if (!expectedRegion.equals(commune.region())) {
                throw inconsistent(
                        what + " is in région " + commune.region() + " but its département "
                                + commune.departement() + " is in région " + expectedRegion);
            }
            AreaId epciId =
                    commune.epci() == null ? null : require(epciIds, commune.epci(), what, "EPCI");
            List<AreaId> parents = parentsByEpciAndDepartement.computeIfAbsent(
                    commune.epci() + "/" + commune.departement(),
                    k -> prepend(
                            epciId, departementId, departementParents.get(commune.departement())));

            Place place = new Place(
                    AreaId.commune(commune.code()),
                    commune.name(),
                    commune.postcodes(),
                    commune.population(),
                    parents);
            add(AreaLevel.COMMUNE, place);
            if (commune.siren() != null && bySiren.put(commune.siren(), place.id()) != null) {
                throw inconsistent("SIREN " + commune.siren() + " appears twice");
            }
            communesByCode.put(commune.code(), place);
            addChild(departementId, place.id());
            if (epciId != null) {
                addChild(epciId, place.id());
                epciDepartements
                        .computeIfAbsent(commune.epci(), k -> new HashSet<>())
                        .add(commune.departement());
            }

            if (commune.population() == null) {
                departementsLackingPopulation.add(commune.departement());
            } else {
                departementPopulation.merge(commune.departement(), commune.population(), Long::sum);
            }
        }
    }

    // A total is only given when every commune has a figure: a partial sum would mislead.
    private void addDepartementsAndRegions() {
        Map<String, Long> regionPopulation = new HashMap<>();
        Set<String> regionsLackingPopulation = new HashSet<>();
        for (AreaFile.Departement dep : file.departements) {
            Long population = departementsLackingPopulation.contains(dep.code())
                    ? null
                    : departementPopulation.get(dep.code());
            Place place = new Place(
                    departementIds.get(dep.code()),
                    dep.name(),
                    List.of(),
                    population,
                    departementParents.get(dep.code()));
            add(AreaLevel.DEPARTEMENT, place);
            if (population == null) {
                regionsLackingPopulation.add(dep.region());
            } else {
                regionPopulation.merge(dep.region(), population, Long::sum);
            }
        }

        for (AreaFile.Region region : file.regions) {
            Long population = regionsLackingPopulation.contains(region.code())
                    ? null
                    : regionPopulation.get(region.code());
            add(
                    AreaLevel.REGION,
                    new Place(
                            regionIds.get(region.code()),
                            region.name(),
                            List.of(),
                            population,
                            FR_EU));
        }
    }

    // An EPCI nests in a département or région only when all its members do.
    private void addEpcis() {
        for (AreaFile.Epci epci : file.epcis) {
            AreaId id = epciIds.get(epci.siren());
            Set<String> deps = epciDepartements.getOrDefault(epci.siren(), Set.of());
            Set<String> regions = new HashSet<>();
            for (String dep : deps) {
                regions.add(departements.get(dep).region());
            }

            List<AreaId> parents;
            if (deps.size() == 1) {
                String dep = deps.iterator().next();
                AreaId departementId = departementIds.get(dep);
                parents = prepend(null, departementId, departementParents.get(dep));
                addChild(departementId, id);
            } else if (regions.size() == 1) {
                AreaId regionId = regionIds.get(regions.iterator().next());
                parents = List.of(regionId, AreaId.FRANCE, AreaId.EU);
                addChild(regionId, id);
            } else {
                parents = FR_EU;
            }
            add(AreaLevel.EPCI, new Place(id, epci.name(), List.of(), epci.population(), parents));
        }
    }

    private void addArrondissements() {
        for (AreaFile.Arrondissement arrondissement : file.arrondissements) {
            String what = "arrondissement municipal " + arrondissement.code();
            Place commune = require(communesByCode, arrondissement.commune(), what, "commune");
            List<AreaId> parents = new ArrayList<>(commune.parents().size() + 1);
            parents.add(commune.id());
            parents.addAll(commune.parents());

            AreaId id = AreaId.arrondissement(arrondissement.code());
            Place place = new Place(
                    id,
                    arrondissement.name(),
                    arrondissement.postcodes(),
                    arrondissement.population(),
                    parents);
            add(AreaLevel.ARRONDISSEMENT, place);
            addChild(commune.id(), id);
        }
    }

    private void addFormerCommunes() {
        for (AreaFile.Former former : file.formerCommunes) {
            Place current = require(
                    communesByCode, former.current(), "former commune " + former.code(), "commune");
            formerCommunes.add(
                    new FormerCommune(former.code(), former.name(), former.type(), current.id()));
        }
    }

    /** The places of each level, sorted by id. */
    Map<AreaLevel, List<Place>> sortedPlacesByLevel() {
        Map<AreaLevel, List<Place>> sorted = new EnumMap<>(AreaLevel.class);
        byLevel.forEach((level, list) -> {
            list.sort((a, c) -> a.id().compareTo(c.id()));
            sorted.put(level, List.copyOf(list));
        });
        return Collections.unmodifiableMap(sorted);
    }

    /** The children of each area that has some, sorted by id. */
    Map<AreaId, List<AreaId>> sortedChildren() {
        Map<AreaId, List<AreaId>> sorted = new HashMap<>(children.size() * 2);
        children.forEach((parent, list) -> {
            list.sort(null);
            sorted.put(parent, List.copyOf(list));
        });
        return Collections.unmodifiableMap(sorted);
    }

    List<FormerCommune> formerCommunes() {
        return List.copyOf(formerCommunes);
    }

    private void add(AreaLevel level, Place place) {
        if (places.put(place.id(), place) != null) {
            throw inconsistent("area " + place.id() + " appears twice");
        }
        byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(place);
    }

    private void addChild(AreaId parent, AreaId child) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
    }

    private void requireNew(AreaId id, @Nullable AreaId previous) {
        if (previous != null) {
            throw inconsistent("area " + id + " appears twice");
        }
    }

    private <T> T require(Map<String, T> known, String code, String referrer, String kind) {
        T value = known.get(code);
        if (value == null) {
            throw inconsistent(referrer + " refers to unknown " + kind + " " + code);
        }
        return value;
    }

    private IllegalArgumentException inconsistent(String problem) {
        return new IllegalArgumentException(fileName + ": " + problem
                + "; regenerate the file with scripts/build-gazetteer.py");
    }

    private static List<AreaId> prepend(
            @Nullable AreaId epci, AreaId departement, List<AreaId> departementParents) {
        List<AreaId> parents = new ArrayList<>(departementParents.size() + 2);
        if (epci != null) {
            parents.add(epci);
        }
        parents.add(departement);
        parents.addAll(departementParents);
        return List.copyOf(parents);
    }
}
