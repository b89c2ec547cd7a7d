package org.parvis.source.decidim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.parvis.model.Json;
import org.parvis.source.HarvestContext;
import org.parvis.source.HttpFetcher;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends one GraphQL document to a Decidim {@code /api} through the harvest's HTTP client and
 * returns its {@code data}, or says in one line why it could not: the connection, the HTTP
 * status, a body that is not JSON (an HTML error page, a cut response), or GraphQL errors (a
 * query the schema rejects).
 *
 * <p>Stateless and thread-safe.
 */
final class GraphqlCall {

    /** Why a call gave no data. {@code rejected}: the server refused the query itself. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        private final String type;
        private final boolean rejected;

        Failure(String type, String message, boolean rejected) {
            super(message);
            this.type = type;
            this.rejected = rejected;
        }

        /** The source issue type: {@code http-error}, {@code http-status}, {@code bad-page}… */
        String type() {
            return type;
        }

        boolean isRejected() {
            return rejected;
        }
    }

    private static final ObjectMapper MAPPER = Json.mapper();

    private GraphqlCall() {}

    /**
     * Posts {@code query} with {@code variables} and returns the response's {@code data}.
     *
     * @throws Failure when no usable data came back
     */
    static JsonNode execute(
            HarvestContext ctx, URI api, String operation, String query, Map<String, ?> variables)
            throws Failure, InterruptedException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("query", query);
        body.put("operationName", operation);
        body.set("variables", MAPPER.valueToTree(variables));
        HttpFetcher.Response response;
        try {
            response = ctx.post(
                    api, "application/json", MAPPER.writeValueAsBytes(body), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a GraphQL request", e);
        } catch (IOException e) {
            throw new Failure("http-error", "request failed: " + HttpFetcher.describe(e), false);
        }
        if (response.status() != 200) {
            throw new Failure(
                    "http-status", "HTTP " + response.status() + " instead of 200", false);
        }

        JsonNode root;
        try {
            root = MAPPER.readTree(response.body());
        } catch (IOException e) {
            String type =
                    response.contentType() == null ? "no content type" : response.contentType();
            throw new Failure(
                    "bad-page",
                    "the answer is not JSON (" + type + "): " + firstLine(e.getMessage()),
                    false);
        }
        if (root == null || !root.isObject()) {
            throw new Failure("bad-page", "the answer is not a GraphQL response object", false);
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.path("message").asText("?")));
            boolean rejected =
                    root.path("data").isMissingNode() || root.path("data").isNull();
            throw new Failure(
                    rejected ? "query-rejected" : "graphql-error",
                    "GraphQL errors: " + String.join("; ", messages),
                    rejected);
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new Failure("bad-page", "the GraphQL response has no data", false);
        }
        return data;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
