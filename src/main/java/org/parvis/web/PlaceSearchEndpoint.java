package org.parvis.web;

import io.javalin.http.Context;

import org.parvis.territory.PlaceSearch;
import org.parvis.territory.PlaceService;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/places?q=…&limit=…} (candidates for what a citizen typed, best first) and
 * {@code GET /api/v1/places/at?lat=…&lon=…} (the commune or arrondissement containing a point).
 * Bad parameters are 400 problems naming the parameter and what is allowed; a point look-up on a
 * node without imported contours is a 503 saying how to import them.
 *
 * <p>Thread-safe: the place service is immutable.
 */
final class PlaceSearchEndpoint {

    static final String SEARCH = "/api/v1/places";
    static final String AT = "/api/v1/places/at";

    // Plain decimal degrees only: Double.parseDouble would also take "0x1p3", "1e2" or "5d".
    private static final Pattern DECIMAL_DEGREES = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{1,12})?");

    private final Supplier<PlaceService> places;

    PlaceSearchEndpoint(Supplier<PlaceService> places) {
        this.places = places;
    }

    void handleSearch(Context ctx) {
        QueryParams params =
                QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of("q", "limit"));
        String q = params.getSingle(
                "q", "give what the citizen typed: a postcode, a commune name, an INSEE code");
        if (q.strip().isEmpty() || q.length() > PlaceSearch.MAX_QUERY_CHARS) {
            throw Problem.badParameter(
                            "q",
                            q,
                            "parameter 'q' must have 1 to " + PlaceSearch.MAX_QUERY_CHARS
                                    + " non-blank characters; got " + q.length(),
                            null)
                    .toException();
        }
        int limit = params.findSingle("limit")
                .map(PlaceSearchEndpoint::parseLimit)
                .orElse(PlaceService.DEFAULT_LIMIT);

        Responses.json(ctx, places.get().search(q, limit));
    }

    void handleAt(Context ctx) {
        QueryParams params =
                QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of("lat", "lon"));
        double lat = parseCoordinate(params, "lat", 90);
        double lon = parseCoordinate(params, "lon", 180);

        PlaceService.PlaceAt answer;
        try {
            answer = places.get().locate(lat, lon);
        } catch (IllegalStateException e) {
            throw Problem.ofStatus(503, "Service Unavailable", e.getMessage()).toException();
        }
        Responses.json(ctx, answer);
    }

    private static int parseLimit(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > PlaceSearch.MAX_LIMIT) {
            throw Problem.badParameter(
                            "limit",
                            text,
                            "parameter 'limit' must be a whole number from 1 to "
                                    + PlaceSearch.MAX_LIMIT + "; got '" + Problem.shown(text)
                                    + "'",
                            null)
                    .toException();
        }
        return limit;
    }

    private static double parseCoordinate(QueryParams params, String name, int maxDegrees) {
        String text = params.getSingle(
                name, "give WGS 84 decimal degrees, e.g. lat=44.8378&lon=-0.5792 (Bordeaux)");
        double value =
                DECIMAL_DEGREES.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(value) || Math.abs(value) > maxDegrees) {
            throw Problem.badParameter(
                            name,
                            text,
                            "parameter '" + name + "' must be decimal degrees between -"
                                    + maxDegrees + " and " + maxDegrees + "; got '"
                                    + Problem.shown(text) + "'",
                            null)
                    .toException();
        }
        return value;
    }
}
