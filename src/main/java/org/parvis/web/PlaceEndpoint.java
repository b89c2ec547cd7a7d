package org.parvis.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/places/{id}}: a place with its enclosing areas (finest first) and the areas
 * directly inside it, each with id, name and level. Children are cut at {@value #MAX_CHILDREN}
 * (more than any French area has); {@code childrenTotal} always gives the full count.
 *
 * <p>Thread-safe when the gazetteer is.
 */
final class PlaceEndpoint {

    static final String PATH = "/api/v1/places/<id>";

    static final int MAX_CHILDREN = 2000;

    private final Gazetteer gazetteer;

    PlaceEndpoint(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A place as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlaceDetail(
            AreaId id,
            String name,
            AreaLevel level,
            List<String> postcodes,
            @Nullable Long population,
            List<PlaceRef> parents,
            List<PlaceRef> children,
            int childrenTotal) {}

    /** A related place: id, name (absent if the gazetteer lacks it) and level. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlaceRef(AreaId id, @Nullable String name, AreaLevel level) {}

    void handle(Context ctx) {
        QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
        String text = ctx.pathParam("id");
        if (!AreaId.isValid(text)) {
            throw Problem.badParameter(
                            "id",
                            text,
                            "'" + Problem.shown(text)
                                    + "' is not an area id; expected e.g. fr:commune:33063,"
                                    + " fr:epci:243300316, fr:departement:33, fr:region:75, fr "
                                    + "or eu",
                            FeedRequest.PLACE_FORMS)
                    .toException();
        }
        AreaId id = AreaId.parse(text);
        Place place = gazetteer
                .findPlace(id)
                .orElseThrow(() -> Problem.notFound("unknown place '" + Problem.shown(id)
                                + "': the id is well formed but no"
                                + " area has it; browse area ids from GET /api/v1/places/fr and "
                                + "the children"
                                + " of each place")
                        .toException());

        List<AreaId> childIds = gazetteer.listChildren(id);
        List<PlaceRef> children = new ArrayList<>();
        childIds.stream().limit(MAX_CHILDREN).forEach(child -> children.add(ref(child)));
        List<PlaceRef> parents = new ArrayList<>();
        place.parents().forEach(parent -> parents.add(ref(parent)));
        Responses.json(
                ctx,
                new PlaceDetail(
                        place.id(),
                        place.name(),
                        place.level(),
                        place.postcodes(),
                        place.population(),
                        parents,
                        children,
                        childIds.size()));
    }

    private PlaceRef ref(AreaId id) {
        return new PlaceRef(id, gazetteer.findPlace(id).map(Place::name).orElse(null), id.level());
    }
}
