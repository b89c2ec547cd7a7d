package org.parvis.territory;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The {@link Gazetteer} of France from the INSEE Code Officiel Géographique (COG) 2026, as
 * packaged in {@code @etalab/decoupage-administratif} 6.0.0 and bundled as
 * {@code fr-areas-2026.tsv.gz} (see {@code ATTRIBUTION.md} next to it).
 *
 * <p>It holds every région, département, current commune, arrondissement municipal and EPCI à
 * fiscalité propre, plus {@code fr} and {@code eu}. A commune's parents are its EPCI (when it has
 * one), département, région, {@code fr} and {@code eu}; an arrondissement municipal's are its
 * commune followed by that commune's parents. An EPCI's parents are the département and the
 * région that contain all its members, when they do, then {@code fr} and {@code eu}; it is listed
 * among the children of the finest of those.
 *
 * <p>Populations are INSEE "populations municipales": the package's figure for communes and
 * arrondissements, the EPCI's {@code populationMunicipale} (DGCL file, which may lag the commune
 * figures by a year), and for départements and régions the sum over their communes (null when a
 * commune lacks a figure, as in the Terres australes et antarctiques françaises and Clipperton).
 * {@code fr} and {@code eu} have no population.
 *
 * <p>It also lists the former communes (communes déléguées, associées and merged codes) that
 * place search maps to today's communes.
 *
 * <p>Immutable after construction and thread-safe. {@link #loadDefault()} reads the bundled file
 * once per JVM.
 */
public final class FrenchGazetteer implements Gazetteer {

    private static final Logger LOG = LoggerFactory.getLogger(FrenchGazetteer.class);

    /** The bundled resource, next to this class. */
    static final String DEFAULT_RESOURCE = "fr-areas-2026.tsv.gz";

    private static final int BUFFER_BYTES = 1 << 16;

    private final String source;
    private final String vintage;
    private final Map<AreaId, Place> places;
    private final Map<AreaId, List<AreaId>> children;
    private final Map<AreaLevel, List<Place>> placesByLevel;
    private final List<FormerCommune> formerCommunes;
    private final Map<String, AreaId> bySiren;
    private final Map<AreaId, String> sirens;

    /** Holds the bundled gazetteer; the JVM loads it on first use, once. */
    private static final class DefaultHolder {
        static final FrenchGazetteer INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    /**
     * The gazetteer of the bundled COG 2026 file, read on the first call and shared afterwards.
     *
     * @throws IllegalStateException if the bundled file is missing or corrupt (a packaging error)
     */
    public static FrenchGazetteer loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    static FrenchGazetteer loadResource(String resourceName) {
        long startNanos = System.nanoTime();
        InputStream in = FrenchGazetteer.class.getResourceAsStream(resourceName);
        if (in == null) {
            throw new IllegalStateException(
                    "gazetteer resource org/parvis/territory/" + resourceName
                            + " is not on the classpath; rebuild the jar, or regenerate the file "
                            + "with"
                            + " scripts/build-gazetteer.py");
        }

        FrenchGazetteer gazetteer;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in, BUFFER_BYTES), UTF_8),
                BUFFER_BYTES)) {
            gazetteer = read(reader, resourceName);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read gazetteer resource " + resourceName + " (" + e.getMessage()
                            + "); regenerate it with scripts/build-gazetteer.py",
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bundled gazetteer is corrupt: " + e.getMessage(), e);
        }

        LOG.info(
                "Loaded French gazetteer {} (COG {}, {}) in {} ms: {} régions, {} départements, "
                        + "{} EPCIs,"
                        + " {} communes, {} arrondissements municipaux, {} former communes",
                resourceName,
                gazetteer.vintage,
                gazetteer.source,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                gazetteer.listPlaces(AreaLevel.REGION).size(),
                gazetteer.listPlaces(AreaLevel.DEPARTEMENT).size(),
                gazetteer.listPlaces(AreaLevel.EPCI).size(),
                gazetteer.listPlaces(AreaLevel.COMMUNE).size(),
                gazetteer.listPlaces(AreaLevel.ARRONDISSEMENT).size(),
                gazetteer.formerCommunes.size());
        return gazetteer;
    }

    /**
     * Builds a gazetteer from an areas file in the format written by {@code
     * scripts/build-gazetteer.py}.
     *
     * @param fileName names the file in error messages
     * @throws IllegalArgumentException naming the file and the bad line or reference
     */
    static FrenchGazetteer read(BufferedReader reader, String fileName) throws IOException {
        return new FrenchGazetteer(AreaFile.read(reader, fileName), fileName);
    }

    private FrenchGazetteer(AreaFile file, String fileName) {
        GazetteerAssembly assembly = GazetteerAssembly.assemble(file, fileName);
        this.source = file.source;
        this.vintage = file.vintage;
        this.places = Collections.unmodifiableMap(assembly.places);
        this.children = assembly.sortedChildren();
        this.placesByLevel = assembly.sortedPlacesByLevel();
        this.formerCommunes = assembly.formerCommunes();
        this.bySiren = Collections.unmodifiableMap(assembly.bySiren);
        Map<AreaId, String> reverse = new java.util.HashMap<>(bySiren.size() * 2);
        bySiren.forEach((siren, id) -> reverse.put(id, siren));
        this.sirens = Collections.unmodifiableMap(reverse);
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
        return children.getOrDefault(id, List.of());
    }

    @Override
    public List<Place> listPlaces(AreaLevel level) {
        return placesByLevel.getOrDefault(level, List.of());
    }

    @Override
    public int size() {
        return places.size();
    }

    /**
     * Every former commune (communes déléguées, communes associées, merged codes), sorted by code
     * then type, each with the current commune that covers it.
     */
    public List<FormerCommune> listFormerCommunes() {
        return formerCommunes;
    }

    /**
     * The commune or EPCI with this SIREN (9 digits, e.g. {@code 212900195} for Brest, {@code
     * 242900314} for Brest Métropole), if the gazetteer knows it. Communes of the overseas
     * collectivities have no SIREN in the COG package.
     */
    public Optional<Place> findPlaceBySiren(String siren) {
        AreaId id = bySiren.get(siren);
        return id == null ? Optional.empty() : findPlace(id);
    }

    /** The SIREN of a commune or EPCI, if it has one. */
    public Optional<String> findSiren(AreaId id) {
        return Optional.ofNullable(sirens.get(id));
    }

    /** The COG vintage of the data, e.g. {@code 2026}. */
    public String vintage() {
        return vintage;
    }
}
