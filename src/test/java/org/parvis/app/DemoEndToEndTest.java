package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.demo.FakePlatform;
import org.parvis.model.AreaId;
import org.parvis.model.Json;
import org.parvis.model.Process;
import org.parvis.model.TerritoryRef;
import org.parvis.source.HarvestListener;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;
import org.parvis.web.ApiServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's promise, end to end: the sample platform is harvested over loopback HTTP by the real
 * connector into the real SQLite store and Lucene index, and the HTTP API answers the feed.
 * Expected items come from the sample platform's records and area ids written here, never from
 * the feed's own output.
 */
class DemoEndToEndTest {

    @TempDir
    static Path dataDir;

    private static FakePlatform platform;
    private static NodeRuntime node;
    private static ApiServer api;
    private static List<Process> sampleProcesses;

    /** The areas of each sample process: its own, else its source's territory (the default). */
    private static java.util.Map<String, Set<String>> sampleAreas;

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void harvestTheSamplePlatformAndServe() throws IOException {
        platform = FakePlatform.start(Instant.now());
        List<SourceConfig> sources = platform.listSources();
        node = new Node.Factory().open(NodeOptions.settings(dataDir, null, sources));
        var harvester = Commands.harvester(node, Version.DEFAULT_CONTACT, HarvestListener.NONE);
        for (SourceConfig source : sources) {
            assertThat(harvester.harvest(source).outcome()).isEqualTo(HarvestRun.Outcome.SUCCESS);
        }
        api = (ApiServer) node.startApi("127.0.0.1", 0);
        sampleProcesses = sources.stream()
                .flatMap(source -> platform.listItems(source.id()).stream())
                .filter(Process.class::isInstance)
                .map(Process.class::cast)
                .toList();
        sampleAreas = new java.util.HashMap<>();
        for (SourceConfig source : sources) {
            for (var item : platform.listItems(source.id())) {
                if (item instanceof Process process) {
                    Set<String> areas = process.territories().stream()
                            .map(TerritoryRef::area)
                            .map(AreaId::value)
                            .collect(Collectors.toSet());
                    if (areas.isEmpty()) {
                        areas = Set.of(source.territory().value());
                    }
                    sampleAreas.put(process.id().toString(), areas);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        node.close();
        platform.close();
    }

    private static JsonNode get(String pathAndQuery, int expectedStatus) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return Json.mapper().readTree(response.body());
    }

    /** Every item id of a feed, following the cursors. */
    private static Set<String> feedIds(String query) throws Exception {
        Set<String> ids = new HashSet<>();
        List<String> order = new ArrayList<>();
        String next = "/api/v1/feed?" + query + "&limit=7";
        while (next != null) {
            JsonNode page = get(next, 200);
            assertThat(page.path("sampleData").asBoolean()).isTrue();
            page.path("items").forEach(item -> order.add(item.path("id").asText()));
            next = page.path("links").hasNonNull("next")
                    ? page.path("links").path("next").asText()
                    : null;
        }
        ids.addAll(order);
        assertThat(order).as("no item twice across pages").hasSameSizeAs(ids);
        return ids;
    }

    private static Set<String> sampleIdsConcerning(Set<String> areaIds) {
        return sampleAreas.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(areaIds::contains))
                .map(java.util.Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void everySampleProcessIsListedWithinFranceWhateverItsStatus() throws Exception {
        Set<String> expected =
                sampleProcesses.stream().map(p -> p.id().toString()).collect(Collectors.toSet());

        assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
        assertThat(feedIds("place=fr&scope=within&status=all")).isEqualTo(expected);
    }

    @Test
    void aCommuneSeesItsOwnItemsAndThoseOfItsEpciDepartementRegionAndNationOnly() throws Exception {
        // Bordeaux: the commune, Bordeaux Métropole, Gironde, Nouvelle-Aquitaine, France.
        Set<String> expected = sampleIdsConcerning(Set.of(
                "fr:commune:33063",
                "fr:epci:243300316",
                "fr:departement:33",
                "fr:region:75",
                "fr",
                "eu"));

        Set<String> actual = feedIds("place=fr:commune:33063&status=all");

        assertThat(actual).isEqualTo(expected);
        assertThat(actual)
                .as("nothing from Pessac, Mérignac, Périgueux or Paris")
                .doesNotContainAnyElementsOf(sampleIdsConcerning(Set.of(
                        "fr:commune:33318",
                        "fr:commune:33281",
                        "fr:commune:24322",
                        "fr:arrondissement:75112")));
        assertThat(sampleIdsConcerning(Set.of("fr:commune:33063"))).isNotEmpty();
        assertThat(sampleIdsConcerning(Set.of("fr:commune:33318"))).isNotEmpty();
    }

    @Test
    void aCommuneOutsideTheMetropoleDoesNotSeeMetropoleItems() throws Exception {
        // Périgueux is in Dordogne (24), still in Nouvelle-Aquitaine (75).
        Set<String> actual = feedIds("place=fr:commune:24322&status=all");

        assertThat(actual)
                .doesNotContainAnyElementsOf(sampleIdsConcerning(Set.of("fr:epci:243300316")));
        assertThat(actual).containsAll(sampleIdsConcerning(Set.of("fr:region:75", "fr")));
    }

    @Test
    void theDefaultFeedShowsOnlyOpenAndUpcomingProcesses() throws Exception {
        JsonNode feed = get("/api/v1/feed?place=fr:commune:33063&limit=100", 200);

        assertThat(feed.path("items")).isNotEmpty();
        feed.path("items")
                .forEach(item -> assertThat(item.path("status").asText()).isIn("open", "upcoming"));
        assertThat(feed.path("facets").path("status").has("closed")).isTrue();
    }

    @Test
    void aBadParameterGetsAProblemBodyNamingIt() throws Exception {
        JsonNode problem = get("/api/v1/feed?place=fr:commune:33063&scope=nearby", 400);

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("parameter").asText()).isEqualTo("scope");
        assertThat(problem.path("value").asText()).isEqualTo("nearby");
    }

    @Test
    void everyFeedItemCarriesItsSourceLicence() throws Exception {
        JsonNode feed = get("/api/v1/feed?place=fr&scope=within&status=all&limit=100", 200);

        feed.path("items")
                .forEach(item ->
                        assertThat(item.path("licence").path("id").asText()).isEqualTo("CC0-1.0"));
    }

    @Test
    void harvestedProcessesCarryExplainedThemes() throws Exception {
        JsonNode feed = get("/api/v1/feed?place=fr&scope=within&status=all&limit=100", 200);
        String key = feed.path("items").get(0).path("sourceKey").asText();

        feed.path("items")
                .forEach(item -> assertThat(item.path("themes"))
                        .as(item.path("id").asText())
                        .isNotEmpty());
        JsonNode item = get("/api/v1/items/" + key, 200);
        assertThat(item.path("themes")).isNotEmpty();
        item.path("themes")
                .forEach(theme -> assertThat(theme.path("evidence").asText()).isNotBlank());
    }
}
