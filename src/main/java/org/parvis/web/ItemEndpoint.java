package org.parvis.web;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import org.parvis.model.Contribution;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/items/{key}} and {@code GET /api/v1/items?id=…}: one harvested item in full,
 * with its {@code type}, its source {@code licence}, and for a process its contributions, oldest
 * first, at most {@value #MAX_CONTRIBUTIONS} ({@code contributionCount} gives the total).
 *
 * <p>Thread-safe when the store is.
 */
final class ItemEndpoint {

    static final String BY_KEY = "/api/v1/items/<key>";
    static final String BY_ID = "/api/v1/items";

    // TODO(#2): page through contributions instead of cutting the list.
    static final int MAX_CONTRIBUTIONS = 500;
    static final int MAX_URL_CHARS = 2000;

    private static final ObjectWriter ITEM_WRITER = Json.mapper().writerFor(Item.class);

    private final ApiContext api;

    ItemEndpoint(ApiContext api) {
        this.api = api;
    }

    void handleByKey(Context ctx) {
        QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
        String text = ctx.pathParam("key");
        SourceKey key;
        try {
            key = SourceKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter(
                            "key",
                            text,
                            "'" + Problem.shown(text) + "' is not an item key: " + whyNotAKey(text)
                                    + "; expected <source id>:<native id>, e.g. "
                                    + "bordeaux-decidim:Proposal/345",
                            List.of("<source id>:<native id>"))
                    .toException();
        }
        answer(ctx, api.store().findItem(key), "no item has the key '" + Problem.shown(text) + "'");
    }

    void handleById(Context ctx) {
        QueryParams params =
                QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of("id"));
        String text = params.getSingle(
                "id",
                "the public URL of the item on its platform, or use GET /api/v1/items/{key} with "
                        + "its source key");
        answer(
                ctx,
                api.store().findItem(parseUrl(text)),
                "no item has the URL '" + Problem.shown(text) + "'");
    }

    private void answer(Context ctx, Optional<Item> found, String absent) {
        Item item = found.orElseThrow(() -> Problem.notFound(absent
                        + "; items removed at their source are no longer served; find current "
                        + "ones with"
                        + " GET /api/v1/feed")
                .toException());

        ObjectNode body = tree(item);
        body.set("licence", Json.mapper().valueToTree(item.provenance().licence()));
        if (item instanceof Process process) {
            List<Contribution> contributions = api.store().listContributions(process.id());
            ArrayNode array = body.putArray("contributions");
            contributions.stream().limit(MAX_CONTRIBUTIONS).forEach(c -> array.add(tree(c)));
            body.put("contributionCount", contributions.size());
        }
        if (api.sampleData()) {
            body.put("sampleData", true);
        }
        Responses.json(ctx, body);
    }

    private static String whyNotAKey(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return "it has no source id before a ':'";
        }
        String sourceId = text.substring(0, colon);
        try {
            SourceKey.requireSourceId(sourceId);
            return "its native id must be 1 to 500 characters";
        } catch (IllegalArgumentException e) {
            return "its source id '" + Problem.shown(sourceId)
                    + "' is not 1 to 63 lowercase letters, digits or" + " hyphens";
        }
    }

    private static ObjectNode tree(Item item) {
        try {
            return (ObjectNode) Json.mapper().readTree(ITEM_WRITER.writeValueAsString(item));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write item " + item.id() + " as JSON", e);
        }
    }

    private static URI parseUrl(String text) {
        List<String> allowed = List.of("absolute http or https URL");
        if (text.length() > MAX_URL_CHARS) {
            throw Problem.badParameter(
                            "id",
                            text,
                            "parameter 'id' is " + text.length()
                                    + " characters long; item URLs have at most " + MAX_URL_CHARS,
                            allowed)
                    .toException();
        }
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute()
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, with the expected form
        }
        throw Problem.badParameter(
                        "id",
                        text,
                        "parameter 'id' is not an absolute http(s) URL: '" + Problem.shown(text)
                                + "'; give the public"
                                + " URL of the item, percent-encoded, e.g."
                                + " id=https%3A%2F%2Fparticipation.example.org%2Fprocesses%2F12",
                        allowed)
                .toException();
    }
}
