package org.parvis.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an engine answers to a {@link BenchQuery}: the number of matching processes, the item
 * numbers
 * of the first page in order, and the facet counts (facet name → value → count, zero counts
 * omitted).
 *
 * <p>Facets are counted as Parvis's feed counts them, the disjunctive way: {@code kind} and {@code
 * level} (the finest level among a process's areas) over the matching processes; {@code status}
 * over the processes that match the place and themes whatever their status (so closed ones show);
 * {@code theme} over the processes that match the place and status whatever their themes.
 *
 * <p>Immutable and thread-safe.
 */
record FeedAnswer(long total, List<Integer> page, Map<String, Map<String, Long>> facets) {

    FeedAnswer {
        page = List.copyOf(page);
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        facets.forEach((facet, counts) -> {
            Map<String, Long> nonZero = new TreeMap<>();
            counts.forEach((value, count) -> {
                if (count != 0) {
                    nonZero.put(value, count);
                }
            });
            if (!nonZero.isEmpty()) {
                sorted.put(facet, java.util.Collections.unmodifiableMap(nonZero));
            }
        });
        facets = java.util.Collections.unmodifiableMap(sorted);
    }
}
