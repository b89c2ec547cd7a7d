package org.parvis.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

/**
 * Guards the classifier's quality on the test part of the labelled set, which is never used for
 * training or tuning. The floors are the figures measured once the settings had been frozen by
 * cross-validation on the training part (recorded in docs/benchmarks.md); a change that lowers
 * them fails here.
 */
class ThemesEvaluationTest {

    /** Macro-F1 on the test part with source categories, as first measured and recorded. */
    static final double RECORDED_MACRO_F1 = 0.8919508814653472;

    /** Macro-F1 on the test part from text alone (categories hidden), as recorded. */
    static final double RECORDED_TEXT_ONLY_MACRO_F1 = 0.8911267056411714;

    /** Room for floating-point noise only. */
    private static final double EPSILON = 1e-9;

    private final ThemeClassifier classifier = ThemeClassifier.loadDefault();

    @Test
    void macroF1OnTheTestPartDoesNotDropBelowTheRecordedLevel() {
        ThemesEvaluation evaluation = ThemesEvaluation.ofTestSplit(classifier, true);

        assertThat(evaluation.itemCount()).isEqualTo(180);
        assertThat(evaluation.listThemeScores()).hasSize(20);
        assertThat(evaluation.macroF1())
                .as("macro-F1 with source categories%n%s", evaluation.formatTable())
                .isGreaterThanOrEqualTo(RECORDED_MACRO_F1 - EPSILON);
    }

    @Test
    void macroF1FromTextAloneDoesNotDropBelowTheRecordedLevel() {
        ThemesEvaluation evaluation = ThemesEvaluation.ofTestSplit(classifier, false);

        assertThat(evaluation.macroF1())
                .as("macro-F1 from text only%n%s", evaluation.formatTable())
                .isGreaterThanOrEqualTo(RECORDED_TEXT_ONLY_MACRO_F1 - EPSILON);
    }

    @Test
    void itemsWithTooLittleTextStayWithoutTheme() {
        ThemesEvaluation evaluation = ThemesEvaluation.ofTestSplit(classifier, true);

        assertThat(evaluation.unlabelledCount()).isPositive();
        assertThat(evaluation.unlabelledLeftEmpty()).isEqualTo(evaluation.unlabelledCount());
    }

    @Test
    void testAndTrainingPartsShareNoItem() {
        ThemeCatalog catalog = ThemeCatalog.loadDefault();
        List<LabelledItem> train = LabelledItem.load(LabelledItem.Split.TRAIN, catalog);
        List<LabelledItem> test = LabelledItem.load(LabelledItem.Split.TEST, catalog);

        assertThat(train.size() + test.size()).isGreaterThanOrEqualTo(400);
        assertThat(train)
                .extracting(LabelledItem::title)
                .doesNotContainAnyElementsOf(
                        test.stream().map(LabelledItem::title).toList());
        assertThat(test).extracting(LabelledItem::language).contains("fr", "en", "es", "ca", "de");
    }

    @Test
    void scoresFollowTheTextbookDefinitions() {
        // Three items, one theme: labelled {yes, yes, no}, predicted {yes, no, yes}.
        ThemesEvaluation evaluation = ThemesEvaluation.of(
                List.of("mobilite", "sante"),
                List.of(Set.of("mobilite"), Set.of("mobilite"), Set.of()),
                List.of(Set.of("mobilite"), Set.of(), Set.of("mobilite")));

        ThemesEvaluation.ThemeScore mobility = evaluation.listThemeScores().get(0);
        assertThat(mobility.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(mobility.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(mobility.f1()).isCloseTo(0.5, within(1e-12));
        // A theme nobody has and nobody was given scores 0: macro-F1 averages over all themes.
        assertThat(evaluation.listThemeScores().get(1).f1()).isZero();
        assertThat(evaluation.macroF1()).isCloseTo(0.25, within(1e-12));
        assertThat(evaluation.unlabelledCount()).isEqualTo(1);
        assertThat(evaluation.unlabelledLeftEmpty()).isZero();
    }
}
