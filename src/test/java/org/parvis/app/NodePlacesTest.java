package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.territory.ContourIndex;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.web.ApiServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A node serves place look-ups with the contours imported into its data directory. */
class NodePlacesTest {

    private static final String EXCERPT =
            "/org/parvis/territory/gironde-contours-2018-excerpt.geojson";

    @TempDir
    Path dataDir;

    @Test
    void aNodeLocatesPointsWithTheContoursInItsDataDirectory() throws Exception {
        Path geoJson = Path.of(NodePlacesTest.class.getResource(EXCERPT).toURI());
        ContourIndex.importGeoJson(geoJson, FrenchGazetteer.loadDefault())
                .save(ContourIndex.fileIn(dataDir));

        HttpResponse<String> answer = getFromNode("/api/v1/places/at?lat=44.8378&lon=-0.5792");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"found\":true", "\"id\":\"fr:commune:33063\"");
    }

    @Test
    void aDamagedContourFileLeavesPlaceSearchWorkingAndPointLookUpsUnavailable() throws Exception {
        Files.writeString(ContourIndex.fileIn(dataDir), "not a contour file");

        HttpResponse<String> point = getFromNode("/api/v1/places/at?lat=44.8378&lon=-0.5792");
        HttpResponse<String> search = getFromNode("/api/v1/places?q=33000");

        assertThat(point.statusCode()).as(point.body()).isEqualTo(503);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("\"id\":\"fr:commune:33063\"");
    }

    private HttpResponse<String> getFromNode(String path) throws Exception {
        NodeSettings settings = new NodeSettings(dataDir, null, List.of(), "0.1.0-test");
        try (Node node = Node.open(settings);
                AutoCloseable api = node.startApi("127.0.0.1", 0)) {
            int port = ((ApiServer) api).port();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
