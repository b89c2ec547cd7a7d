package org.parvis.bench;

import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;

import java.util.Set;
import java.util.TreeSet;

/**
 * One benchmark query: a place, a scope and a set of themes (any of them; empty for all). The rest
 * is the feed's default: open and upcoming processes, soonest closing first, a first page of
 * {@link FeedQuery#DEFAULT_LIMIT} items.
 *
 * <p>Immutable and thread-safe.
 */
record BenchQuery(AreaId place, FeedQuery.Scope scope, Set<String> themes) {

    BenchQuery {
        if (place == null || scope == null) {
            throw new IllegalArgumentException("a benchmark query needs a place and a scope");
        }
        themes = Set.copyOf(new TreeSet<>(themes == null ? Set.of() : themes));
    }

    /** The same question as the feed service takes it. */
    FeedQuery toFeedQuery() {
        return new FeedQuery(
                place,
                scope,
                themes,
                Set.of(),
                Set.of(),
                null,
                FeedQuery.Sort.CLOSING,
                FeedQuery.DEFAULT_LIMIT,
                null);
    }

    @Override
    public String toString() {
        return place + " " + scope.name().toLowerCase(java.util.Locale.ROOT) + " "
                + new TreeSet<>(themes);
    }
}
