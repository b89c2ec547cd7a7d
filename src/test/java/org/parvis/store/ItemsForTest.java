package org.parvis.store;

import org.parvis.model.AreaId;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Counts;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Organiser;
import org.parvis.model.OrganiserKind;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.Step;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Small items for store tests: every item of source {@code s} lives at {@code
 * https://s.example.org/…}.
 */
final class ItemsForTest {

    static final Instant RETRIEVED_AT = Instant.parse("2025-03-01T08:00:00Z");

    private ItemsForTest() {}

    static SourceKey key(String sourceId, String nativeId) {
        return new SourceKey(sourceId, nativeId);
    }

    static URI url(String sourceId, String path) {
        return URI.create("https://" + sourceId + ".example.org/" + path);
    }

    static Provenance provenance(String sourceId, Instant retrievedAt) {
        return new Provenance(
                sourceId,
                retrievedAt,
                URI.create("https://" + sourceId + ".example.org/api"),
                HarvestMethod.GRAPHQL,
                null,
                new Licence("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/", null),
                List.of());
    }

    /** A consultation {@code nativeId} of {@code sourceId}, titled "Consultation nativeId". */
    static ProcessBuilder process(String sourceId, String nativeId) {
        return ProcessBuilder.create()
                .withId(url(sourceId, "processes/" + nativeId))
                .withSourceKey(key(sourceId, "Process/" + nativeId))
                .withTitle(LocalizedText.of("fr", "Consultation " + nativeId))
                .withProvenance(provenance(sourceId, RETRIEVED_AT));
    }

    static Process processItem(String sourceId, String nativeId) {
        return process(sourceId, nativeId).build();
    }

    /** The same process with another title: changed content. */
    static Process retitled(Process process, String title) {
        return process.toBuilder().withTitle(LocalizedText.of("fr", title)).build();
    }

    /** The same process read again at another time: identical content. */
    static Process reRetrieved(Process process, Instant retrievedAt) {
        return process.toBuilder()
                .withProvenance(provenance(process.sourceKey().sourceId(), retrievedAt))
                .build();
    }

    /** A proposal {@code nativeId} posted in {@code process} at {@code createdAt}. */
    static Contribution proposal(Process process, String nativeId, Instant createdAt) {
        String sourceId = process.sourceKey().sourceId();
        return new Contribution(
                url(sourceId, "proposals/" + nativeId),
                key(sourceId, "Proposal/" + nativeId),
                null,
                ContributionKind.PROPOSAL,
                process.id(),
                null,
                LocalizedText.of("fr", "Proposition " + nativeId),
                LocalizedText.of("fr", "<p>Plus de pistes cyclables</p>"),
                List.of(new Author("Camille", Author.Kind.PERSON, null, "user-" + nativeId)),
                createdAt,
                null,
                "evaluating",
                null,
                null,
                null,
                new Counts(null, null, 12L, null, 3L, null),
                List.of(),
                false,
                provenance(sourceId, RETRIEVED_AT));
    }

    /** A process using every field the model has. */
    static Process richProcess() {
        AreaId bordeaux = AreaId.commune("33063");
        return process("bordeaux-decidim", "42")
                .withReference("BDX-2025-42")
                .withProcessType(ProcessType.PARTICIPATORY_BUDGET)
                .withSourceType("ParticipatoryProcess")
                .withTitle(new LocalizedText(
                        Map.of("fr", "Budget participatif 2025", "en", "Participatory budget 2025"),
                        "fr"))
                .withSummary(LocalizedText.of("fr", "Proposez vos projets"))
                .withDescription(LocalizedText.of("fr", "<p>Un million d'euros pour vos idées</p>"))
                .addOrganiser(new Organiser(
                        "Ville de Bordeaux",
                        OrganiserKind.COMMUNE,
                        bordeaux,
                        "213300635",
                        URI.create("https://www.bordeaux.fr")))
                .addOrganiser(Organiser.of(
                        "Bordeaux Métropole", OrganiserKind.EPCI, AreaId.epci("243300316")))
                .withAudience("habitants de plus de 16 ans")
                .withWindow(
                        Instant.parse("2025-01-15T09:00:00Z"),
                        Instant.parse("2025-06-30T21:59:59Z"))
                .withPublishedAt(Instant.parse("2025-01-10T10:30:00.123456Z"))
                .withUpdatedAt(Instant.parse("2025-02-01T12:00:00Z"))
                .withSourceStatus("active")
                .addStep(new Step(
                        LocalizedText.of("fr", "Dépôt des projets"),
                        LocalizedText.of("fr", "Déposez en ligne"),
                        Instant.parse("2025-01-15T09:00:00Z"),
                        Instant.parse("2025-03-15T22:59:59Z"),
                        1,
                        true))
                .addStep(new Step(
                        LocalizedText.of("fr", "Vote"),
                        null,
                        Instant.parse("2025-05-01T08:00:00Z"),
                        Instant.parse("2025-06-30T21:59:59Z"),
                        2,
                        false))
                .addTerritory(new TerritoryRef(bordeaux, Derivation.ORGANISER, "Bordeaux"))
                .addTerritory(TerritoryRef.of(AreaId.departement("33"), Derivation.MAPPED))
                .addTerritoryLabel("Bordeaux")
                .addTheme(new ThemeAssignment(
                        "mobilite", ThemeMethod.SOURCE_MAPPING, 1.0, "Mobilités"))
                .addTheme(new ThemeAssignment(
                        "cadre_de_vie", ThemeMethod.LEXICON, 0.62, "parc, jardin"))
                .addSourceTheme("Mobilités")
                .withParticipateUrl(
                        URI.create("https://bordeaux-decidim.example.org/processes/42/f/7"))
                .withLanguages(List.of("fr", "en"))
                .withCounts(new Counts(1520L, 310L, 9800L, null, 45L, 12L))
                .withParent(URI.create("https://bordeaux-decidim.example.org/assemblies/3"))
                .withIdBuilt(false)
                .build();
    }
}
