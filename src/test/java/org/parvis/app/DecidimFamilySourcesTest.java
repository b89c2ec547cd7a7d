package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.demo.FakeDataspace;
import org.parvis.demo.FakeOpenDataExport;
import org.parvis.model.Json;
import org.parvis.source.HarvestListener;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;
import org.parvis.web.ApiServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open-data and data space source kinds through the node: configured in {@code parvis.yml},
 * harvested over loopback HTTP from the demo's fake upstreams, served by the feed.
 */
class DecidimFamilySourcesTest {

    @TempDir
    Path dir;

    @Test
    void bothKindsAreAcceptedInTheConfigurationFile() throws Exception {
        Path file = dir.resolve("parvis.yml");
        Files.writeString(file, """
                sources:
                  - id: rennes-open-data
                    kind: decidim-open-data
                    baseUrl: https://fabrique.example.org
                    name: Fabrique citoyenne de Rennes
                    territory: fr:commune:35238
                    locales: [fr, en]
                    licence: {id: unknown}
                  - id: nantes-dataspace
                    kind: dataspace
                    baseUrl: https://dialogue.example.org
                    name: Dialogue citoyen Nantes Métropole
                    territory: fr:epci:244400404
                """, StandardCharsets.UTF_8);

        ParvisConfig config = ParvisConfig.read(file);

        assertThat(config.sources())
                .extracting(SourceConfig::id, SourceConfig::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "rennes-open-data", "decidim-open-data"),
                        org.assertj.core.groups.Tuple.tuple("nantes-dataspace", "dataspace"));
    }

    @Test
    void theFeedServesWhatBothUpstreamsPublish() throws Exception {
        Instant now = Instant.now();
        try (FakeOpenDataExport export = FakeOpenDataExport.start(now);
                FakeDataspace dataspace = FakeDataspace.start(now)) {
            List<SourceConfig> sources = List.of(
                    export.sourceConfig("demo-rennes-open-data"),
                    dataspace.sourceConfig("demo-nantes-dataspace"));
            try (NodeRuntime node =
                    new Node.Factory().open(NodeOptions.settings(dir, null, sources))) {
                var harvester =
                        Commands.harvester(node, Version.DEFAULT_CONTACT, HarvestListener.NONE);
                for (SourceConfig source : sources) {
                    assertThat(harvester.harvest(source).outcome())
                            .isEqualTo(HarvestRun.Outcome.SUCCESS);
                }
                ApiServer api = (ApiServer) node.startApi("127.0.0.1", 0);
                try {
                    assertThat(titles(api, "fr:commune:35238"))
                            .contains("Budget participatif 2026 : vos projets pour Rennes")
                            .doesNotContain("La Loire et nous : quels usages du fleuve demain ?");
                    assertThat(titles(api, "fr:commune:44109"))
                            .contains("La Loire et nous : quels usages du fleuve demain ?")
                            .doesNotContain("Budget participatif 2026 : vos projets pour Rennes");
                } finally {
                    api.close();
                }
            }
        }
    }

    private static List<String> titles(ApiServer api, String place) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + api.port() + "/api/v1/feed?place=" + place
                + "&status=all&limit=100");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = Json.mapper().readTree(response.body()).path("items");
        List<String> titles = new ArrayList<>();
        items.forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }
}
