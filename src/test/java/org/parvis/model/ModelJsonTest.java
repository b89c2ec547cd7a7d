package org.parvis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class ModelJsonTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Provenance provenance() {
        return new Provenance(
                "bordeaux-decidim",
                NOW,
                URI.create("https://participation.bordeaux-metropole.example/api?token=secret"),
                HarvestMethod.GRAPHQL,
                null,
                new Licence(
                        "ODbL-1.0",
                        "https://opendatacommons.org/licenses/odbl/1-0/",
                        "Bordeaux Métropole"),
                List.of());
    }

    static Process richProcess() {
        return ProcessBuilder.create()
                .withId(URI.create(
                        "https://participation.bordeaux-metropole.example/processes/velo"))
                .withSourceKey(new SourceKey("bordeaux-decidim", "ParticipatoryProcess/12"))
                .withReference("BM-PROC-2026-12")
                .withProcessType(ProcessType.CONSULTATION)
                .withTitle(new LocalizedText(Map.of("fr", "Plan vélo", "en", "Cycling plan"), "fr"))
                .withSummary(LocalizedText.of("fr", "Donnez votre avis sur les pistes cyclables."))
                .addOrganiser(new Organiser(
                        "Bordeaux Métropole",
                        OrganiserKind.EPCI,
                        AreaId.epci("243300316"),
                        "243300316",
                        URI.create("https://www.bordeaux-metropole.example/")))
                .withWindow(
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2027-01-31T23:00:00Z"))
                .addStep(new Step(
                        LocalizedText.of("fr", "Dépôt des avis"), null, null, null, 1, true))
                .addTerritory(
                        new TerritoryRef(AreaId.commune("33281"), Derivation.MAPPED, "Mérignac"))
                .addTerritoryLabel("Mérignac")
                .addTheme(new ThemeAssignment(
                        "mobilite", ThemeMethod.SOURCE_MAPPING, 1.0, "Mobilités douces"))
                .addSourceTheme("Mobilités douces")
                .withCounts(new Counts(120L, 45L, null, null, 12L, null))
                .withProvenance(provenance())
                .build();
    }

    @Test
    void processSurvivesAJsonRoundTrip() {
        Process process = richProcess();

        String json = Json.write(process);
        Item back = Json.read(json, Item.class);

        assertThat(back).isEqualTo(process);
        assertThat(json).contains("\"type\":\"process\"", "\"processType\":\"consultation\"");
    }

    @Test
    void contributionSurvivesAJsonRoundTrip() {
        Contribution meeting = new Contribution(
                URI.create("https://participation.bordeaux-metropole.example"
                        + "/processes/velo/f/3/meetings/7"),
                new SourceKey("bordeaux-decidim", "Meeting/7"),
                null,
                ContributionKind.MEETING,
                URI.create("https://participation.bordeaux-metropole.example/processes/velo"),
                null,
                LocalizedText.of("fr", "Atelier à Mérignac"),
                null,
                List.of(new Author("Bordeaux Métropole", Author.Kind.ORGANISATION, null, null)),
                NOW,
                null,
                null,
                "Place Charles-de-Gaulle, 33700 Mérignac",
                new GeoPoint(44.8386, -0.6436),
                new MeetingDetails(
                        NOW, NOW.plusSeconds(7200), MeetingDetails.Mode.HYBRID, null, null, null),
                null,
                List.of(),
                true,
                provenance());

        assertThat(Json.read(Json.write(meeting), Item.class)).isEqualTo(meeting);
    }

    @Test
    void provenanceDropsTheQueryStringOfTheUrlItWasReadFrom() {
        assertThat(provenance().retrievedFrom())
                .isEqualTo(URI.create("https://participation.bordeaux-metropole.example/api"));
    }

    @Test
    void processRejectsAnEndBeforeItsStart() {
        ProcessBuilder builder = richProcess().toBuilder().withWindow(NOW, NOW.minusSeconds(1));

        assertThatThrownBy(builder::build)
                .hasMessageContaining("ends")
                .hasMessageContaining("before it starts");
    }

    @Test
    void processRejectsASourceKeyFromAnotherSourceThanItsProvenance() {
        ProcessBuilder builder =
                richProcess().toBuilder().withSourceKey(new SourceKey("other", "1"));

        assertThatThrownBy(builder::build)
                .hasMessageContaining("other:1")
                .hasMessageContaining("bordeaux-decidim");
    }

    @Test
    void processIdMustBeAnAbsoluteWebUrl() {
        ProcessBuilder builder = richProcess().toBuilder().withId(URI.create("/processes/velo"));

        assertThatThrownBy(builder::build).hasMessageContaining("absolute http(s) URL");
    }
}
