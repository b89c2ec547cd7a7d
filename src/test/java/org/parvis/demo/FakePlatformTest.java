package org.parvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parvis.model.AreaId;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.Step;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.source.SourceConfig;
import org.parvis.theme.Theme;
import org.parvis.theme.ThemeCatalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The bundled sample data and the platform that serves it. */
class FakePlatformTest {

    private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

    /** The Parvis theme list. */
    private static final Set<String> THEMES = ThemeCatalog.loadDefault().listThemes().stream()
            .map(Theme::id)
            .collect(Collectors.toSet());

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = FakePlatform.start(START);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private List<Item> allItems() {
        return platform.listSourceIds().stream()
                .flatMap(id -> platform.listItems(id).stream())
                .toList();
    }

    private List<Process> processes() {
        return allItems().stream()
                .filter(Process.class::isInstance)
                .map(Process.class::cast)
                .toList();
    }

    private List<Contribution> contributions() {
        return allItems().stream()
                .filter(Contribution.class::isInstance)
                .map(Contribution.class::cast)
                .toList();
    }

    @Test
    void sourcesAreMarkedAsSampleDataUnderCc0() {
        List<SourceConfig> sources = platform.listSources();

        assertThat(sources).hasSizeGreaterThanOrEqualTo(4);
        assertThat(sources).allSatisfy(source -> {
            assertThat(source.sample()).isTrue();
            assertThat(source.name()).startsWith("Données d'exemple — ");
            assertThat(source.licence().id()).isEqualTo("CC0-1.0");
            assertThat(source.baseUrl().getHost()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void sampleCoversTheDemoTerritoriesWithManyOrganisers() {
        Set<AreaId> areas = processes().stream()
                .flatMap(p -> p.territories().stream())
                .map(TerritoryRef::area)
                .collect(Collectors.toSet());

        assertThat(processes()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(areas)
                .contains(
                        AreaId.parse("fr:epci:243300316"),
                        AreaId.parse("fr:commune:33063"),
                        AreaId.parse("fr:commune:33281"),
                        AreaId.parse("fr:commune:33318"),
                        AreaId.parse("fr:departement:33"),
                        AreaId.parse("fr:region:75"),
                        AreaId.parse("fr:commune:24322"),
                        AreaId.parse("fr:arrondissement:75112"),
                        AreaId.FRANCE);
        assertThat(processes().stream()
                        .map(p -> p.findMainOrganiser().orElseThrow().name())
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(processes().stream().map(Process::processType).collect(Collectors.toSet()))
                .contains(
                        ProcessType.CONSULTATION,
                        ProcessType.PARTICIPATORY_BUDGET,
                        ProcessType.PETITION,
                        ProcessType.PUBLIC_INQUIRY,
                        ProcessType.PRIOR_CONCERTATION,
                        ProcessType.ASSEMBLY,
                        ProcessType.SURVEY,
                        ProcessType.CALL_FOR_IDEAS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-10T08:00:00Z", "2027-12-31T23:30:00Z", "2030-07-14T12:00:00Z"})
    void anyStartDateGivesOpenUpcomingAndClosedProcesses(String start) throws IOException {
        Instant now = Instant.parse(start);
        try (FakePlatform other = FakePlatform.start(now)) {
            Set<ProcessStatus> statuses = EnumSet.noneOf(ProcessStatus.class);
            for (String id : other.listSourceIds()) {
                for (Item item : other.listItems(id)) {
                    if (item instanceof Process process) {
                        statuses.add(process.statusAt(now));
                    }
                }
            }
            assertThat(statuses)
                    .contains(ProcessStatus.OPEN, ProcessStatus.UPCOMING, ProcessStatus.CLOSED);
        }
    }

    @Test
    void atMostOneStepIsActiveAndItIsTheCurrentOne() {
        for (Process process : processes()) {
            List<Step> active = process.steps().stream().filter(Step::active).toList();
            assertThat(active).as(process.id().toString()).hasSizeLessThanOrEqualTo(1);
            active.forEach(step -> assertThat(START).isBetween(step.startAt(), step.endAt()));
        }
        assertThat(processes().stream().flatMap(p -> p.steps().stream()).filter(Step::active))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void themesComeFromTheParvisListWithTheSourceCategoryAsEvidence() {
        for (Process process : processes()) {
            assertThat(process.themes()).as(process.id().toString()).isNotEmpty();
            assertThat(process.themes())
                    .extracting(ThemeAssignment::theme)
                    .allMatch(THEMES::contains);
            assertThat(process.themes())
                    .allSatisfy(theme -> assertThat(theme.evidence())
                            .contains(process.sourceThemes().get(0)));
        }
    }

    @Test
    void publicUrlsAreHttpsOnReservedExampleHosts() {
        for (Item item : allItems()) {
            assertThat(item.id().getScheme()).isEqualTo("https");
            assertThat(item.id().getHost()).endsWith(".example");
        }
        for (Process process : processes()) {
            assertThat(process.participateUrl().toString())
                    .startsWith(process.id().toString());
        }
    }

    @Test
    void contributionsPointToItemsThatExist() {
        Map<URI, Item> byId =
                allItems().stream().collect(Collectors.toMap(Item::id, Function.identity()));
        Set<ContributionKind> kinds = new HashSet<>();

        for (Contribution contribution : contributions()) {
            kinds.add(contribution.kind());
            assertThat(byId.get(contribution.process())).isInstanceOf(Process.class);
            if (contribution.parent() != null) {
                assertThat(byId).containsKey(contribution.parent());
            }
            assertThat(contribution.kind() == ContributionKind.COMMENT)
                    .isEqualTo(contribution.parent() != null);
        }

        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        ContributionKind.MEETING,
                        ContributionKind.PROPOSAL,
                        ContributionKind.COMMENT);
        assertThat(contributions().stream()
                        .filter(c -> c.kind() == ContributionKind.COMMENT
                                && byId.get(c.parent()) instanceof Contribution parent
                                && parent.kind() == ContributionKind.COMMENT))
                .as("replies to comments")
                .isNotEmpty();
    }

    @Test
    void pagesListTenRecordsAndLinkToTheNext() throws Exception {
        SourceConfig source = platform.listSources().get(0);
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> first = client.send(
                HttpRequest.newBuilder(
                                URI.create(source.baseUrl() + "/parvis-export/v1/items?page=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = client.send(
                HttpRequest.newBuilder(
                                URI.create(platform.baseUrl() + "/nowhere/parvis-export/v1/items"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode page = Json.mapper().readTree(first.body());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(page.get("items")).hasSize(FakePlatform.PAGE_SIZE);
        assertThat(page.get("items").get(0).has("provenance")).isFalse();
        assertThat(page.get("next").asText())
                .isEqualTo(source.baseUrl() + "/parvis-export/v1/items?page=2");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
