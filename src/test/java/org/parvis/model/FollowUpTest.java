package org.parvis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Follow-up of items (answer, lineage, cost, outcomes): kept through JSON and through placement,
 * absent when empty, validated.
 */
class FollowUpTest {

    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final URI SPACE =
            URI.create("https://fabrique.rennes.example/processes/bp-2026");
    private static final URI AMENDMENT = URI.create(SPACE + "/f/12/proposals/78");
    private static final URI ORIGINAL = URI.create(SPACE + "/f/12/proposals/41");
    private static final Provenance PROVENANCE = new Provenance(
            "rennes-open-data",
            NOW,
            null,
            HarvestMethod.OPEN_DATA_CSV,
            null,
            Licence.UNKNOWN,
            List.of());

    private static Contribution amendment(Integer stance, FollowUp followUp) {
        return new Contribution(
                AMENDMENT,
                new SourceKey("rennes-open-data", "Proposal/78"),
                null,
                ContributionKind.AMENDMENT,
                SPACE,
                null,
                LocalizedText.of("fr", "Ajouter un abri vélo couvert"),
                null,
                List.of(),
                NOW,
                NOW,
                "accepted",
                null,
                null,
                null,
                Counts.NONE,
                List.of(),
                false,
                PROVENANCE,
                stance,
                followUp);
    }

    private static FollowUp answered() {
        return new FollowUp(
                new OfficialAnswer(
                        LocalizedText.of("fr", "Retenu pour l'étude technique."),
                        NOW,
                        null,
                        null,
                        null),
                List.of(new Lineage(LineageRelation.AMENDS, ORIGINAL)),
                Money.euros(new BigDecimal("12500.50")),
                List.of());
    }

    @Test
    void aContributionsAnswerLineageAndCostSurviveAJsonRoundTrip() {
        Contribution contribution = amendment(null, answered());

        String json = Json.write(contribution);

        assertThat(json)
                .contains("\"relation\":\"amends\"")
                .contains("\"amount\":12500.50")
                .contains("Retenu pour l'étude technique.");
        assertThat(Json.read(json, Item.class)).isEqualTo(contribution);
    }

    @Test
    void anEmptyFollowUpIsLeftOutOfTheItem() {
        Contribution contribution = amendment(null, FollowUp.NONE);

        assertThat(contribution.followUp()).isNull();
        assertThat(Json.write(contribution)).doesNotContain("followUp");
    }

    @Test
    void placingAContributionKeepsItsStanceAndFollowUp() {
        Contribution contribution = amendment(1, answered());
        TerritoryRef rennes =
                new TerritoryRef(AreaId.parse("fr:commune:35238"), Derivation.MAPPED, "Rennes");

        Contribution placed = contribution.withTerritories(List.of(rennes));

        assertThat(placed.territories()).containsExactly(rennes);
        assertThat(placed.stance()).isEqualTo(1);
        assertThat(placed.followUp()).isEqualTo(answered());
    }

    @Test
    void aProcessCarriesTheOutcomesThatImplementItsProposals() {
        Outcome outcome = new Outcome(
                URI.create(SPACE + "/f/15/results/9"),
                LocalizedText.of("fr", "Abris vélos dans les écoles"),
                null,
                "in_progress",
                LocalizedText.of("fr", "En cours"),
                40,
                LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-12-31"),
                List.of(ORIGINAL),
                null,
                null);
        Process process = ProcessBuilder.create()
                .withId(SPACE)
                .withSourceKey(new SourceKey("rennes-open-data", "ParticipatoryProcess/3"))
                .withTitle(LocalizedText.of("fr", "Budget participatif 2026"))
                .withProvenance(PROVENANCE)
                .addOutcome(outcome)
                .build();

        String json = Json.write(process);

        assertThat(json).contains("\"implements\":[\"" + ORIGINAL + "\"]");
        assertThat(Json.read(json, Item.class)).isEqualTo(process);
        assertThat(process.toBuilder().build().followUp().outcomes()).containsExactly(outcome);
    }

    @Test
    void badValuesAreRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> new Money(new BigDecimal("-1"), "EUR"))
                .hasMessageContaining("zero or more");
        assertThatThrownBy(() -> new Money(BigDecimal.TEN, "euros"))
                .hasMessageContaining("'euros' is not an ISO 4217 code");
        assertThatThrownBy(() -> new OfficialAnswer(LocalizedText.empty(), null, null, null, null))
                .hasMessageContaining("needs a text, a date");
        assertThatThrownBy(() -> new Outcome(
                        URI.create(SPACE + "/f/15/results/9"),
                        LocalizedText.of("fr", "Abris"),
                        null,
                        null,
                        null,
                        140,
                        null,
                        null,
                        List.of(),
                        null,
                        null))
                .hasMessageContaining("progress 140; expected a percentage from 0 to 100");
        assertThatThrownBy(() -> new Outcome(
                        URI.create("javascript:alert(1)"),
                        LocalizedText.of("fr", "Abris"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null))
                .hasMessageContaining("must be the absolute http(s) URL of the outcome");
        assertThatThrownBy(() -> new Lineage(LineageRelation.AMENDS, null))
                .hasMessageContaining("needs a relation and the target item's http(s) URL");
    }
}
