package org.parvis.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One logistic regression per theme over analyzed terms (bag of words, title terms weighted up,
 * vector scaled to unit length), trained by stochastic gradient descent in a fixed pseudo-random
 * order, so the same training items always give the same model.
 *
 * <p>Immutable and thread-safe after training.
 */
final class LinearThemeModel {

    /** Training parameters. */
    record Parameters(
            int epochs, double learningRate, double l2, double positiveWeight, long seed) {}

    /** A sparse feature vector: vocabulary indices, values and the terms they stand for. */
    record Features(int[] indices, float[] values, String[] terms) {}

    private final Map<String, Integer> vocabulary;
    private final int themeCount;
    /** Weights laid out feature-major: {@code weights[feature * themeCount + theme]}. */
    private final float[] weights;

    private final float[] bias;

    private LinearThemeModel(
            Map<String, Integer> vocabulary, int themeCount, float[] weights, float[] bias) {
        this.vocabulary = vocabulary;
        this.themeCount = themeCount;
        this.weights = weights;
        this.bias = bias;
    }

    /** Term → value: title terms weigh {@code titleWeight}, others 1, repeated terms add up. */
    static Map<String, Float> termCounts(
            List<TextAnalysis.AnalyzedField> fields, float[] fieldWeights) {
        Map<String, Float> counts = new HashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            TextAnalysis.AnalyzedField field = fields.get(f);
            for (int i = 0; i < field.size; i++) {
                counts.merge(field.terms[i], fieldWeights[f], Float::sum);
            }
        }
        return counts;
    }

    /**
     * Trains one classifier per theme. {@code labels[item][theme]} tells whether the item has the
     * theme.
     */
    static LinearThemeModel train(
            List<Map<String, Float>> items, boolean[][] labels, int themeCount, Parameters p) {
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Map<String, Float> item : items) {
            for (String term : item.keySet()) {
                vocabulary.putIfAbsent(term, vocabulary.size());
            }
        }
        List<Features> vectors = new ArrayList<>();
        for (Map<String, Float> item : items) {
            vectors.add(vectorize(item, vocabulary));
        }
        float[] weights = new float[vocabulary.size() * themeCount];
        float[] bias = new float[themeCount];
        Random random = new Random(p.seed());
        int[] order = new int[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] margin = new double[themeCount];
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            shuffle(order, random);
            double rate = p.learningRate() / (1 + 0.1 * epoch);
            float decay = (float) (1 - rate * p.l2());
            for (int n : order) {
                Features x = vectors.get(n);
                scores(x, weights, bias, themeCount, margin);
                for (int t = 0; t < themeCount; t++) {
                    boolean positive = labels[n][t];
                    double gradient = sigmoid(margin[t]) - (positive ? 1 : 0);
                    gradient *= positive ? p.positiveWeight() : 1;
                    float step = (float) (rate * gradient);
                    for (int k = 0; k < x.indices.length; k++) {
                        int at = x.indices[k] * themeCount + t;
                        // L2 shrinkage applied only to the weights this item touches, as usual in
                        // sparse SGD.
                        weights[at] = weights[at] * decay - step * x.values[k];
                    }
                    bias[t] -= step;
                }
            }
        }
        // A HashMap, not Map.copyOf: its lookups compare hashes before calling equals.
        return new LinearThemeModel(
                Collections.unmodifiableMap(vocabulary), themeCount, weights, bias);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /**
     * The unit-length feature vector of a term → value map; unknown terms count in the length (a
     * text made mostly of unknown words gets weak features) but are dropped.
     */
    Features vectorize(Map<String, Float> counts) {
        return vectorize(counts, vocabulary);
    }

    private static Features vectorize(Map<String, Float> counts, Map<String, Integer> vocabulary) {
        double norm = 0;
        for (float value : counts.values()) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        String[] terms = new String[counts.size()];
        int size = 0;
        for (Map.Entry<String, Float> entry : counts.entrySet()) {
            Integer index = vocabulary.get(entry.getKey());
            if (index != null) {
                indices[size] = index;
                values[size] = entry.getValue() * scale;
                terms[size] = entry.getKey();
                size++;
            }
        }
        return new Features(
                Arrays.copyOf(indices, size),
                Arrays.copyOf(values, size),
                Arrays.copyOf(terms, size));
    }

    /** The probability of each theme for {@code x}, written into {@code out}. */
    void predict(Features x, double[] out) {
        scores(x, weights, bias, themeCount, out);
        for (int t = 0; t < themeCount; t++) {
            out[t] = sigmoid(out[t]);
        }
    }

    /**
     * The positions in {@code x} of the features that push {@code theme} up most, strongest
     * first, at most {@code limit}.
     */
    int[] topFeatures(Features x, int theme, int limit) {
        Integer[] positions = new Integer[x.indices.length];
        double[] contribution = new double[x.indices.length];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = k;
            contribution[k] = weights[x.indices[k] * themeCount + theme] * x.values[k];
        }
        Arrays.sort(positions, (a, b) -> Double.compare(contribution[b], contribution[a]));
        int count = 0;
        while (count < positions.length && count < limit && contribution[positions[count]] > 0) {
            count++;
        }
        int[] top = new int[count];
        for (int k = 0; k < count; k++) {
            top[k] = positions[k];
        }
        return top;
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    private static void scores(
            Features x, float[] weights, float[] bias, int themeCount, double[] out) {
        for (int t = 0; t < themeCount; t++) {
            out[t] = bias[t];
        }
        for (int k = 0; k < x.indices.length; k++) {
            int base = x.indices[k] * themeCount;
            float value = x.values[k];
            for (int t = 0; t < themeCount; t++) {
                out[t] += weights[base + t] * value;
            }
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
