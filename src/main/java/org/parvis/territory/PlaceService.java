package org.parvis.territory;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.GeoPoint;

import java.util.List;
import java.util.Optional;

/**
 * The place look-ups of the JSON API, ready to serialise: {@code GET /api/v1/places?q=…&limit=…}
 * is {@code ctx.json(service.search(q, limit))} and {@code GET /api/v1/places/at?lat=…&lon=…} is
 * {@code ctx.json(service.locate(lat, lon))}. Bad parameters throw {@link
 * IllegalArgumentException} (answer 400 with its message); a point look-up without imported
 * contours throws {@link IllegalStateException} (answer 503 with its message).
 *
 * <p>Immutable and thread-safe.
 */
public final class PlaceService {

    /** The default number of candidates when the request gives no limit. */
    public static final int DEFAULT_LIMIT = 10;

    private final FrenchGazetteer gazetteer;
    private final PlaceSearch search;
    private final @Nullable ContourIndex contours;

    private PlaceService(
            FrenchGazetteer gazetteer, PlaceSearch search, @Nullable ContourIndex contours) {
        this.gazetteer = gazetteer;
        this.search = search;
        this.contours = contours;
    }

    /**
     * A service over a search and, when contours were imported, a contour index.
     *
     * @param contours the contours, or empty to answer point look-ups with {@link
     *     IllegalStateException}
     */
    public static PlaceService of(PlaceSearch search, Optional<ContourIndex> contours) {
        return new PlaceService(search.gazetteer(), search, contours.orElse(null));
    }

    /**
     * The candidates for a query, best first.
     *
     * @throws IllegalArgumentException naming {@code q} or {@code limit} when out of bounds
     */
    public PlaceList search(String q, int limit) {
        List<PlaceCandidate> places = search.search(q, limit).stream()
                .map(match -> candidate(match.place(), match.kind(), match.matchedName()))
                .toList();
        return new PlaceList(q.strip(), places);
    }

    /**
     * The commune or arrondissement containing a point, or a "not in a known commune" answer.
     *
     * @throws IllegalArgumentException when a coordinate is out of range (or not a number)
     * @throws IllegalStateException when no contours were imported
     */
    public PlaceAt locate(double lat, double lon) {
        GeoPoint point;
        try {
            point = new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameters lat/lon: " + e.getMessage(), e);
        }
        if (contours == null) {
            throw new IllegalStateException(
                    "no commune contours are loaded, so points cannot be placed;"
                            + " an operator imports them with 'parvis territory import-contours "
                            + "PATH'");
        }
        Optional<AreaId> area = contours.findAreaAt(point);
        if (area.isEmpty()) {
            return new PlaceAt(
                    point.lat(),
                    point.lon(),
                    false,
                    null,
                    "not in a known commune: the point lies outside every imported commune contour"
                            + " (at sea, abroad, or in a commune without a contour)");
        }
        Place place = gazetteer.getPlace(area.get());
        String note = null;
        if (search.levelOf(place) == AreaLevel.COMMUNE
                && hasArrondissementsWithoutContour(place.id())) {
            note = "the imported contours do not split " + place.name()
                    + " into arrondissements municipaux, so the answer is the commune";
        }
        return new PlaceAt(point.lat(), point.lon(), true, candidate(place, null, null), note);
    }

    private boolean hasArrondissementsWithoutContour(AreaId commune) {
        List<AreaId> children = gazetteer.listChildren(commune);
        return !children.isEmpty()
                && children.stream()
                        .anyMatch(c -> c.value().startsWith("fr:arrondissement:")
                                && !contours.hasContour(c));
    }

    private PlaceCandidate candidate(
            Place place, @Nullable MatchKind kind, @Nullable String matchedName) {
        DepartementRef departement = search.findDepartement(place.id())
                .map(d -> new DepartementRef(d.id().value(), d.id().code(), d.name()))
                .orElse(null);
        return new PlaceCandidate(
                place.id().value(),
                place.name(),
                search.levelOf(place).code(),
                place.postcodes(),
                place.population(),
                place.parents().stream().map(AreaId::value).toList(),
                departement,
                kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT),
                matchedName);
    }

    /**
     * The answer of {@code GET /api/v1/places}.
     *
     * @param query the query as received, trimmed
     * @param places the candidates, best first
     */
    public record PlaceList(String query, List<PlaceCandidate> places) {
        public PlaceList {
            places = List.copyOf(places);
        }
    }

    /**
     * One place as the API shows it.
     *
     * @param id area id ({@code fr:commune:33063})
     * @param name official name
     * @param level {@code arrondissement}, {@code commune}, {@code epci}, {@code departement},
     *     {@code region}, {@code nation} or {@code eu}
     * @param postcodes postcodes (communes and arrondissements)
     * @param population population municipale, when known
     * @param parents enclosing area ids, finest first, up to {@code eu}
     * @param departement the département, to tell homonyms apart (absent above that level)
     * @param match how the query matched ({@code code}, {@code siren}, {@code postcode}, {@code
     *     exact_name}, {@code former_name}, {@code prefix}, {@code fuzzy}); absent for point
     *     look-ups
     * @param matchedName what matched when it is not the official name (a postcode, a former name)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceCandidate(
            String id,
            String name,
            String level,
            List<String> postcodes,
            @Nullable Long population,
            List<String> parents,
            @Nullable DepartementRef departement,
            @Nullable String match,
            @Nullable String matchedName) {
        public PlaceCandidate {
            postcodes = List.copyOf(postcodes);
            parents = List.copyOf(parents);
        }
    }

    /** A département as shown next to a place: id, code and name. */
    public record DepartementRef(String id, String code, String name) {}

    /**
     * The answer of {@code GET /api/v1/places/at}.
     *
     * @param lat the latitude, rounded as stored
     * @param lon the longitude, rounded as stored
     * @param found whether a commune or arrondissement contains the point
     * @param place that place, when found
     * @param message why nothing was found, or a caveat about the answer (arrondissements missing
     *     from the contours)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceAt(
            double lat,
            double lon,
            boolean found,
            @Nullable PlaceCandidate place,
            @Nullable String message) {}
}
