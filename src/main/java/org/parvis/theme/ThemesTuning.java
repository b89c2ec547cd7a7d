package org.parvis.theme;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the classifier settings by k-fold cross-validation inside the training part of the
 * labelled set: for each training configuration (title weight, model parameters) a model is trained
 * on k-1 folds and scored on the held-out fold; then every combination of thresholds is measured
 * on the pooled held-out scores. The objective is the mean of macro-F1 with and without source
 * categories. The test part is never read.
 *
 * <p>Not thread-safe; runs once from the command line.
 */
final class ThemesTuning {

    /** A measured configuration. */
    record Result(
            ClassifierSettings settings, double macroF1WithCategories, double macroF1TextOnly) {
        double objective() {
            return (macroF1WithCategories + macroF1TextOnly) / 2;
        }
    }

    private static final float[] TITLE_WEIGHTS = {2f, 3f};
    private static final double[] L2 = {1e-4, 1e-3};
    private static final double[] POSITIVE_WEIGHTS = {2, 4};
    private static final double[] LEXICON_SCALES = {1, 1.5, 2, 3, 4};
    private static final double[] MODEL_WEIGHTS = {0.6, 0.8, 1.0};
    private static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
    private static final double[] RELATIVE_CUTS = {0, 0.25, 0.4, 0.55};
    private static final double[] FALLBACKS = {0.15, 0.25, 0.35, 1.0};
    private static final int[] MIN_CONTENT = {1, 2, 3};
    private static final int[] MIN_MODEL = {2, 3, 4, 5};

    private ThemesTuning() {}

    /** Runs the search and returns every configuration measured, best first. */
    static List<Result> run(int folds, PrintWriter progress) {
        ThemeClassifier.Resources resources = ThemeClassifier.Resources.bundled();
        List<LabelledItem> training =
                new ArrayList<>(LabelledItem.load(LabelledItem.Split.TRAIN, resources.catalog));
        Collections.shuffle(training, new Random(7));
        List<String> ids = resources.catalog.listIds();
        List<Set<String>> gold = new ArrayList<>();
        for (LabelledItem item : training) {
            gold.add(Set.copyOf(item.themes()));
        }
        List<Result> results = new ArrayList<>();
        ClassifierSettings base = ClassifierSettings.DEFAULT;
        for (float titleWeight : TITLE_WEIGHTS) {
            for (double l2 : L2) {
                for (double positiveWeight : POSITIVE_WEIGHTS) {
                    LinearThemeModel.Parameters model = new LinearThemeModel.Parameters(
                            base.model().epochs(),
                            base.model().learningRate(),
                            l2,
                            positiveWeight,
                            base.model().seed());
                    ClassifierSettings trainingSettings = base.withTraining(titleWeight, model);
                    List<ThemeClassifier.Scoring> withCategories = new ArrayList<>();
                    List<ThemeClassifier.Scoring> textOnly = new ArrayList<>();
                    heldOutScores(
                            resources, trainingSettings, training, folds, withCategories, textOnly);
                    results.addAll(searchCombinations(
                            trainingSettings, ids, gold, withCategories, textOnly));
                    progress.printf(
                            "title weight %.1f, l2 %.0e, positive weight %.0f: best so far %.4f%n",
                            titleWeight,
                            l2,
                            positiveWeight,
                            results.stream()
                                    .mapToDouble(Result::objective)
                                    .max()
                                    .orElse(0));
                    progress.flush();
                }
            }
        }
        results.sort(Comparator.comparingDouble(Result::objective).reversed());
        return results;
    }

    /** Scores each item with a model trained on the other folds; results in item order. */
    private static void heldOutScores(
            ThemeClassifier.Resources resources,
            ClassifierSettings settings,
            List<LabelledItem> items,
            int folds,
            List<ThemeClassifier.Scoring> withCategories,
            List<ThemeClassifier.Scoring> textOnly) {
        ThemeClassifier.Scoring[] with = new ThemeClassifier.Scoring[items.size()];
        ThemeClassifier.Scoring[] without = new ThemeClassifier.Scoring[items.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledItem> trainPart = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (i % folds != fold) {
                    trainPart.add(items.get(i));
                }
            }
            ThemeClassifier classifier = ThemeClassifier.train(resources, settings, trainPart);
            for (int i = fold; i < items.size(); i += folds) {
                with[i] = classifier.score(items.get(i).toInput(true), true);
                without[i] = classifier.score(items.get(i).toInput(false), true);
            }
        }
        withCategories.addAll(List.of(with));
        textOnly.addAll(List.of(without));
    }

    private static List<Result> searchCombinations(
            ClassifierSettings trainingSettings,
            List<String> ids,
            List<Set<String>> gold,
            List<ThemeClassifier.Scoring> withCategories,
            List<ThemeClassifier.Scoring> textOnly) {
        List<Result> results = new ArrayList<>();
        for (double scale : LEXICON_SCALES) {
            for (double modelWeight : MODEL_WEIGHTS) {
                for (double threshold : THRESHOLDS) {
                    for (double cut : RELATIVE_CUTS) {
                        for (double fallback : FALLBACKS) {
                            for (int minContent : MIN_CONTENT) {
                                for (int minModel : MIN_MODEL) {
                                    if (minModel < minContent) {
                                        continue;
                                    }
                                    ClassifierSettings settings = trainingSettings.withCombination(
                                            scale,
                                            modelWeight,
                                            threshold,
                                            cut,
                                            fallback,
                                            minContent,
                                            minModel);
                                    results.add(new Result(
                                            settings,
                                            macroF1(settings, ids, gold, withCategories),
                                            macroF1(settings, ids, gold, textOnly)));
                                }
                            }
                        }
                    }
                }
            }
        }
        return results;
    }

    private static double macroF1(
            ClassifierSettings settings,
            List<String> ids,
            List<Set<String>> gold,
            List<ThemeClassifier.Scoring> scorings) {
        // Counts kept in arrays: this runs for every combination and every item.
        int[] tp = new int[ids.size()];
        int[] fp = new int[ids.size()];
        int[] fn = new int[ids.size()];
        boolean[] given = new boolean[ids.size()];
        for (int i = 0; i < scorings.size(); i++) {
            java.util.Arrays.fill(given, false);
            for (int t : ThemeClassifier.select(scorings.get(i), settings)) {
                given[t] = true;
            }
            for (int t = 0; t < given.length; t++) {
                boolean labelled = gold.get(i).contains(ids.get(t));
                if (labelled && given[t]) {
                    tp[t]++;
                } else if (given[t]) {
                    fp[t]++;
                } else if (labelled) {
                    fn[t]++;
                }
            }
        }
        double sum = 0;
        for (int t = 0; t < tp.length; t++) {
            sum += new ThemesEvaluation.ThemeScore(ids.get(t), tp[t], fp[t], fn[t]).f1();
        }
        return sum / tp.length;
    }
}
