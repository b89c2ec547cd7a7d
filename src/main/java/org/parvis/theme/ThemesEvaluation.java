package org.parvis.theme;

import org.parvis.model.ThemeAssignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precision, recall and F1 of the theme classifier per theme, with macro- and micro-averaged F1,
 * on the test part of the bundled labelled set (never used for training or tuning), or on any
 * labelled items. An item labelled with no theme counts against every theme it is wrongly given.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThemesEvaluation {

    /** Counts for one theme over the evaluated items. */
    public record ThemeScore(
            String theme, int truePositives, int falsePositives, int falseNegatives) {

        /** Items labelled with the theme. */
        public int support() {
            return truePositives + falseNegatives;
        }

        /** Share of the items given the theme that have it; 0 when none was given it. */
        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        /** Share of the items that have the theme that were given it; 0 when none has it. */
        public double recall() {
            return support() == 0 ? 0 : (double) truePositives / support();
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final List<ThemeScore> scores;
    private final int itemCount;
    private final int unlabelledCount;
    private final int unlabelledLeftEmpty;

    private ThemesEvaluation(
            List<ThemeScore> scores, int itemCount, int unlabelledCount, int unlabelledLeftEmpty) {
        this.scores = List.copyOf(scores);
        this.itemCount = itemCount;
        this.unlabelledCount = unlabelledCount;
        this.unlabelledLeftEmpty = unlabelledLeftEmpty;
    }

    /**
     * Evaluates {@code classifier} on the test part of the bundled labelled set.
     *
     * @param withCategories whether the classifier sees the items' source categories; without
     *     them only the text layers are measured
     */
    public static ThemesEvaluation ofTestSplit(ThemeClassifier classifier, boolean withCategories) {
        return of(
                classifier,
                LabelledItem.load(LabelledItem.Split.TEST, classifier.catalog()),
                withCategories);
    }

    static ThemesEvaluation of(
            ThemeClassifier classifier, List<LabelledItem> items, boolean withCategories) {
        List<Set<String>> gold = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        for (LabelledItem item : items) {
            gold.add(Set.copyOf(item.themes()));
            Set<String> themes = new HashSet<>();
            for (ThemeAssignment assignment : classifier.classify(item.toInput(withCategories))) {
                themes.add(assignment.theme());
            }
            predicted.add(themes);
        }
        return of(classifier.catalog().listIds(), gold, predicted);
    }

    /** Compares predicted theme sets with labelled ones, item by item. */
    static ThemesEvaluation of(
            List<String> themeIds, List<Set<String>> gold, List<Set<String>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " labelled items but "
                    + predicted.size() + " predictions; expected one per item");
        }
        List<ThemeScore> scores = new ArrayList<>();
        for (String theme : themeIds) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean labelled = gold.get(i).contains(theme);
                boolean given = predicted.get(i).contains(theme);
                if (labelled && given) {
                    tp++;
                } else if (given) {
                    fp++;
                } else if (labelled) {
                    fn++;
                }
            }
            scores.add(new ThemeScore(theme, tp, fp, fn));
        }
        int unlabelled = 0;
        int leftEmpty = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).isEmpty()) {
                unlabelled++;
                if (predicted.get(i).isEmpty()) {
                    leftEmpty++;
                }
            }
        }
        return new ThemesEvaluation(scores, gold.size(), unlabelled, leftEmpty);
    }

    /** One score per theme of the catalogue, in its order. */
    public List<ThemeScore> listThemeScores() {
        return scores;
    }

    /** The mean of the per-theme F1 scores: every theme weighs the same. */
    public double macroF1() {
        return scores.stream().mapToDouble(ThemeScore::f1).average().orElse(0);
    }

    /** F1 over all (item, theme) decisions: frequent themes weigh more. */
    public double microF1() {
        int tp = scores.stream().mapToInt(ThemeScore::truePositives).sum();
        int fp = scores.stream().mapToInt(ThemeScore::falsePositives).sum();
        int fn = scores.stream().mapToInt(ThemeScore::falseNegatives).sum();
        return new ThemeScore("all", tp, fp, fn).f1();
    }

    public int itemCount() {
        return itemCount;
    }

    /** Items labelled with no theme (too little text to tell). */
    public int unlabelledCount() {
        return unlabelledCount;
    }

    /** Items labelled with no theme that the classifier also left without one. */
    public int unlabelledLeftEmpty() {
        return unlabelledLeftEmpty;
    }

    /** A plain-text table: one line per theme, then the averages. */
    public String formatTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%-26s %7s %9s %7s %6s%n",
                "theme",
                "support",
                "precision",
                "recall",
                "F1"));
        for (ThemeScore score : scores) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-26s %7d %9.3f %7.3f %6.3f%n",
                    score.theme(),
                    score.support(),
                    score.precision(),
                    score.recall(),
                    score.f1()));
        }
        out.append(String.format(Locale.ROOT, "%-26s %33.3f%n", "macro-F1", macroF1()));
        out.append(String.format(Locale.ROOT, "%-26s %33.3f%n", "micro-F1", microF1()));
        out.append(String.format(
                Locale.ROOT,
                "%d items; %d labelled with no theme, of which %d left without one%n",
                itemCount,
                unlabelledCount,
                unlabelledLeftEmpty));
        return out.toString();
    }
}
