package org.parvis.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.model.Provenance;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Reads records already in the unified model, served as JSON pages: {@code GET
 * {baseUrl}/parvis-export/v1/items?page=1} returns {@code {"items": [...], "next": "<url>"|null}},
 * each item being an {@link Item} in Parvis JSON. The demo platform and other exporters speak it.
 *
 * <p>Each record is read on its own: one that does not parse or validate becomes a {@code
 * bad-record} issue and makes the listing incomplete (its key is unknown, so no removal may be
 * inferred). A page that fails (HTTP error, not JSON, wrong shape) ends the listing as incomplete.
 * The connector, not the exporter, sets each record's provenance, and re-keys it under the
 * configured source id, keeping the exporter's native id.
 *
 * <p>Stateless and thread-safe.
 */
final class UnifiedJsonConnector implements Connector {

    static final String KIND = "unified-json";

    /** Path of the first page below the source's base URL. */
    static final String FIRST_PAGE = "parvis-export/v1/items?page=1";

    /** A listing longer than this is taken for a loop in the exporter's {@code next} links. */
    static final int MAX_PAGES = 100_000;

    private static final ObjectMapper MAPPER = Json.mapper();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Listing list(SourceConfig source, HarvestContext ctx) throws InterruptedException {
        URI next = source.resolve(FIRST_PAGE);
        Set<URI> visited = new HashSet<>();
        int rejected = 0;
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES || !visited.add(next)) {
                ctx.report(
                        "bad-page",
                        null,
                        next,
                        "the export's next links loop or exceed " + MAX_PAGES + " pages");
                return Listing.incomplete("page " + page + ": next links loop");
            }

            // Fetch and parse the page; any failure ends the listing.
            HttpFetcher.Response response;
            try {
                response = ctx.get(next, "application/json");
            } catch (IOException e) {
                String reason = HttpFetcher.describe(e);
                ctx.report("http-error", null, next, "request failed: " + reason);
                return Listing.incomplete(
                        "page " + page + " (" + HttpFetcher.redact(next) + "): " + reason);
            }
            if (response.status() != 200) {
                ctx.report(
                        "http-status", null, next, "HTTP " + response.status() + " instead of 200");
                return Listing.incomplete("page " + page + " (" + HttpFetcher.redact(next)
                        + "): HTTP " + response.status());
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(response.body());
            } catch (IOException e) {
                String what =
                        "not JSON (" + response.contentType() + "): " + firstLine(e.getMessage());
                ctx.report("bad-page", null, next, what);
                return Listing.incomplete(
                        "page " + page + " (" + HttpFetcher.redact(next) + ") is " + what);
            }
            if (root == null || !root.isObject() || !root.path("items").isArray()) {
                ctx.report("bad-page", null, next, "expected an object with an 'items' array");
                return Listing.incomplete("page " + page + " (" + HttpFetcher.redact(next)
                        + ") has no 'items' array");
            }

            // Read every record on its own.
            Provenance provenance = ctx.provenance(next, HarvestMethod.UNIFIED_JSON, null);
            int index = 0;
            for (JsonNode record : root.get("items")) {
                index++;
                if (!readRecord(record, source, provenance, ctx, next, page, index)) {
                    rejected++;
                }
            }

            try {
                next = nextPage(root.get("next"), next, source);
            } catch (IllegalArgumentException e) {
                ctx.report("bad-page", null, next, e.getMessage());
                return Listing.incomplete("page " + page + ": " + e.getMessage());
            }
        }
        return rejected == 0
                ? Listing.complete()
                : Listing.incomplete(rejected + " record(s) rejected; see the source issues");
    }

    /** Emits the record, or reports it; returns whether it was accepted. */
    private static boolean readRecord(
            JsonNode record,
            SourceConfig source,
            Provenance provenance,
            HarvestContext ctx,
            URI page,
            int pageNo,
            int index) {
        String ref = recordRef(record, pageNo, index);
        if (!(record instanceof ObjectNode object)) {
            ctx.report(
                    "bad-record", ref, page, "expected a JSON object, got " + record.getNodeType());
            return false;
        }
        ObjectNode copy = object.deepCopy();
        JsonNode key = copy.get("sourceKey");
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            ctx.report("bad-record", ref, page, "record has no 'sourceKey'");
            return false;
        }
        copy.put("sourceKey", source.id() + ":" + nativeId(key.asText()));
        copy.set("provenance", MAPPER.valueToTree(provenance));
        try {
            ctx.emit(MAPPER.treeToValue(copy, Item.class));
            return true;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            ctx.report("bad-record", ref, page, reason(e));
            return false;
        }
    }

    /** The exporter's native id: what follows the first colon of its source key, if any. */
    private static String nativeId(String exportedKey) {
        int colon = exportedKey.indexOf(':');
        return colon < 0 ? exportedKey : exportedKey.substring(colon + 1);
    }

    private static String recordRef(JsonNode record, int page, int index) {
        for (String field : new String[] {"sourceKey", "id"}) {
            JsonNode value = record.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "page " + page + ", record " + index;
    }

    /** The validation message when a constructor refused the record, else Jackson's own. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        if (e instanceof JsonProcessingException json) {
            return firstLine(json.getOriginalMessage());
        }
        return firstLine(e.getMessage());
    }

    /**
     * The next page's URL, resolved against the current one; null at the end. Links leaving the
     * source's host are refused, so an exporter cannot send the harvester elsewhere.
     */
    private static @Nullable URI nextPage(
            @Nullable JsonNode next, URI current, SourceConfig source) {
        if (next == null || next.isNull()) {
            return null;
        }
        if (!next.isTextual() || next.asText().isBlank()) {
            throw new IllegalArgumentException("'next' must be a URL or null, got " + next);
        }
        URI uri;
        try {
            uri = current.resolve(new URI(next.asText()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'next' is not a URL: " + e.getMessage(), e);
        }
        URI base = source.baseUrl();
        if (!Objects.equals(uri.getScheme(), base.getScheme())
                || !Objects.equals(uri.getHost(), base.getHost())
                || uri.getPort() != base.getPort()) {
            throw new IllegalArgumentException("'next' leads off the source's host: "
                    + HttpFetcher.redact(uri) + " is not on " + base);
        }
        return uri;
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "no detail";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
