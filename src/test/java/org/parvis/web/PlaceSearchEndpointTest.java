package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.PlaceSearch;
import org.parvis.territory.PlaceService;

import java.util.Optional;

/** {@code GET /api/v1/places} and {@code GET /api/v1/places/at} over the real 2026 gazetteer. */
class PlaceSearchEndpointTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(false);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode okJson(String path) {
        ApiFixture.Answer answer = api.get(path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    @Test
    void aPostcodeFindsItsCommuneWithParentsUpToTheEu() {
        JsonNode first = okJson("/api/v1/places?q=33000").at("/places/0");

        assertThat(first.at("/id").asText()).isEqualTo("fr:commune:33063");
        assertThat(first.at("/name").asText()).isEqualTo("Bordeaux");
        assertThat(first.at("/level").asText()).isEqualTo("commune");
        assertThat(first.at("/match").asText()).isEqualTo("postcode");
        assertThat(first.at("/postcodes")).extracting(JsonNode::asText).contains("33000");
        assertThat(first.at("/parents"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "fr:epci:243300316", "fr:departement:33", "fr:region:75", "fr", "eu");
    }

    @Test
    void aSharedPostcodeReturnsEveryCommuneMostPopulousFirst() {
        JsonNode places = okJson("/api/v1/places?q=20200").at("/places");

        // Expected codes read from the official list: Bastia, then Ville-di-Pietrabugno,
        // San-Martino-di-Lota and Santa-Maria-di-Lota.
        assertThat(places)
                .extracting(p -> p.at("/id").asText())
                .containsExactly(
                        "fr:commune:2B033",
                        "fr:commune:2B353",
                        "fr:commune:2B305",
                        "fr:commune:2B309");
    }

    @Test
    void aNameIsFoundThroughAbbreviationsAccentsAndTypos() {
        assertThat(okJson("/api/v1/places?q=st%20etienne&limit=1")
                        .at("/places/0/id")
                        .asText())
                .isEqualTo("fr:commune:42218");
        assertThat(okJson("/api/v1/places?q=Bordaux&limit=3").at("/places/0/id").asText())
                .isEqualTo("fr:commune:33063");
    }

    @Test
    void homonymsComeWithTheirDepartement() {
        JsonNode places = okJson("/api/v1/places?q=Saint-Denis&limit=5").at("/places");

        assertThat(places)
                .extracting(p ->
                        p.at("/id").asText() + "|" + p.at("/departement/code").asText())
                .contains("fr:commune:93066|93", "fr:commune:97411|974");
    }

    @Test
    void theLimitCutsTheCandidates() {
        assertThat(okJson("/api/v1/places?q=Saint&limit=2").at("/places")).hasSize(2);
    }

    @Test
    void badSearchParametersAreProblemsNamingTheParameter() {
        assertProblem(api.get("/api/v1/places"), "q");
        assertProblem(api.get("/api/v1/places?q=Lyon&limit=0"), "limit");
        assertProblem(api.get("/api/v1/places?q=Lyon&limit=51"), "limit");
        assertProblem(api.get("/api/v1/places?q=Lyon&limit=ten"), "limit");
        assertProblem(api.get("/api/v1/places?q=Lyon&place=fr"), "place");
        assertProblem(api.get("/api/v1/places?q=" + "a".repeat(101)), "q");
    }

    @Test
    void aPointInBordeauxCityHallIsInBordeaux() {
        JsonNode body = okJson("/api/v1/places/at?lat=44.8378&lon=-0.5792");

        assertThat(body.at("/found").asBoolean()).isTrue();
        assertThat(body.at("/place/id").asText()).isEqualTo("fr:commune:33063");
        assertThat(body.at("/place/parents/0").asText()).isEqualTo("fr:epci:243300316");
    }

    @Test
    void aPointInMerignacIsInMerignacNotItsNeighbour() {
        // Mérignac's town hall, 60 avenue du Maréchal de Lattre de Tassigny.
        JsonNode body = okJson("/api/v1/places/at?lat=44.8386&lon=-0.6436");

        assertThat(body.at("/place/id").asText()).isEqualTo("fr:commune:33281");
    }

    @Test
    void aPointAtSeaIsAClearNegativeAnswer() {
        JsonNode body = okJson("/api/v1/places/at?lat=45.0&lon=-2.5");

        assertThat(body.at("/found").asBoolean()).isFalse();
        assertThat(body.has("place")).isFalse();
        assertThat(body.at("/message").asText()).startsWith("not in a known commune");
    }

    @Test
    void badCoordinatesAreProblemsNamingTheParameter() {
        assertProblem(api.get("/api/v1/places/at?lat=91&lon=0"), "lat");
        assertProblem(api.get("/api/v1/places/at?lat=45&lon=-181"), "lon");
        assertProblem(api.get("/api/v1/places/at?lat=0x1p3&lon=0"), "lat");
        assertProblem(api.get("/api/v1/places/at?lat=NaN&lon=0"), "lat");
        assertProblem(api.get("/api/v1/places/at?lon=0"), "lat");
    }

    @Test
    void withoutContoursAPointLookUpSaysHowToImportThem() {
        PlaceService withoutContours =
                PlaceService.of(PlaceSearch.of(FrenchGazetteer.loadDefault()), Optional.empty());
        try (ApiFixture bare = new ApiFixture(false, () -> withoutContours)) {
            ApiFixture.Answer answer = bare.get("/api/v1/places/at?lat=44.8378&lon=-0.5792");

            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().at("/detail").asText()).contains("import-contours");
        }
    }

    private static void assertProblem(ApiFixture.Answer answer, String parameter) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().at("/parameter").asText())
                .as(answer.toString())
                .isEqualTo(parameter);
    }
}
