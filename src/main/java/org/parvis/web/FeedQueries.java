package org.parvis.web;

import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedResult;

/**
 * Answers feed queries for the HTTP API; the feed service is adapted to it with a method reference
 * ({@code feedService::query}).
 *
 * <p>Implementations must be thread-safe: the server calls them from many request threads. They
 * throw {@link IllegalArgumentException} for a query they cannot answer (answered 400) and {@link
 * java.util.NoSuchElementException} for an unknown place (answered 404).
 */
@FunctionalInterface
public interface FeedQueries {

    /** One page of the feed for {@code query}. */
    FeedResult query(FeedQuery query);
}
