package org.parvis.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Draws values at random in proportion to their weights, in logarithmic time.
 *
 * <p>Immutable and thread-safe; the caller supplies the random source.
 */
final class WeightedChoice<T> {

    private final List<T> values;
    private final double[] cumulative;

    private WeightedChoice(List<T> values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /** A choice among {@code values}, each weighted by {@code weight} (negative counts as zero). */
    static <T> WeightedChoice<T> of(List<T> values, ToDoubleFunction<T> weight) {
        List<T> copy = List.copyOf(values);
        double[] cumulative = new double[copy.size()];
        double sum = 0;
        for (int i = 0; i < copy.size(); i++) {
            sum += Math.max(0, weight.applyAsDouble(copy.get(i)));
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("cannot draw from " + copy.size()
                    + " values whose weights sum to " + sum + "; expected > 0");
        }
        return new WeightedChoice<>(copy, cumulative);
    }

    /** A choice among {@code values} with equal weights. */
    static <T> WeightedChoice<T> uniform(List<T> values) {
        return of(values, value -> 1);
    }

    T next(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int position = Arrays.binarySearch(cumulative, target);
        int index = position >= 0 ? position + 1 : -position - 1;

        // A zero-weight value shares its cumulative sum with its predecessor; skip past it.
        while (index < cumulative.length - 1 && cumulative[index] <= target) {
            index++;
        }
        return values.get(Math.min(index, values.size() - 1));
    }

    int size() {
        return values.size();
    }
}
