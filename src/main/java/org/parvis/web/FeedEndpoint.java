package org.parvis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedResult;
import org.parvis.model.AreaLevel;
import org.parvis.model.Json;
import org.parvis.territory.Place;

import java.util.NoSuchElementException;

/**
 * {@code GET /api/v1/feed}: validates the parameters, checks the place against the gazetteer,
 * asks the feed, and answers the {@link FeedResult} with each place's {@code level}, {@code links}
 * and, when the node serves sample data, {@code sampleData}.
 *
 * <p>Thread-safe when the context is.
 */
final class FeedEndpoint {

    private final ApiContext api;

    FeedEndpoint(ApiContext api) {
        this.api = api;
    }

    void handle(Context ctx) {
        FeedQuery query = FeedRequest.parse(QueryParams.parse(ctx.req().getQueryString()));

        // An unknown place is the citizen's most likely mistake: say how to find a valid one.
        // Source
        // labels (local:…) are not in the gazetteer; the feed decides whether it knows them.
        if (query.place().level() != AreaLevel.LOCAL
                && api.gazetteer().findPlace(query.place()).isEmpty()) {
            throw Problem.notFound(
                            "unknown place '" + query.place() + "': no area has this id; browse"
                                    + " area ids from GET /api/v1/places/fr and the children of "
                                    + "each place")
                    .toException();
        }

        FeedResult result;
        try {
            result = api.feed().query(query);
        } catch (IllegalArgumentException e) {
            throw FeedRequest.fromMessage(e.getMessage()).toException();
        } catch (NoSuchElementException e) {
            throw Problem.notFound(String.valueOf(e.getMessage())).toException();
        }

        ObjectNode body = Json.mapper().valueToTree(result);
        addLevel(body.get("place"), result.place());
        for (int i = 0; i < result.parents().size(); i++) {
            addLevel(body.get("parents").get(i), result.parents().get(i));
        }
        if (api.sampleData()) {
            body.put("sampleData", true);
        }
        ObjectNode links = body.putObject("links");
        links.put("self", FeedRequest.url(query, query.cursor()));
        if (result.nextCursor() != null) {
            links.put("next", FeedRequest.url(query, result.nextCursor()));
        }
        Responses.json(ctx, body);
    }

    /** Adds the level, which {@link Place} computes from its id, to a place's JSON. */
    private static void addLevel(JsonNode node, Place place) {
        ((ObjectNode) node).put("level", Json.mapper().convertValue(place.level(), String.class));
    }
}
