package org.parvis.alert;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The saved part of a feed query that a subscription follows: place, scope, themes and kinds,
 * exactly the filters of the feed page. Matching runs it as a {@link FeedQuery}, so an alert
 * selects what the feed would show.
 *
 * <p>Immutable and thread-safe.
 */
public record AlertQuery(
        AreaId place, FeedQuery.Scope scope, Set<String> themes, Set<ProcessType> kinds) {

    public AlertQuery {
        if (place == null || scope == null) {
            throw new IllegalArgumentException("an alert query needs a place and a scope");
        }
        themes = Set.copyOf(new TreeSet<>(themes));
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /**
     * The feed query for one page of open and upcoming processes matching this alert, soonest
     * closing first.
     */
    FeedQuery toFeedQuery(@Nullable String cursor) {
        return new FeedQuery(
                place,
                scope,
                themes,
                kinds,
                Set.of(ProcessStatus.OPEN, ProcessStatus.UPCOMING),
                null,
                FeedQuery.Sort.CLOSING,
                FeedQuery.MAX_LIMIT,
                cursor);
    }

    /** The scope's lowercase code. */
    public String scopeCode() {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    /** The theme ids, sorted. */
    public List<String> listThemes() {
        return List.copyOf(new TreeSet<>(themes));
    }

    /** The kind codes, in declaration order. */
    public List<String> listKinds() {
        return kinds.isEmpty()
                ? List.of()
                : EnumSet.copyOf(kinds).stream().map(ProcessType::code).toList();
    }

    /** A canonical text of the query, equal for equal queries: groups subscriptions to match. */
    String key() {
        return place.value() + "|" + scopeCode() + "|" + String.join(",", listThemes()) + "|"
                + String.join(",", listKinds());
    }
}
