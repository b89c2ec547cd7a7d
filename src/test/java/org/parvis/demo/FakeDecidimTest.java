package org.parvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parvis.model.Json;
import org.parvis.source.decidim.DecidimQueries;
import org.parvis.source.decidim.DecidimVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/** The loopback Decidim's limits, asked over HTTP as the connector asks. */
class FakeDecidimTest {

    private static final ObjectMapper MAPPER = Json.mapper();

    private FakeDecidim decidim;

    @BeforeEach
    void start() throws IOException {
        decidim = FakeDecidim.start("0.28", "0.28.4", Instant.parse("2026-03-10T09:00:00Z"));
    }

    @AfterEach
    void stop() {
        decidim.close();
    }

    private JsonNode post(String operation, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("query", query);
        body.put("operationName", operation);
        body.set("variables", MAPPER.valueToTree(variables));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(decidim.baseUrl() + "/api"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        MAPPER.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    @Test
    void fragmentsOnSeveralComponentTypesCostTheirCostliestType() throws Exception {
        // Proposals and meetings pages together weigh more than 5000, each alone less.
        JsonNode answer = post(
                DecidimQueries.SPACE,
                DecidimQueries.space(DecidimVersion.V0_28, "ParticipatoryProcess"),
                Map.of("id", "11"));

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode components = answer.path("data").path("space").path("components");
        assertThat(components.get(0).path("proposals").path("nodes")).hasSize(50);
        assertThat(components
                        .get(0)
                        .path("proposals")
                        .path("pageInfo")
                        .path("hasNextPage")
                        .asBoolean())
                .isTrue();
        assertThat(components.get(1).path("meetings").path("nodes")).hasSize(3);
    }

    @Test
    void selectionsOnOneTypeAddUpAndAreRefusedOverTheLimit() throws Exception {
        // component (1) + 651 per page (1 + 13 × 50): seven pass (4,558), eight do not (5,209).
        String page = "(first: 50) { nodes { id title { translations { locale text } }"
                + " body { translations { locale text } } author { name nickname } } }";

        JsonNode seven = post("Pages", pages(page, 7), Map.of());
        JsonNode eight = post("Pages", pages(page, 8), Map.of());

        assertThat(seven.path("errors").isMissingNode()).as(seven.toString()).isTrue();
        assertThat(eight.path("errors").path(0).path("message").asText())
                .contains("complexity of 5209, which exceeds max complexity of 5000");
    }

    private static String pages(String page, int count) {
        StringBuilder query =
                new StringBuilder("query Pages { component(id: \"101\") { ... on Proposals {");
        for (int i = 0; i < count; i++) {
            query.append(" p").append(i).append(": proposals").append(page);
        }
        return query.append(" } } }").toString();
    }
}
