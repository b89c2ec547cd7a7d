package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.model.AreaId.arrondissement;
import static org.parvis.model.AreaId.commune;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.GeoPoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Import mechanics on small synthetic squares (not real shapes): code mapping, unions, skipped
 * features, arrondissements over communes, gzip, and the errors an operator can get.
 */
class ContourImportTest {

    private static final FrenchGazetteer GAZETTEER = TerritoryFixtures.gazetteer();

    /*
     * lat 48.91 ┌───────────── 75056 Paris ──────────────┐
     *           │        ┌── 75101 ──┐                    │
     *    48.87  │        │  (2.34)   │                    │
     *    48.855 │        └───────────┘                    │
     * lat 48.81 └─────────────────────────────────────────┘
     *          2.25     2.33        2.35                 2.42
     *
     * Near Brest: 29019 [-4.55, -4.45] and 29096 (a code merged into Brest) [-4.45, -4.35],
     * lat 48.35 to 48.45. Code 99999 is no commune; "33" is a département.
     */
    private static final String SQUARES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"code": "75056", "nom": "Paris"},
               "geometry": {"type": "Polygon", "coordinates": [[[2.25, 48.81], [2.42, 48.81],
                 [2.42, 48.91], [2.25, 48.91], [2.25, 48.81]]]}},
              {"type": "Feature", "properties": {"code": "75101", "nom": "Paris 1er"},
               "geometry": {"type": "Polygon", "coordinates": [[[2.33, 48.855], [2.35, 48.855],
                 [2.35, 48.87], [2.33, 48.87]]]}},
              {"type": "Feature", "properties": {"code": "29019", "nom": "Brest"},
               "geometry": {"type": "Polygon", "coordinates": [[[-4.55, 48.35], [-4.45, 48.35],
                 [-4.45, 48.45], [-4.55, 48.45], [-4.55, 48.35]]]}},
              {"type": "Feature", "properties": {"code": "29096", "nom": "Lambézellec"},
               "geometry": {"type": "MultiPolygon",
                 "coordinates": [[[[-4.45, 48.35], [-4.35, 48.35],
                 [-4.35, 48.45], [-4.45, 48.45], [-4.45, 48.35]]]]}},
              {"type": "Feature", "properties": {"code": "99999", "nom": "Nowhere"},
               "geometry": {"type": "Polygon",
                 "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
              {"type": "Feature", "properties": {"code": "33", "nom": "Gironde"},
               "geometry": {"type": "Polygon",
                 "coordinates": [[[-1, 44], [0, 44], [0, 45], [-1, 45], [-1, 44]]]}},
              {"type": "Feature", "properties": {"code": "33063"}, "geometry": null}
            ]}
            """;

    @Test
    void codesMapToCurrentCommunesAndArrondissements(@TempDir Path dir) throws IOException {
        ContourIndex index =
                ContourIndex.importGeoJson(write(dir, "squares.geojson", SQUARES), GAZETTEER);

        assertThat(index.findAreaAt(new GeoPoint(48.86, 2.34))).contains(arrondissement("75101"));
        assertThat(index.findAreaAt(new GeoPoint(48.83, 2.30))).contains(commune("75056"));
        assertThat(index.findAreaAt(new GeoPoint(48.40, -4.50))).contains(commune("29019"));
        assertThat(index.findAreaAt(new GeoPoint(48.40, -4.40))).contains(commune("29019"));
        assertThat(index.findAreaAt(new GeoPoint(0.5, 0.5))).isEmpty();
        assertThat(index.findAreaAt(new GeoPoint(44.5, -0.5))).isEmpty();
    }

    @Test
    void theReportCountsMergesAndNamesWhatCouldNotBePlaced(@TempDir Path dir) throws IOException {
        ContourIndex index =
                ContourIndex.importGeoJson(write(dir, "squares.geojson", SQUARES), GAZETTEER);
        ContourIndex.ImportReport report = index.importReport().orElseThrow();

        assertThat(report.files()).isEqualTo(1);
        assertThat(report.features()).isEqualTo(7);
        assertThat(report.areas()).isEqualTo(3);
        assertThat(report.mergedAreas()).isEqualTo(1);
        assertThat(report.skippedFeatures()).isEqualTo(3);
        assertThat(report.unmappedCodes()).containsExactly("99999");
        assertThat(report.communesWithoutContour())
                .hasSize(34_969 - 2)
                .doesNotContain(commune("29019"));
        // The two Brest squares share a side: their union is one polygon.
        assertThat(index.vertexCount()).isLessThan(5 + 5 + 5 + 5);
    }

    @Test
    void aFolderIsSearchedRecursivelyAndGzipIsRead(@TempDir Path dir) throws IOException {
        Path nested = Files.createDirectories(dir.resolve("a").resolve("b"));
        try (OutputStream out =
                new GZIPOutputStream(Files.newOutputStream(nested.resolve("squares.geojson.gz")))) {
            out.write(SQUARES.getBytes(UTF_8));
        }
        Files.writeString(dir.resolve("notes.txt"), "not contours");

        ContourIndex index = ContourIndex.importGeoJson(dir, GAZETTEER);

        assertThat(index.areaCount()).isEqualTo(3);
    }

    @Test
    void projectedCoordinatesAreRejectedWithTheWayToReprojectThem(@TempDir Path dir)
            throws IOException {
        Path file = write(dir, "lambert93.geojson", """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"code": "33063"},
                  "geometry": {"type": "Polygon",
                  "coordinates": [[[417000, 6423000], [418000, 6423000],
                  [418000, 6424000], [417000, 6423000]]]}}]}
                """);

        assertThatThrownBy(() -> ContourIndex.importGeoJson(file, GAZETTEER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code 33063")
                .hasMessageContaining("lambert93.geojson")
                .hasMessageContaining("EPSG:4326");
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRejected(@TempDir Path dir) throws IOException {
        Path feature = write(dir, "one.geojson", "{\"type\": \"Feature\", \"geometry\": null}");
        Path broken =
                write(dir, "broken.json", "{\"type\": \"FeatureCollection\", \"features\": [");

        assertThatThrownBy(() -> ContourIndex.importGeoJson(feature, GAZETTEER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a GeoJSON FeatureCollection")
                .hasMessageContaining("one.geojson");
        assertThatThrownBy(() -> ContourIndex.importGeoJson(broken, GAZETTEER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json");
    }

    @Test
    void aMissingPathOrAnEmptyFolderIsRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> ContourIndex.importGeoJson(dir.resolve("absent"), GAZETTEER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ContourIndex.importGeoJson(dir, GAZETTEER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no .geojson");
    }

    @Test
    void aFileThatIsNotAContourFileIsRejectedOnLoad(@TempDir Path dir) throws IOException {
        Path text = write(dir, "contours.bin", "hello");
        assertThatThrownBy(() -> ContourIndex.load(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Parvis contour file")
                .hasMessageContaining("import-contours");

        ContourIndex index =
                ContourIndex.importGeoJson(write(dir, "squares.geojson", SQUARES), GAZETTEER);
        Path saved = dir.resolve("saved.bin");
        index.save(saved);
        byte[] bytes = Files.readAllBytes(saved);
        Path truncated = dir.resolve("truncated.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write("PARVISCT".getBytes(UTF_8));
            out.write(new byte[] {0, 0, 0, 1});
        }
        assertThat(bytes.length).isPositive();
        assertThatThrownBy(() -> ContourIndex.load(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aMissingContourFileLeavesPointLookUpsOff(@TempDir Path dir) {
        assertThat(ContourIndex.findInDataDir(dir)).isEmpty();
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
