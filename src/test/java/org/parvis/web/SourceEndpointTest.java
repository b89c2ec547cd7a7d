package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SourceEndpointTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(false);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void eachSourceShowsItsLastRunLastSuccessAndLiveItems() {
        ApiFixture.Answer answer = api.get("/api/v1/sources");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode bordeaux = answer.json().at("/sources/0");
        assertThat(bordeaux.at("/id").asText()).isEqualTo("bordeaux-decidim");
        assertThat(bordeaux.at("/kind").asText()).isEqualTo("decidim");
        assertThat(bordeaux.at("/territory").asText()).isEqualTo("fr:departement:33");
        assertThat(bordeaux.at("/licence").asText()).isEqualTo("ODbL-1.0");
        assertThat(bordeaux.at("/sample").asBoolean()).isFalse();
        assertThat(bordeaux.at("/liveItems").asLong()).isEqualTo(3);
        assertThat(bordeaux.at("/lastRun/outcome").asText()).isEqualTo("partial");
        assertThat(bordeaux.at("/lastRun/startedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(bordeaux.at("/lastRun/endedAt").asText()).isEqualTo("2026-03-02T10:00:42Z");
        assertThat(bordeaux.at("/lastRun/itemsNew").asInt()).isEqualTo(3);
        assertThat(bordeaux.at("/lastRun/issues").asInt()).isEqualTo(1);
        assertThat(bordeaux.at("/lastRun/error").asText()).isEqualTo("1 record could not be read");
        assertThat(bordeaux.at("/lastSuccessAt").asText()).isEqualTo("2026-03-01T10:00:42Z");
    }

    @Test
    void aSourceNeverRunHasNoRunAndNoItems() {
        JsonNode demo = api.get("/api/v1/sources").json().at("/sources/1");

        assertThat(demo.at("/id").asText()).isEqualTo("demo");
        assertThat(demo.at("/sample").asBoolean()).isTrue();
        assertThat(demo.at("/liveItems").asLong()).isZero();
        assertThat(demo.has("lastRun")).isFalse();
        assertThat(demo.has("lastSuccessAt")).isFalse();
        assertThat(demo.has("territory")).isFalse();
    }

    @Test
    void issuesOfASourceNewestFirst() {
        ApiFixture.Answer answer = api.get("/api/v1/sources/bordeaux-decidim/issues");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.at("/source").asText()).isEqualTo("bordeaux-decidim");
        assertThat(body.at("/issues")).hasSize(1);
        assertThat(body.at("/issues/0/type").asText()).isEqualTo("missing-title");
        assertThat(body.at("/issues/0/recordRef").asText()).isEqualTo("Proposal/346");
        assertThat(body.at("/issues/0/at").asText()).isEqualTo("2026-03-02T10:00:05Z");
    }

    @Test
    void issuesHonourTheLimit() {
        assertThat(api.get("/api/v1/sources/demo/issues?limit=1").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sources/demo/issues?limit=0")
                        .json()
                        .at("/parameter")
                        .asText())
                .isEqualTo("limit");
        assertThat(api.get("/api/v1/sources/demo/issues?limit=501").status()).isEqualTo(400);
    }

    @Test
    void issuesOfAnUnknownSourceIsA404() {
        ApiFixture.Answer answer = api.get("/api/v1/sources/lyon-decidim/issues");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().at("/detail").asText())
                .contains("lyon-decidim", "/api/v1/sources");
    }

    @Test
    void issuesOfAMalformedSourceIdIsA400() {
        ApiFixture.Answer answer = api.get("/api/v1/sources/Lyon_Decidim/issues");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("id");
    }
}
