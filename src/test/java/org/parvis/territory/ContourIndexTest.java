package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.parvis.model.AreaId.commune;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.parvis.model.AreaId;
import org.parvis.model.GeoPoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Point look-ups over the real 2018 contours of all French communes ({@code
 * ../shared/geo/france-contours-2018}), imported once for the class. Skipped, with a message, where
 * that folder is absent.
 */
class ContourIndexTest {

    private static ContourIndex index;
    private static Path contours;

    @BeforeAll
    static void importThe2018Contours() {
        Optional<Path> found = TerritoryFixtures.sharedContours();
        assumeTrue(
                found.isPresent(),
                "2018 contours not found at "
                        + TerritoryFixtures.SHARED_CONTOURS_RELATIVE.toAbsolutePath() + " nor "
                        + TerritoryFixtures.SHARED_CONTOURS_ABSOLUTE + "; contour tests skipped");
        contours = found.get();
        index = ContourIndex.importGeoJson(contours, TerritoryFixtures.gazetteer());
    }

    // City halls; coordinates from each city's published address, INSEE codes from the COG.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Hôtel de Ville de Paris,           48.85637,  2.35222, 75056",
        "Hôtel de Ville de Lyon,            45.76741,  4.83601, 69123",
        "Hôtel de Ville de Marseille,       43.29627,  5.36953, 13055",
        "Palais Rohan (Bordeaux),           44.83776, -0.57947, 33063",
        "Capitole (Toulouse),               43.60446,  1.44424, 31555",
        "Hôtel de Ville de Nantes,          47.21848, -1.55379, 44109",
        "Centre administratif (Strasbourg), 48.57750,  7.75530, 67482",
        "Hôtel de Ville de Lille,           50.63223,  3.06988, 59350",
        "Hôtel de Ville de Rennes,          48.11170, -1.67940, 35238",
        "Hôtel de Ville d'Ajaccio,          41.91920,  8.73860, 2A004",
        "Hôtel de Ville de Bastia,          42.69730,  9.45050, 2B033",
        "Hôtel de Ville de Saint-Denis (La Réunion), -20.87890, 55.44810, 97411",
        "Hôtel de Ville de Fort-de-France,  14.60740, -61.07270, 97209"
    })
    void aCityHallLiesInItsCommune(String place, double lat, double lon, String code) {
        assertThat(index.findAreaAt(new GeoPoint(lat, lon))).as(place).contains(commune(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Bay of Biscay,          45.50, -3.00",
        "Gulf of Lion,           42.80,  4.00",
        "English Channel,        50.20, -1.00",
        "Indian Ocean off Réunion, -21.50, 56.00",
        "Madrid,                 40.41680, -3.70380",
        "Brussels,               50.84670,  4.35250",
        "Geneva,                 46.20440,  6.14320",
        "Turin,                  45.07030,  7.68690"
    })
    void aPointAtSeaOrAbroadIsInNoCommune(String place, double lat, double lon) {
        assertThat(index.findAreaAt(new GeoPoint(lat, lon))).as(place).isEmpty();
    }

    @Test
    void parisIsAnsweredWithTheCommuneBecauseThe2018ContoursHaveNoArrondissements() {
        PlaceService service = PlaceService.of(TerritoryFixtures.search(), Optional.of(index));

        PlaceService.PlaceAt answer = service.locate(48.85637, 2.35222);

        assertThat(answer.found()).isTrue();
        assertThat(answer.place().id()).isEqualTo("fr:commune:75056");
        assertThat(answer.message()).contains("arrondissements municipaux");
        assertThat(index.hasContour(AreaId.arrondissement("75104"))).isFalse();
    }

    @Test
    void aPointAtSeaGetsTheClearNegativeAnswer() {
        PlaceService service = PlaceService.of(TerritoryFixtures.search(), Optional.of(index));

        PlaceService.PlaceAt answer = service.locate(45.5, -3.0);

        assertThat(answer.found()).isFalse();
        assertThat(answer.place()).isNull();
        assertThat(answer.message()).startsWith("not in a known commune");
    }

    @Test
    void pointsInsideCommunesMergedSince2018ResolveToTodaysCommune() throws IOException {
        // communes.json: 93066 Saint-Denis lists 93059 (Pierrefitte-sur-Seine) in anciensCodes,
        // 85194 Les Sables-d'Olonne lists 85166 (Olonne-sur-Mer), 91228 Évry-Courcouronnes lists
        // 91182 (Courcouronnes); 60455 (La Neuville-Garnier) is a commune déléguée of 60694.
        assertThat(atInteriorOf2018Commune("93059")).contains(commune("93066"));
        assertThat(atInteriorOf2018Commune("85166")).contains(commune("85194"));
        assertThat(atInteriorOf2018Commune("91182")).contains(commune("91228"));
        assertThat(atInteriorOf2018Commune("60455")).contains(commune("60694"));
    }

    @Test
    void theImportMapsEvery2018CodeAndListsTheCommunesItCannotCover() {
        ContourIndex.ImportReport report = index.importReport().orElseThrow();

        assertThat(report.unmappedCodes()).isEmpty();
        assertThat(report.ambiguousCodes()).isEmpty();
        // 94 communes of overseas collectivities (absent from the files) and 7 communes restored
        // after 2018 inside a merged commune (e.g. 14666 Sannerville, out of Troarn).
        assertThat(report.communesWithoutContour())
                .hasSize(101)
                .contains(commune("14666"), commune("97502"), commune("98735"));
        assertThat(report.mergedAreas()).isPositive();
        assertThat(index.areaCount()).isEqualTo(34_969 - 101);
    }

    @Test
    void savingAndLoadingKeepsEveryAnswer(@TempDir Path dir) throws IOException {
        Path file = ContourIndex.fileIn(dir);
        index.save(file);

        ContourIndex loaded = ContourIndex.load(file);

        assertThat(Files.size(file)).isLessThan(12_000_000L);
        assertThat(loaded.areaCount()).isEqualTo(index.areaCount());
        assertThat(loaded.vertexCount()).isEqualTo(index.vertexCount());
        List<GeoPoint> points = new ArrayList<>(index.listInteriorPoints(2_000, 7));
        points.add(new GeoPoint(45.5, -3.0));
        for (GeoPoint point : points) {
            assertThat(loaded.findAreaAt(point))
                    .as(point.toString())
                    .isEqualTo(index.findAreaAt(point));
        }
        assertThat(ContourIndex.findInDataDir(dir)).isPresent();
    }

    private static Optional<AreaId> atInteriorOf2018Commune(String code) throws IOException {
        Path departementFile;
        try (var files = Files.list(contours.resolve("communes"))) {
            departementFile = files.filter(f -> f.getFileName()
                            .toString()
                            .startsWith("communes-" + code.substring(0, 2)))
                    .findFirst()
                    .orElseThrow();
        }
        List<Polygon> polygons = new ArrayList<>();
        GeoJsonContours.read(departementFile, feature -> {
            if (code.equals(feature.code())) {
                polygons.addAll(feature.polygons());
            }
        });
        Point interior = polygons.get(0).getInteriorPoint();
        return index.findAreaAt(new GeoPoint(interior.getY(), interior.getX()));
    }
}
