package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaceEndpointTest {

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
    void aCommuneComesWithItsNamedParentsFinestFirst() {
        ApiFixture.Answer answer = api.get("/api/v1/places/fr:commune:33063");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.at("/id").asText()).isEqualTo("fr:commune:33063");
        assertThat(body.at("/name").asText()).isEqualTo("Bordeaux");
        assertThat(body.at("/level").asText()).isEqualTo("commune");
        assertThat(body.at("/population").asLong()).isEqualTo(261_804L);
        assertThat(body.at("/postcodes")).extracting(JsonNode::asText).contains("33000", "33800");
        assertThat(body.at("/parents"))
                .extracting(p -> p.at("/id").asText() + "|" + p.at("/name").asText() + "|"
                        + p.at("/level").asText())
                .containsExactly(
                        "fr:epci:243300316|Bordeaux Métropole|epci",
                        "fr:departement:33|Gironde|departement",
                        "fr:region:75|Nouvelle-Aquitaine|region",
                        "fr|France|nation",
                        "eu|Union européenne|eu");
        assertThat(body.at("/children")).isEmpty();
        assertThat(body.at("/childrenTotal").asInt()).isZero();
    }

    @Test
    void aDepartementListsItsChildren() {
        JsonNode body = api.get("/api/v1/places/fr:departement:33").json();

        assertThat(body.at("/children"))
                .extracting(c -> c.at("/id").asText() + "|" + c.at("/name").asText())
                .containsExactly(
                        "fr:commune:33063|Bordeaux",
                        "fr:commune:33281|Mérignac",
                        "fr:epci:243300316|Bordeaux Métropole");
        assertThat(body.at("/childrenTotal").asInt()).isEqualTo(3);
    }

    @Test
    void franceIsTheRootToBrowseFrom() {
        JsonNode body = api.get("/api/v1/places/fr").json();

        assertThat(body.at("/children/0/id").asText()).isEqualTo("fr:region:75");
        assertThat(body.at("/parents/0/id").asText()).isEqualTo("eu");
    }

    @Test
    void aWellFormedUnknownIdIsA404() {
        ApiFixture.Answer answer = api.get("/api/v1/places/fr:commune:99999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/detail").asText())
                .contains("fr:commune:99999", "/api/v1/places/fr");
    }

    @Test
    void aMalformedIdIsA400() {
        for (String bad : new String[] {"paris", "fr:commune:3306", "fr:commune:33063x", "FR"}) {
            ApiFixture.Answer answer = api.get("/api/v1/places/" + bad);

            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().at("/parameter").asText()).isEqualTo("id");
            assertThat(answer.json().at("/value").asText()).isEqualTo(bad);
        }
    }
}
