package org.parvis.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.Json;
import org.parvis.source.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A Democracy Data Space pilot endpoint ({@code decidim-module-dataspace}) on the loopback
 * interface, serving French fixtures written for Parvis (a fictitious "Dialogue citoyen" of Nantes
 * Métropole: two spaces, proposals, an amendment, comments and replies) in the pilot's shapes:
 *
 * <ul>
 *   <li>{@code GET /api/v1/data?preferred_locale=fr[&container=REF]}: {@code {containers,
 *       contributions, authors}}, proposals only, comments as {@code children} references;
 *   <li>{@code GET /api/v1/data/contributions?preferred_locale=fr[&with_comments=true]}: the
 *       proposals, each followed by its comments when {@code with_comments=true}; 404 with a JSON
 *       {@code error} when the list is empty, as the pilot does.
 * </ul>
 *
 * <p>Texts come in the requested locale, falling back to {@code en} for contributions, none for
 * containers (as the pilot). Tests can change records ({@link #removeContribution}, {@link
 * #setField}, {@link #removeField}) and make responses fail ({@link #failWith}).
 *
 * <p>Thread-safe. Listens on 127.0.0.1 only; {@link #close} stops it.
 */
public final class FakeDataspace extends LoopbackServer {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDataspace.class);
    private static final ObjectMapper MAPPER = Json.mapper();

    /** The fixture, next to this class. */
    static final String RESOURCE = "dataspace.json";

    private final List<ObjectNode> containers = new ArrayList<>();
    private final List<ObjectNode> authors = new ArrayList<>();
    private final Map<String, ObjectNode> contributions = new LinkedHashMap<>();

    private FakeDataspace(Instant now) throws IOException {
        super("fake-dataspace");
        String text;
        try (InputStream in = FakeDataspace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("fixture " + RESOURCE + " is missing from the build");
            }
            text = FixtureDates.materialise(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), now);
        }
        JsonNode root = MAPPER.readTree(text);
        root.get("containers").forEach(node -> containers.add((ObjectNode) node));
        root.get("authors").forEach(node -> authors.add((ObjectNode) node));
        root.get("contributions")
                .forEach(node ->
                        contributions.put(node.get("reference").asText(), (ObjectNode) node));
        LOG.info(
                "sample data space serving {} contributions on {}",
                contributions.size(),
                baseUrl());
    }

    /**
     * Starts the endpoint with dates relative to {@code now}.
     *
     * @throws IOException when no loopback port can be bound
     */
    public static FakeDataspace start(Instant now) throws IOException {
        return new FakeDataspace(now);
    }

    /** A source configuration reading this endpoint, flagged as sample data, licensed CC0. */
    public SourceConfig sourceConfig(String id) {
        return new SourceConfig(
                id,
                "dataspace",
                baseUrl(),
                "Données d'exemple — Dialogue citoyen Nantes Métropole (espace de données)",
                "Nantes Métropole",
                AreaId.epci("244400404"),
                List.of("fr", "en"),
                Duration.ofHours(1),
                SampleData.LICENCE,
                true);
    }

    /** The references of the contributions served (proposals and comments). */
    public synchronized List<String> listContributionReferences() {
        return List.copyOf(contributions.keySet());
    }

    /** Stops serving a contribution; returns false when it was not served. */
    public synchronized boolean removeContribution(String reference) {
        return contributions.remove(reference) != null;
    }

    /** Sets a field of a contribution to a JSON value (e.g. an unknown field, a bad type). */
    public synchronized void setField(String reference, String field, JsonNode value) {
        contribution(reference).set(field, value);
    }

    /** Removes a field of a contribution. */
    public synchronized void removeField(String reference, String field) {
        contribution(reference).remove(field);
    }

    @Override
    synchronized Reply respond(String path, @Nullable String query) throws IOException {
        Map<String, String> params = params(query);
        String locale = params.getOrDefault("preferred_locale", "en");
        if ("/api/v1/data".equals(path)) {
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode containerArray = root.putArray("containers");
            containers.forEach(c -> containerArray.add(container(c, locale)));
            ArrayNode contributionArray = root.putArray("contributions");
            proposals(params.get("container"))
                    .forEach(p -> contributionArray.add(contribution(p, locale)));
            ArrayNode authorArray = root.putArray("authors");
            authors.forEach(a -> authorArray.add(author(a, locale)));
            return json(200, root);
        }
        if ("/api/v1/data/contributions".equals(path)) {
            boolean withComments = "true".equals(params.get("with_comments"));
            ArrayNode list = MAPPER.createArrayNode();
            for (ObjectNode proposal : proposals(params.get("container"))) {
                list.add(contribution(proposal, locale));
                if (withComments) {
                    thread(proposal.path("reference").asText(), locale, list);
                }
            }
            if (list.isEmpty()) {
                return json(404, MAPPER.createObjectNode().put("error", "Contributions not found"));
            }
            return json(200, list);
        }
        return Reply.text(404, "text/html", "<html><body>Page introuvable</body></html>");
    }

    /** A well-formed {@code /api/v1/data} document padded to about {@code bytes} bytes. */
    @Override
    Reply hugeBody(long bytes) throws IOException {
        StringBuilder padding = new StringBuilder();
        while (padding.length() < bytes) {
            padding.append("Données d'exemple volumineuses. ");
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("containers");
        root.putArray("contributions");
        root.putArray("authors");
        root.put("notice", padding.toString());
        return json(200, root);
    }

    private List<ObjectNode> proposals(@Nullable String container) {
        return contributions.values().stream()
                .filter(c -> c.path("parent").isNull() || c.path("parent").isMissingNode())
                .filter(c -> container == null
                        || container.equals(c.path("container").asText()))
                .toList();
    }

    /** Appends the comments under {@code parent}, depth first. */
    private void thread(String parent, String locale, ArrayNode list) {
        for (ObjectNode comment : contributions.values()) {
            if (parent.equals(comment.path("parent").asText(null))) {
                list.add(contribution(comment, locale));
                thread(comment.path("reference").asText(), locale, list);
            }
        }
    }

    private ObjectNode container(ObjectNode fixture, String locale) {
        ObjectNode out = MAPPER.createObjectNode();
        copy(fixture, out, "reference");
        copy(fixture, out, "source");
        // The pilot gives no fallback for spaces: a missing translation is null.
        out.set(
                "name",
                fixture.path("name").path(locale).isMissingNode()
                        ? MAPPER.nullNode()
                        : fixture.path("name").get(locale));
        out.set(
                "description",
                fixture.path("description").path(locale).isMissingNode()
                        ? MAPPER.nullNode()
                        : fixture.path("description").get(locale));
        out.putObject("metadata");
        copy(fixture, out, "created_at");
        copy(fixture, out, "updated_at");
        out.putNull("deleted_at");
        return out;
    }

    private ObjectNode contribution(ObjectNode fixture, String locale) {
        ObjectNode out = fixture.deepCopy();
        out.put("locale", locale);
        out.set("title", translated(fixture.get("title"), locale));
        out.set("content", translated(fixture.get("content"), locale));
        ArrayNode children = MAPPER.createArrayNode();
        String reference = fixture.path("reference").asText();
        contributions.values().stream()
                .filter(c -> reference.equals(c.path("parent").asText(null)))
                .forEach(c -> children.add(c.path("reference").asText()));
        boolean comment =
                !(fixture.path("parent").isNull() || fixture.path("parent").isMissingNode());
        if (comment && children.isEmpty()) {
            out.putNull("children");
        } else {
            out.set("children", children);
        }
        return out;
    }

    private ObjectNode author(ObjectNode fixture, String locale) {
        ObjectNode out = fixture.deepCopy();
        JsonNode name = fixture.get("name");
        if (name != null && name.isObject()) {
            out.set("name", translated(name, locale));
        }
        return out;
    }

    private static JsonNode translated(@Nullable JsonNode texts, String locale) {
        if (texts == null || !texts.isObject()) {
            return texts == null ? Json.mapper().nullNode() : texts;
        }
        JsonNode text = texts.has(locale) ? texts.get(locale) : texts.get("en");
        return text == null ? Json.mapper().nullNode() : text;
    }

    private ObjectNode contribution(String reference) {
        ObjectNode node = contributions.get(reference);
        if (node == null) {
            throw new NoSuchElementException(
                    "no contribution '" + reference + "'; served: " + contributions.keySet());
        }
        return node;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        to.set(field, from.has(field) ? from.get(field) : MAPPER.nullNode());
    }

    private static Reply json(int status, JsonNode body) throws IOException {
        return new Reply(status, "application/json; charset=utf-8", MAPPER.writeValueAsBytes(body));
    }

    private static Map<String, String> params(@Nullable String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
