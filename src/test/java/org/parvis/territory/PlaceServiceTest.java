package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.parvis.model.Json;

import java.util.Optional;

/** The JSON the places API serves, built from the real gazetteer and the Gironde excerpt. */
class PlaceServiceTest {

    private static final PlaceService WITHOUT_CONTOURS =
            PlaceService.of(TerritoryFixtures.search(), Optional.empty());

    @Test
    void searchAnswersCandidatesWithTheirDepartementAndParents() throws Exception {
        JsonNode json =
                Json.mapper().readTree(Json.write(WITHOUT_CONTOURS.search("  Saint-Denis ", 2)));

        assertThat(json.path("query").asText()).isEqualTo("Saint-Denis");
        JsonNode first = json.path("places").path(0);
        assertThat(first.path("id").asText()).isEqualTo("fr:commune:97411");
        assertThat(first.path("name").asText()).isEqualTo("Saint-Denis");
        assertThat(first.path("level").asText()).isEqualTo("commune");
        assertThat(first.path("postcodes").get(0).asText()).startsWith("974");
        assertThat(first.path("population").asLong()).isPositive();
        assertThat(first.path("parents").toString())
                .contains("fr:departement:974", "fr:region:04", "\"fr\"", "\"eu\"");
        assertThat(first.path("departement").path("name").asText()).isEqualTo("La Réunion");
        assertThat(first.path("match").asText()).isEqualTo("exact_name");
        assertThat(first.has("matchedName")).isFalse();
        assertThat(json.path("places").path(1).path("departement").path("code").asText())
                .isEqualTo("93");
    }

    @Test
    void aPostcodeMatchSaysWhichPostcodeMatched() {
        PlaceService.PlaceCandidate candidate =
                WITHOUT_CONTOURS.search("33000", 10).places().get(0);

        assertThat(candidate.match()).isEqualTo("postcode");
        assertThat(candidate.matchedName()).isEqualTo("33000");
    }

    @Test
    void pointLookUpsWithoutContoursSayHowToImportThem() {
        assertThatThrownBy(() -> WITHOUT_CONTOURS.locate(44.83776, -0.57947))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parvis territory import-contours");
    }

    @Test
    void aPointLookUpAnswersTheCommuneOrTheClearNegative() throws Exception {
        ContourIndex contours = ContourIndex.importGeoJson(
                TerritoryFixtures.resource("gironde-contours-2018-excerpt.geojson"),
                TerritoryFixtures.gazetteer());
        PlaceService service = PlaceService.of(TerritoryFixtures.search(), Optional.of(contours));

        JsonNode found = Json.mapper().readTree(Json.write(service.locate(44.83776, -0.57947)));
        JsonNode notFound = Json.mapper().readTree(Json.write(service.locate(45.5, -3.0)));

        assertThat(found.path("found").asBoolean()).isTrue();
        assertThat(found.path("place").path("id").asText()).isEqualTo("fr:commune:33063");
        assertThat(found.path("place").has("match")).isFalse();
        assertThat(found.has("message")).isFalse();
        assertThat(notFound.path("found").asBoolean()).isFalse();
        assertThat(notFound.has("place")).isFalse();
        assertThat(notFound.path("message").asText()).startsWith("not in a known commune");
    }

    @Test
    void coordinatesOutOfRangeAreRejectedNamingThem() {
        assertThatThrownBy(() -> WITHOUT_CONTOURS.locate(95, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lat/lon")
                .hasMessageContaining("95");
        assertThatThrownBy(() -> WITHOUT_CONTOURS.locate(Double.NaN, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
