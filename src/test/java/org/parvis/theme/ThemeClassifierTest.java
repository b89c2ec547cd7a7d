package org.parvis.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class ThemeClassifierTest {

    private static final ThemeClassifier CLASSIFIER = ThemeClassifier.loadDefault();

    private static List<ThemeAssignment> classify(
            String title, String description, String language) {
        return CLASSIFIER.classify(ClassificationInput.ofText(title, description, language));
    }

    private static List<ThemeAssignment> classifyCategories(
            List<String> categories, Map<String, String> overrides) {
        // A title with no subject, so that only the categories can give themes.
        return CLASSIFIER.classify(
                new ClassificationInput("Projet 12", "", "fr", categories, overrides));
    }

    private static ThemeAssignment find(List<ThemeAssignment> themes, String theme) {
        return themes.stream()
                .filter(a -> a.theme().equals(theme))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no theme " + theme + " in " + themes));
    }

    private static List<String> ids(List<ThemeAssignment> themes) {
        return themes.stream().map(ThemeAssignment::theme).toList();
    }

    @Nested
    class SourceCategories {

        @Test
        void commonCategoryNameMapsToItsThemeWithTheLabelAsEvidence() {
            List<ThemeAssignment> themes =
                    classifyCategories(List.of("Mobilités douces"), Map.of());

            assertThat(ids(themes)).containsExactly("mobilite");
            ThemeAssignment mobility = themes.get(0);
            assertThat(mobility.method()).isEqualTo(ThemeMethod.SOURCE_MAPPING);
            assertThat(mobility.score()).isEqualTo(ThemeClassifier.DEFAULT_MAPPING_SCORE);
            assertThat(mobility.evidence()).isEqualTo("source category \"Mobilités douces\"");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "MOBILITES DOUCES",
                    "mobilité douce",
                    "#MobilitéDouce",
                    "  Mobilités  douces "
                })
        void categoryLabelsMatchWhateverTheirCaseAccentsPluralOrHashtagForm(String label) {
            assertThat(ids(classifyCategories(List.of(label), Map.of())))
                    .containsExactly("mobilite");
        }

        @Test
        void categoryNamesInOtherLanguagesAreKnown() {
            assertThat(ids(classifyCategories(List.of("Medi ambient"), Map.of())))
                    .containsExactly("environnement");
            assertThat(ids(classifyCategories(List.of("Vivienda"), Map.of())))
                    .containsExactly("logement");
            assertThat(ids(classifyCategories(List.of("Bürgerbeteiligung"), Map.of())))
                    .containsExactly("democratie");
            assertThat(ids(classifyCategories(List.of("Trasporti"), Map.of())))
                    .containsExactly("mobilite");
            assertThat(ids(classifyCategories(List.of("Housing"), Map.of())))
                    .containsExactly("logement");
        }

        @Test
        void processTypeCategoryGivesNoTheme() {
            assertThat(classifyCategories(List.of("Budget participatif"), Map.of()))
                    .isEmpty();
            assertThat(classifyCategories(List.of("Pressupostos participatius"), Map.of()))
                    .isEmpty();
        }

        @Test
        void categoryCombiningKnownNamesGivesEachTheme() {
            assertThat(ids(classifyCategories(List.of("Sport et santé"), Map.of())))
                    .containsExactlyInAnyOrder("sport_loisirs", "sante");
            assertThat(ids(classifyCategories(List.of("Environnement / Cadre de vie"), Map.of())))
                    .containsExactlyInAnyOrder("environnement", "cadre_de_vie");
        }

        @Test
        void unknownCategoryIsReadThroughTheLexicon() {
            ThemeAssignment mobility = find(
                    classifyCategories(List.of("Pistes cyclables du quartier"), Map.of()),
                    "mobilite");

            assertThat(mobility.method()).isEqualTo(ThemeMethod.LEXICON);
            assertThat(mobility.evidence())
                    .contains("\"Pistes cyclables\" (category \"Pistes cyclables du quartier\")");
        }

        @Test
        void sourceOverrideReplacesTheBuiltInMappingAndScoresOne() {
            List<ThemeAssignment> themes = classifyCategories(
                    List.of("Mobilités douces"), Map.of("mobilites douces", "urbanisme"));

            assertThat(ids(themes)).containsExactly("urbanisme");
            assertThat(themes.get(0).score()).isEqualTo(1.0);
            assertThat(themes.get(0).evidence())
                    .isEqualTo("source category \"Mobilités douces\" (source override)");
        }

        @Test
        void sourceOverrideCanMapALabelToSeveralThemesOrToNone() {
            assertThat(ids(classifyCategories(
                            List.of("Quartier Nord"),
                            Map.of("Quartier Nord", "cadre_de_vie, urbanisme"))))
                    .containsExactlyInAnyOrder("cadre_de_vie", "urbanisme");
            assertThat(classifyCategories(List.of("Culture"), Map.of("CULTURE", "-")))
                    .isEmpty();
        }

        @Test
        void overrideToAnUnknownThemeIsRejectedNamingIt() {
            Map<String, String> overrides = Map.of("Vélo", "velo");

            assertThatThrownBy(() -> classifyCategories(List.of("Vélo"), overrides))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("override 'Vélo'")
                    .hasMessageContaining("'velo'")
                    .hasMessageContaining("mobilite");
            assertThatThrownBy(() -> ThemeClassifier.requireValidOverrides(overrides))
                    .hasMessageContaining("'velo'");
        }
    }

    @Nested
    class Lexicons {

        static Stream<Arguments> cases() throws IOException {
            try (InputStream in =
                    ThemeClassifierTest.class.getResourceAsStream("lexicon-cases.tsv")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                .lines()
                                .filter(line -> !line.startsWith("#") && !line.isBlank())
                                .map(line -> line.split("\t"))
                                .map(cells -> Arguments.of(cells[0], cells[1], cells[2], cells[3]))
                                .toList()
                                .stream();
            }
        }

        @ParameterizedTest(name = "[{0}] {1} → {2}")
        @MethodSource("cases")
        void lexiconMatchesThroughTheAnalyzerOfTheLanguage(
                String language, String title, String theme, String word) {
            TextAnalysis.AnalyzedField field = new TextAnalysis(Map.of()).analyze(language, title);
            assertThat(field.size).isPositive();

            Lexicon.Hits hits = new Lexicon.Hits();
            ThemeClassifier.Resources resources = ThemeClassifier.Resources.bundled();
            resources.lexicon.match(language, resources.analysis.analyze(language, title), 0, hits);
            List<String> matched = java.util.stream.IntStream.range(0, hits.size)
                    .mapToObj(h -> resources.catalog.listIds().get(hits.themes[h]))
                    .toList();
            assertThat(matched).contains(theme);

            ThemeAssignment assignment = find(classify(title, "", language), theme);
            assertThat(assignment.evidence()).contains("\"" + word + "\" (title)");
        }

        @Test
        void elisionAccentsAndPluralGiveTheSameTerm() {
            TextAnalysis analysis = ThemeClassifier.Resources.bundled().analysis;

            assertThat(analysis.analyze("fr", "l'école").termList())
                    .isEqualTo(analysis.analyze("fr", "ecoles").termList());
            assertThat(analysis.analyze("fr", "vélos").termList())
                    .isEqualTo(analysis.analyze("fr", "Vélo").termList());
            assertThat(analysis.analyze("ca", "d'habitatges").termList())
                    .isEqualTo(analysis.analyze("ca", "habitatge").termList());
        }

        @Test
        void neutralPhraseHidesItsWordsFromOtherThemes() {
            // "budget" alone signals public finances; "budget participatif" is a process type.
            List<ThemeAssignment> themes = classify("Budget participatif", "", "fr");

            assertThat(ids(themes)).doesNotContain("finances_publiques");
        }

        @Test
        void titleWordsWeighMoreThanDescriptionWords() {
            double inTitle = find(
                            classify("Sécurité routière", "Une réunion pour en parler.", "fr"),
                            "securite")
                    .score();
            double inDescription = classify("Réunion publique", "Sécurité routière.", "fr").stream()
                    .filter(a -> a.theme().equals("securite"))
                    .mapToDouble(ThemeAssignment::score)
                    .findFirst()
                    .orElse(0);

            assertThat(inTitle).isGreaterThan(inDescription);
        }
    }

    @Nested
    class TooLittleText {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Votre avis compte",
                    "Atelier",
                    "Projet n°47",
                    "Consultation",
                    "Réunion publique",
                    "Test"
                })
        void itemWithoutASubjectGetsNoTheme(String title) {
            assertThat(classify(title, "", "fr")).isEmpty();
        }

        @Test
        void singleWordEvenOnTopicIsTooLittleText() {
            assertThat(classify("Vélo", "", "fr")).isEmpty();
        }

        @Test
        void emptyInputGetsNoTheme() {
            assertThat(CLASSIFIER.classify(new ClassificationInput(null, null, null, null, null)))
                    .isEmpty();
        }

        @Test
        void sourceCategoryStillCountsWhenTheTextIsTooShort() {
            List<ThemeAssignment> themes = CLASSIFIER.classify(
                    new ClassificationInput("Atelier", "", "fr", List.of("Jeunesse"), Map.of()));

            assertThat(ids(themes)).containsExactly("education_jeunesse");
        }
    }

    @Nested
    class Explanations {

        @Test
        void lexiconEvidenceQuotesTheWordsAsWrittenAndWhereTheyWere() {
            ThemeAssignment mobility = find(
                    classify(
                            "Nouvelles pistes cyclables",
                            "Plus de vélos et moins de voitures sur les quais.",
                            "fr"),
                    "mobilite");

            assertThat(mobility.method()).isEqualTo(ThemeMethod.LEXICON);
            assertThat(mobility.evidence())
                    .startsWith("words \"pistes cyclables\" (title)")
                    .contains("\"vélos\"")
                    .contains("\"voitures\"");
            assertThat(mobility.score()).isBetween(0.5, 1.0);
        }

        @Test
        void everyAssignmentExplainsItselfAndIsSortedByScore() {
            List<ThemeAssignment> themes = classify(
                    "Concertation sur le prolongement de la ligne de tramway",
                    "Nouvelles stations, requalification des rues et plantation d'arbres le long "
                            + "du tracé.",
                    "fr");

            assertThat(themes)
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.evidence()).isNotBlank());
            assertThat(themes.get(0).theme()).isEqualTo("mobilite");
            assertThat(themes).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        }

        @Test
        void modelEvidenceNamesTheWordsOfTheTextThatWeighedMost() {
            // No lexicon word reaches a theme here: whatever is assigned comes from the model.
            List<ThemeAssignment> themes = classify(
                    "Conseil des aînés",
                    "Les retraités de la commune donnent leur avis sur les services à domicile.",
                    "fr");

            assertThat(themes)
                    .filteredOn(a -> a.method() == ThemeMethod.CLASSIFIER)
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.evidence())
                            .matches("model 0\\.\\d\\d: \"[^\"]+\"(, \"[^\"]+\")*")
                            .containsAnyOf(
                                    "\"Conseil\"", "\"commune\"", "\"retraités\"", "\"services\""));
        }
    }

    @Nested
    class Inputs {

        @Test
        void htmlIsStrippedBeforeClassification() {
            ThemeAssignment mobility = find(
                    classify(
                            "<h1>Plan de d&eacute;placements</h1>",
                            "<p>Les <strong>pistes cyclables</strong> &amp; les <em>bus</em>.</p>",
                            "fr"),
                    "mobilite");

            assertThat(mobility.evidence())
                    .contains("\"déplacements\" (title)")
                    .contains("\"pistes cyclables\"");
        }

        @Test
        void missingLanguageIsGuessedFromTheText() {
            assertThat(ids(classify(
                            "Nuevo carril bici en la avenida",
                            "Más bicicletas y menos coches.",
                            null)))
                    .contains("mobilite");
            assertThat(ids(classify(
                            "Neuer Radweg an der Hauptstraße",
                            "Mehr Radverkehr in der Stadt.",
                            "de-AT")))
                    .contains("mobilite");
        }

        @Test
        void harvestedProcessIsClassifiedFromItsTextsAndSourceThemes() {
            Process process = process(List.of("Cadre de vie"), List.of());

            List<ThemeAssignment> themes = CLASSIFIER.classify(process, Map.of());

            assertThat(ids(themes)).contains("mobilite", "cadre_de_vie");
            assertThat(find(themes, "cadre_de_vie").method()).isEqualTo(ThemeMethod.SOURCE_MAPPING);
            assertThat(find(themes, "mobilite").evidence()).contains("\"pistes cyclables\"");
        }

        @Test
        void reclassifyingKeepsManualAssignmentsAndTheirVerdict() {
            ThemeAssignment notRelevant =
                    new ThemeAssignment("cadre_de_vie", ThemeMethod.MANUAL, 0, "not relevant");
            Process process = process(List.of("Cadre de vie"), List.of(notRelevant));

            Process reclassified = CLASSIFIER.reclassify(process, Map.of());

            assertThat(reclassified.themes()).contains(notRelevant);
            assertThat(reclassified.themes())
                    .filteredOn(a -> a.theme().equals("cadre_de_vie"))
                    .containsExactly(notRelevant);
            assertThat(ids(reclassified.themes())).contains("mobilite");
        }

        private Process process(List<String> sourceThemes, List<ThemeAssignment> themes) {
            ProcessBuilder builder = ProcessBuilder.create()
                    .withId(URI.create("https://participation.example.org/processes/12"))
                    .withSourceKey(new SourceKey("example-decidim", "ParticipatoryProcess/12"))
                    .withTitle(LocalizedText.of("fr", "Les quais <em>apaisés</em>"))
                    .withSummary(LocalizedText.of(
                            "fr", "<p>De nouvelles <b>pistes cyclables</b> le long des quais.</p>"))
                    .withDescription(
                            LocalizedText.of("fr", "<p>Moins de voitures, plus de vélos.</p>"))
                    .withThemes(themes)
                    .withProvenance(new Provenance(
                            "example-decidim",
                            Instant.parse("2026-05-01T10:00:00Z"),
                            URI.create("https://participation.example.org/api"),
                            HarvestMethod.GRAPHQL,
                            null,
                            new Licence(
                                    "ODbL-1.0",
                                    "https://opendatacommons.org/licenses/odbl/1-0/",
                                    "Example"),
                            List.of()));
            sourceThemes.forEach(builder::addSourceTheme);
            return builder.build();
        }
    }

    @Test
    void concurrentClassificationGivesTheSameResultsAsSequential() {
        List<ClassificationInput> inputs =
                LabelledItem.load(LabelledItem.Split.TRAIN, CLASSIFIER.catalog()).stream()
                        .map(item -> item.toInput(true))
                        .toList();
        List<List<ThemeAssignment>> sequential =
                inputs.stream().map(CLASSIFIER::classify).toList();

        List<List<ThemeAssignment>> parallel =
                inputs.parallelStream().map(CLASSIFIER::classify).toList();

        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void trainingIsDeterministic() {
        ThemeClassifier.Resources resources = ThemeClassifier.Resources.bundled();
        List<LabelledItem> training =
                LabelledItem.load(LabelledItem.Split.TRAIN, resources.catalog);
        ThemeClassifier again =
                ThemeClassifier.train(resources, ClassifierSettings.DEFAULT, training);

        for (LabelledItem item : training.subList(0, 40)) {
            assertThat(again.classify(item.toInput(true)))
                    .as(item.id())
                    .isEqualTo(CLASSIFIER.classify(item.toInput(true)));
        }
    }
}
