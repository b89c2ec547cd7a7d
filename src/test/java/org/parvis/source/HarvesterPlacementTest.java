package org.parvis.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.AreaId;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.store.HarvestRun;
import org.parvis.store.JdbcStore;
import org.parvis.store.SourceIssue;
import org.parvis.store.Store;
import org.parvis.store.StoreLocation;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.PlaceSearch;
import org.parvis.territory.ScopeResolver;
import org.parvis.territory.UnresolvedScopes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real harvest over loopback HTTP of Decidim-like records from Bordeaux Métropole: scope labels
 * are placed inside the source's territory, and the source's category overrides decide themes.
 */
class HarvesterPlacementTest {

    private static final String SOURCE_ID = "bordeaux-participation";
    private static final AreaId METROPOLE = AreaId.parse("fr:epci:243300316");
    private static final AreaId MERIGNAC = AreaId.parse("fr:commune:33281");
    private static final URI PUBLIC =
            URI.create("https://participation.bordeaux-metropole.example");

    private static PlaceSearch places;

    private HttpServer server;
    private Store store;
    private UnresolvedScopes unresolved;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void loadGazetteer() {
        places = PlaceSearch.of(FrenchGazetteer.loadDefault());
    }

    @BeforeEach
    void start() throws IOException {
        ObjectMapper mapper = Json.mapper();
        ObjectNode page = mapper.createObjectNode();
        var items = page.putArray("items");
        for (Item item : records()) {
            ObjectNode node = mapper.valueToTree(item);
            node.remove("provenance");
            items.add(node);
        }
        page.putNull("next");
        byte[] body = mapper.writeValueAsBytes(page);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));
        unresolved = new UnresolvedScopes();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    private SourceConfig source() {
        return new SourceConfig(
                SOURCE_ID,
                UnifiedJsonConnector.KIND,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "Participation Bordeaux Métropole",
                "Bordeaux Métropole",
                METROPOLE,
                List.of("fr"),
                Duration.ofHours(6),
                Licence.UNKNOWN,
                false);
    }

    private HarvestRun harvest(SourceConfig source) {
        ScopeResolver resolver = ScopeResolver.create(places, Optional.empty(), unresolved);
        Harvester harvester = new Harvester(
                store,
                Connectors.defaults(),
                new HttpFetcher(HttpFetcher.Settings.defaults(
                        "0.0-test", URI.create("https://parvis.example/harvester"))),
                Clock.systemUTC(),
                HarvestListener.NONE,
                new SimpleMeterRegistry(),
                resolver);
        return harvester.harvest(source);
    }

    private static List<Item> records() {
        Provenance provenance = new Provenance(
                SOURCE_ID,
                Instant.parse("2026-03-01T00:00:00Z"),
                null,
                HarvestMethod.REST,
                null,
                Licence.UNKNOWN,
                List.of());
        Process merignac = process("merignac-parc", "Aménagement du parc du Vivier", "Mérignac")
                .withProvenance(provenance)
                .build();
        Process bastide = process("bastide-niel", "Réaménagement des quais", "Quartier Bastide")
                .withProvenance(provenance)
                .build();
        Process bastideAgain = process(
                        "bastide-jardins", "Jardins partagés rive droite", "Quartier Bastide")
                .withProvenance(provenance)
                .build();
        Contribution meeting = new Contribution(
                URI.create(PUBLIC + "/processes/merignac-parc/f/12/proposals/7"),
                new SourceKey(SOURCE_ID, "proposal/7"),
                null,
                ContributionKind.PROPOSAL,
                merignac.id(),
                null,
                LocalizedText.of("fr", "Des bancs près de l'aire de jeux"),
                null,
                List.of(),
                null,
                null,
                null,
                "Avenue de la Marne, 33700 Mérignac",
                null,
                null,
                null,
                List.of(),
                false,
                provenance);
        return List.of(merignac, bastide, bastideAgain, meeting);
    }

    private static ProcessBuilder process(String slug, String title, String scope) {
        return ProcessBuilder.create()
                .withId(URI.create(PUBLIC + "/processes/" + slug))
                .withSourceKey(new SourceKey(SOURCE_ID, "process/" + slug))
                .withProcessType(ProcessType.CONSULTATION)
                .withTitle(LocalizedText.of("fr", title))
                .addTerritoryLabel(scope)
                .addSourceTheme("Projet urbain Bastide-Niel");
    }

    private Process stored(String slug) {
        return (Process)
                store.findItem(URI.create(PUBLIC + "/processes/" + slug)).orElseThrow();
    }

    @Test
    void scopeNamingACommuneInsideTheMetropolePlacesTheProcessThere() {
        HarvestRun run = harvest(source());

        assertThat(run.outcome()).isEqualTo(HarvestRun.Outcome.SUCCESS);
        assertThat(stored("merignac-parc").territories())
                .containsExactly(new TerritoryRef(MERIGNAC, Derivation.MAPPED, "Mérignac"));
    }

    @Test
    void neighbourhoodScopeStaysAtTheMetropoleAndIsReportedOncePerRun() {
        HarvestRun run = harvest(source());

        assertThat(stored("bastide-niel").territories())
                .containsExactly(TerritoryRef.of(METROPOLE, Derivation.ORGANISER));
        List<SourceIssue> scopeIssues = run.issues().stream()
                .filter(issue -> issue.type().equals("unresolved-scope"))
                .toList();
        assertThat(scopeIssues).hasSize(1);
        assertThat(scopeIssues.get(0).recordRef()).isEqualTo("Quartier Bastide");
        assertThat(scopeIssues.get(0).message()).contains("scopes:", METROPOLE.toString());
        assertThat(store.listIssues(SOURCE_ID, 10))
                .extracting(SourceIssue::recordRef)
                .contains("Quartier Bastide");
        assertThat(unresolved.list(SOURCE_ID))
                .extracting(UnresolvedScopes.UnresolvedScope::label)
                .containsExactly("Quartier Bastide");
    }

    @Test
    void configuredScopeMappingPlacesTheNeighbourhood() {
        AreaId bordeaux = AreaId.parse("fr:commune:33063");
        HarvestRun run = harvest(source().withScopes(Map.of("quartier bastide", bordeaux)));

        assertThat(stored("bastide-niel").territories())
                .containsExactly(new TerritoryRef(bordeaux, Derivation.MANUAL, "Quartier Bastide"));
        assertThat(run.issues()).extracting(SourceIssue::type).doesNotContain("unresolved-scope");
    }

    @Test
    void contributionAddressPlacesItInItsCommune() {
        harvest(source());

        Contribution proposal = (Contribution)
                store.findItem(URI.create(PUBLIC + "/processes/merignac-parc/f/12/proposals/7"))
                        .orElseThrow();
        assertThat(proposal.territories()).extracting(TerritoryRef::area).containsExactly(MERIGNAC);
    }

    @Test
    void categoryOverrideGivesTheThemeAndNamesTheCategory() {
        harvest(source());
        assertThat(stored("bastide-niel").themes())
                .extracting(ThemeAssignment::theme)
                .doesNotContain("culture_patrimoine");

        harvest(source().withCategoryThemes(
                        Map.of("Projet urbain Bastide-Niel", "culture_patrimoine")));

        ThemeAssignment theme = stored("bastide-niel").themes().stream()
                .filter(t -> t.theme().equals("culture_patrimoine"))
                .findFirst()
                .orElseThrow();
        assertThat(theme.evidence()).contains("Projet urbain Bastide-Niel", "override");
    }
}
