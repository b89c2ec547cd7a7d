package org.parvis.index;

import org.jspecify.annotations.Nullable;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One search of the {@link FeedIndex}: a place filter, any-of filters on themes, kinds and
 * statuses (an empty set does not filter), an optional full-text query, the order, the page size
 * and the cursor of the previous page. Statuses are evaluated at {@code now}.
 *
 * <p>Immutable and thread-safe.
 */
public record SearchRequest(
        AreaFilter areas,
        Set<String> themes,
        Set<ProcessType> kinds,
        Set<ProcessStatus> statuses,
        @Nullable String text,
        SortOrder sort,
        int limit,
        @Nullable String cursor,
        Instant now) {

    public SearchRequest {
        if (areas == null || sort == null || now == null) {
            throw new IllegalArgumentException(
                    "a search needs an area filter, an order and a time");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException(
                    "search limit is " + limit + "; expected 1 to 10000");
        }
        themes = java.util.Collections.unmodifiableSortedSet(
                new TreeSet<>(themes == null ? Set.of() : themes));
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        statuses = statuses == null || statuses.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(statuses));
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** The order actually applied: relevance without text falls back to closing. */
    SortOrder effectiveSort() {
        return sort == SortOrder.RELEVANCE && text == null ? SortOrder.CLOSING : sort;
    }
}
