package org.parvis.source.dataspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Json;
import org.parvis.source.Connector;
import org.parvis.source.HarvestContext;
import org.parvis.source.HttpFetcher;
import org.parvis.source.Listing;
import org.parvis.source.SourceConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Democracy Data Space pilot endpoint ({@code decidim-module-dataspace}, {@code GET
 * /api/v1/data}): containers (participatory spaces) become {@link org.parvis.model.Process}es,
 * contributions (proposals, amendments and their comments, with parent links, state and alignment)
 * become {@link org.parvis.model.Contribution}s, and authors are resolved by reference.
 *
 * <p>Per configured locale (the pilot gives one language per call, {@code preferred_locale}) it
 * sends two requests: {@code /api/v1/data} for containers and authors, and {@code
 * /api/v1/data/contributions?with_comments=true} for proposals followed by their comments. Texts of
 * the several locales are merged. Records keep their origin URL ({@code source}) as identity; when
 * the origin is another host than the endpoint, the endpoint is recorded in the provenance's {@code
 * via}. Mapping is done by {@link DataspaceMapper}.
 *
 * <p>Failures never throw: an HTTP error, a body that is not the expected JSON, or a request that
 * times out ends the listing as incomplete with a source issue; a record that cannot be read is a
 * {@code bad-record} issue and makes the listing incomplete. The pilot answers 404 with a JSON
 * {@code error} for an empty list: that reads as empty. Unknown fields are ignored.
 *
 * <p>Nothing is emitted before every request has succeeded, so that a failure in one locale never
 * replaces stored texts with fewer languages.
 *
 * <p>TODO(#4): the pilot may list only first-level comments as objects (replies appear as {@code
 * children} references only); fetch {@code /contributions/{ref}?with_comments=true} for threads
 * whose replies are missing, once a live endpoint confirms the behaviour.
 *
 * <p>Stateless and thread-safe.
 */
public final class DataspaceConnector implements Connector {

    /** The {@link SourceConfig#kind()} this connector reads. */
    public static final String KIND = "dataspace";

    static final String DATA_PATH = "api/v1/data";
    static final String CONTRIBUTIONS_PATH = "api/v1/data/contributions";

    private static final ObjectMapper MAPPER = Json.mapper();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Listing list(SourceConfig source, HarvestContext ctx) throws InterruptedException {
        DataspaceMapper mapper = new DataspaceMapper(source, ctx);
        for (String locale : source.locales()) {
            String query = "?preferred_locale=" + URLEncoder.encode(locale, StandardCharsets.UTF_8);

            URI dataUrl = source.resolve(DATA_PATH + query);
            Page data = fetch(ctx, dataUrl, "containers", false);
            if (data.problem() != null) {
                return Listing.incomplete(data.problem());
            }
            mapper.readContainers(data.array("containers"), locale, dataUrl);
            mapper.readAuthors(data.array("authors"), dataUrl);

            URI contributionsUrl =
                    source.resolve(CONTRIBUTIONS_PATH + query + "&with_comments=true");
            Page contributions = fetch(ctx, contributionsUrl, null, true);
            if (contributions.problem() != null) {
                return Listing.incomplete(contributions.problem());
            }
            mapper.readContributions(contributions.root(), locale, contributionsUrl);
        }
        int rejected = mapper.emitAll();
        return rejected == 0
                ? Listing.complete()
                : Listing.incomplete(rejected + " record(s) rejected; see the source issues");
    }

    /** A parsed response, or why there is none. */
    private record Page(@Nullable JsonNode root, @Nullable String problem) {

        JsonNode array(String field) {
            JsonNode node = root == null ? null : root.get(field);
            return node == null || node.isNull() ? MAPPER.createArrayNode() : node;
        }
    }

    /**
     * GETs one JSON document. {@code objectField}: the field an object response must carry (null
     * when the response is an array). {@code emptyOn404}: read the pilot's "not found" as an empty
     * list.
     */
    private static Page fetch(
            HarvestContext ctx, URI url, @Nullable String objectField, boolean emptyOn404)
            throws InterruptedException {
        String where = HttpFetcher.redact(url);
        HttpFetcher.Response response;
        try {
            response = ctx.get(url, "application/json");
        } catch (IOException e) {
            String reason = HttpFetcher.describe(e);
            ctx.report("http-error", null, url, "request failed: " + reason);
            return new Page(null, where + ": " + reason);
        }
        JsonNode root = null;
        String parseError = null;
        try {
            root = MAPPER.readTree(response.body());
        } catch (IOException e) {
            parseError = firstLine(e.getMessage());
        }
        if (response.status() == 404 && emptyOn404 && root != null && root.has("error")) {
            return new Page(MAPPER.createArrayNode(), null);
        }
        if (response.status() != 200) {
            String detail = root != null && root.path("error").isTextual()
                    ? " (" + root.path("error").asText() + ")"
                    : "";
            String what = "HTTP " + response.status() + detail + " instead of 200";
            if (response.status() == 403) {
                what += "; the organisation must enable the data space (enable_dataspace)";
            }
            ctx.report("http-status", null, url, what);
            return new Page(null, where + ": " + what);
        }
        if (root == null) {
            String what = "not JSON (" + response.contentType() + ", " + response.size()
                    + " bytes): " + parseError;
            ctx.report("bad-page", null, url, what);
            return new Page(null, where + " is " + what);
        }
        boolean shapeOk = objectField == null
                ? root.isArray()
                : root.isObject() && root.path(objectField).isArray();
        if (!shapeOk) {
            String what = objectField == null
                    ? "expected a JSON array of contributions, got " + root.getNodeType()
                    : "expected an object with a '" + objectField + "' array";
            ctx.report("bad-page", null, url, what);
            return new Page(null, where + ": " + what);
        }
        return new Page(root, null);
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) {
            return "no detail";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
