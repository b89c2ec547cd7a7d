package org.parvis.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.parvis.territory.Place;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link FeedQuery}: the resolved place with its parents, one page of items, the
 * total count, facet counts (by {@code theme}, {@code kind}, {@code level} and {@code status}) over
 * all matching items, and the cursor of the next page when there is one.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedResult(
        Place place,
        List<Place> parents,
        List<FeedItem> items,
        long total,
        Map<String, Map<String, Long>> facets,
        @Nullable String nextCursor) {

    public FeedResult {
        parents = List.copyOf(parents);
        items = List.copyOf(items);
        facets = Map.copyOf(facets);
    }
}
