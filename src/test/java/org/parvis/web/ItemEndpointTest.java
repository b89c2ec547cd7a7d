package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

class ItemEndpointTest {

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
    void aProcessByKeyComesWithItsTypeLicenceAndContributions() {
        ApiFixture.Answer answer =
                api.get("/api/v1/items/bordeaux-decidim:ParticipatoryProcess/12");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        JsonNode body = answer.json();
        assertThat(body.at("/type").asText()).isEqualTo("process");
        assertThat(body.at("/id").asText()).isEqualTo(ApiFixture.PROCESS_ID.toString());
        assertThat(body.at("/sourceKey").asText())
                .isEqualTo("bordeaux-decidim:ParticipatoryProcess/12");
        assertThat(body.at("/processType").asText()).isEqualTo("participatory_budget");
        assertThat(body.at("/title/texts/fr").asText()).isEqualTo("Budget participatif 2026");
        assertThat(body.at("/licence/id").asText()).isEqualTo("ODbL-1.0");
        assertThat(body.at("/contributionCount").asInt()).isEqualTo(2);
        assertThat(body.at("/contributions"))
                .extracting(
                        c -> c.at("/type").asText() + " " + c.at("/sourceKey").asText())
                .containsExactlyInAnyOrder(
                        "contribution bordeaux-decidim:Proposal/345",
                        "contribution bordeaux-decidim:Comment/9");
        assertThat(body.has("sampleData")).as("this node serves live data").isFalse();
    }

    @Test
    void aContributionByKeyHasNoContributionList() {
        JsonNode body = api.get("/api/v1/items/bordeaux-decidim:Proposal/345").json();

        assertThat(body.at("/type").asText()).isEqualTo("contribution");
        assertThat(body.at("/kind").asText()).isEqualTo("proposal");
        assertThat(body.at("/process").asText()).isEqualTo(ApiFixture.PROCESS_ID.toString());
        assertThat(body.at("/licence/id").asText()).isEqualTo("ODbL-1.0");
        assertThat(body.has("contributions")).isFalse();
    }

    @Test
    void aKeyWithEncodedSlashesFindsTheSameItem() {
        JsonNode body =
                api.get("/api/v1/items/bordeaux-decidim%3AProposal%2F345").json();

        assertThat(body.at("/sourceKey").asText()).isEqualTo("bordeaux-decidim:Proposal/345");
    }

    @Test
    void anItemByItsPublicUrl() {
        String url = ApiFixture.COMMENT_ID.toString();
        ApiFixture.Answer answer =
                api.get("/api/v1/items?id=" + URLEncoder.encode(url, StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().at("/sourceKey").asText()).isEqualTo("bordeaux-decidim:Comment/9");
        assertThat(answer.json().at("/id").asText()).isEqualTo(url);
    }

    @Test
    void anUnknownKeyIsA404Problem() {
        ApiFixture.Answer answer = api.get("/api/v1/items/bordeaux-decidim:Proposal/999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/type").asText()).isEqualTo(Problem.NOT_FOUND);
        assertThat(answer.json().at("/detail").asText()).contains("bordeaux-decidim:Proposal/999");
        assertThat(answer.json().at("/instance").asText())
                .isEqualTo("/api/v1/items/bordeaux-decidim:Proposal/999");
    }

    @Test
    void anUnknownUrlIsA404Problem() {
        ApiFixture.Answer answer = api.get("/api/v1/items?id=https%3A%2F%2Fexample.org%2Fnothing");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().at("/detail").asText()).contains("https://example.org/nothing");
    }

    @Test
    void aMalformedKeyIsA400Problem() {
        ApiFixture.Answer answer = api.get("/api/v1/items/NoColonHere");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("key");
        assertThat(answer.json().at("/value").asText()).isEqualTo("NoColonHere");
        assertThat(answer.json().at("/detail").asText()).contains("<source id>:<native id>");
    }

    @Test
    void aKeyWithAnUppercaseSourceIsA400Problem() {
        ApiFixture.Answer answer = api.get("/api/v1/items/Bordeaux:Proposal/345");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("key");
    }

    @Test
    void theUrlFormNeedsAnAbsoluteHttpUrl() {
        for (String bad : new String[] {
            "relative/path", "ftp%3A%2F%2Fexample.org%2Fx", "https%3A%2F%2F", "a%20b"
        }) {
            ApiFixture.Answer answer = api.get("/api/v1/items?id=" + bad);

            assertThat(answer.status()).as(bad + ": " + answer).isEqualTo(400);
            assertThat(answer.json().at("/parameter").asText()).isEqualTo("id");
        }
    }

    @Test
    void theUrlFormWithoutIdSaysWhatToGive() {
        ApiFixture.Answer answer = api.get("/api/v1/items");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("id");
        assertThat(answer.json().at("/detail").asText()).contains("/api/v1/items/{key}");
    }

    @Test
    void itemEndpointsRejectUnknownParameters() {
        assertThat(api.get("/api/v1/items/bordeaux-decidim:Proposal/345?lang=fr")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/items?id=https%3A%2F%2Fexample.org%2Fx&lang=fr")
                        .json()
                        .at("/parameter")
                        .asText())
                .isEqualTo("lang");
    }

    @Test
    void onASampleDataNodeItemsSaySo() {
        try (ApiFixture sample = new ApiFixture(true)) {
            JsonNode body =
                    sample.get("/api/v1/items/bordeaux-decidim:Proposal/345").json();

            assertThat(body.at("/sampleData").asBoolean()).isTrue();
        }
    }
}
