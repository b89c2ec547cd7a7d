package org.parvis.index;

import org.jspecify.annotations.Nullable;
import org.parvis.model.ProcessStatus;

import java.util.List;
import java.util.Map;

/**
 * One page of a {@link FeedIndex} search: the hits in order, the number of items matching every
 * filter, facet counts and the cursor of the next page (null on the last page).
 *
 * <p>Facets, by dimension ({@code theme}, {@code kind}, {@code level}, {@code status}) then value,
 * count every matching item, not only the page; each dimension ignores its own filter, so that
 * the counts say what choosing another value would give. Values with no item are left out; each
 * inner map is ordered by count descending, then value.
 *
 * <p>Immutable and thread-safe.
 */
public record SearchResult(
        List<Hit> hits,
        long total,
        Map<String, Map<String, Long>> facets,
        @Nullable String nextCursor) {

    /** A matching item: its card and its status at the time of the search. */
    public record Hit(ProcessCard card, ProcessStatus status) {}

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
