package org.parvis.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parvis.feed.FeedForTest.slugs;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.BORDEAUX_METROPOLE;
import static org.parvis.index.GazetteerForTest.MERIGNAC;
import static org.parvis.index.ProcessesForTest.organiser;
import static org.parvis.index.ProcessesForTest.process;
import static org.parvis.index.ProcessesForTest.theme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedForTest.Query;
import org.parvis.model.LocalizedText;
import org.parvis.model.ProcessType;

import java.util.List;
import java.util.Map;

/** Theme and kind filters, and full-text search in several languages. */
class FeedFilterTest {

    private final FeedForTest feed = new FeedForTest(List.of(
            process("plan-velo", BORDEAUX)
                    .withTitle(LocalizedText.of("fr", "Plan vélo de la ville"))
                    .withSummary(
                            LocalizedText.of("fr", "Donnez votre avis sur les pistes cyclables."))
                    .withProcessType(ProcessType.CONSULTATION)
                    .addTheme(theme("mobilite"))
                    .build(),
            process("budget-ecoles", BORDEAUX)
                    .withTitle(LocalizedText.of("fr", "Budget participatif des écoles"))
                    .withProcessType(ProcessType.PARTICIPATORY_BUDGET)
                    .addTheme(theme("education"))
                    .addTheme(theme("finances_publiques"))
                    .build(),
            process("navette", BORDEAUX_METROPOLE)
                    .withTitle(LocalizedText.of("fr", "Nouvelle navette"))
                    .withDescription(
                            LocalizedText.of("fr", "Une navette relie la gare et merignac centre."))
                    .withProcessType(ProcessType.CONSULTATION)
                    .addTheme(theme("mobilite"))
                    .addTheme(theme("environnement"))
                    .build(),
            process("petition-arbres", BORDEAUX)
                    .withTitle(LocalizedText.of("fr", "Pétition : plantons des arbres"))
                    .withProcessType(ProcessType.PETITION)
                    .addTheme(theme("environnement"))
                    .build(),
            process("cycling-survey", BORDEAUX)
                    .withTitle(LocalizedText.of("en", "Cycling survey for visitors"))
                    .withProcessType(ProcessType.SURVEY)
                    .build(),
            process("aeroport", MERIGNAC)
                    .withTitle(LocalizedText.of("fr", "Avenir de l'aéroport"))
                    .addOrganiser(organiser("Ville de Mérignac", MERIGNAC))
                    .build(),
            process("plaza-mayor", BORDEAUX)
                    .withTitle(LocalizedText.of("es", "Renovación de las plazas"))
                    .build(),
            process("bilingue", BORDEAUX)
                    .withTitle(new LocalizedText(
                            Map.of("fr", "Marché de Noël", "de", "Weihnachtsmärkte"), "fr"))
                    .build()));

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void themesSelectItemsWithAnyOfThem() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).themes("mobilite"))))
                .containsExactlyInAnyOrder("plan-velo", "navette");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).themes("education", "environnement"))))
                .containsExactlyInAnyOrder("budget-ecoles", "navette", "petition-arbres");
    }

    @Test
    void kindsSelectItemsOfAnyOfThem() {
        assertThat(slugs(feed.query(
                        Query.around(BORDEAUX).kinds(ProcessType.PETITION, ProcessType.SURVEY))))
                .containsExactlyInAnyOrder("petition-arbres", "cycling-survey");
    }

    @Test
    void themesAndKindsCombine() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX)
                        .themes("mobilite", "environnement")
                        .kinds(ProcessType.CONSULTATION))))
                .containsExactlyInAnyOrder("plan-velo", "navette");
    }

    @Test
    void anUnknownThemeSelectsNothing() {
        assertThat(feed.query(Query.around(BORDEAUX).themes("sport")).total()).isZero();
    }

    @Test
    void frenchTextIsStemmedAndFoldsAccents() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("vélos"))))
                .containsExactly("plan-velo");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("velo"))))
                .containsExactly("plan-velo");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("cyclable"))))
                .containsExactly("plan-velo");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("ECOLE"))))
                .containsExactly("budget-ecoles");
    }

    @Test
    void accentedQueryFindsUnaccentedText() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("Mérignac"))))
                .containsExactly("navette");
    }

    @Test
    void organiserAndPlaceNamesAreSearchable() {
        assertThat(slugs(feed.query(Query.around(MERIGNAC).text("merignac"))))
                .containsExactlyInAnyOrder("aeroport", "navette");
        assertThat(slugs(feed.query(Query.around(MERIGNAC).text("aéroport ville"))))
                .containsExactly("aeroport");
    }

    @Test
    void everyWordMustMatchButFrenchStopWordsAreIgnored() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("plan vélo"))))
                .containsExactly("plan-velo");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("le plan de la ville"))))
                .containsExactly("plan-velo");
        assertThat(feed.query(Query.around(BORDEAUX).text("vélo arbres")).total())
                .isZero();
    }

    @Test
    void otherLanguagesUseTheirOwnAnalyzer() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("cycle"))))
                .containsExactly("cycling-survey");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("renovacion plaza"))))
                .containsExactly("plaza-mayor");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("weihnachtsmarkt"))))
                .containsExactly("bilingue");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("marchés"))))
                .containsExactly("bilingue");
    }

    @Test
    void operatorsWork() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("navette | arbres"))))
                .containsExactlyInAnyOrder("navette", "petition-arbres");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("\"plan vélo\""))))
                .containsExactly("plan-velo");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("budg*"))))
                .containsExactly("budget-ecoles");
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("plan -vélo")))).isEmpty();
    }

    @Test
    void brokenSyntaxNeverThrows() {
        for (String text : List.of(
                "\"foo AND (", "((((", "\"", "-", "*", "~2", "a\\", "|||", "+-+", "vélo)")) {
            FeedResult result = feed.query(Query.around(BORDEAUX).text(text));
            assertThat(result.total()).as(text).isGreaterThanOrEqualTo(0);
        }
        assertThat(slugs(feed.query(Query.around(BORDEAUX).text("vélo)"))))
                .containsExactly("plan-velo");
    }

    @Test
    void textWithOnlyStopWordsOrPunctuationFindsNothing() {
        assertThat(feed.query(Query.around(BORDEAUX).text("!!! ???")).total()).isZero();
    }
}
