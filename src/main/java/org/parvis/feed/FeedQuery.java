package org.parvis.feed;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.ThemeAssignment;

import java.util.Set;
import java.util.TreeSet;

/**
 * A citizen's question: which processes concern this place and these themes? Validated on
 * construction; every message names the parameter, the bad value and what is allowed.
 *
 * <p>Immutable and thread-safe.
 */
public record FeedQuery(
        AreaId place,
        Scope scope,
        Set<String> themes,
        Set<ProcessType> kinds,
        Set<ProcessStatus> statuses,
        @Nullable String text,
        Sort sort,
        int limit,
        @Nullable String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Which items a place selects. */
    public enum Scope {
        /** Items whose territory is the place or one of its ancestors: what concerns a resident. */
        AROUND,
        /** Items whose territory is the place or inside it: everything happening there. */
        WITHIN
    }

    /** Result order. Every order ends with the item id, so pages are deterministic. */
    public enum Sort {
        /** Soonest closing first; items without an end date last. */
        CLOSING,
        /** Most recently published or started first. */
        NEWEST,
        /** Best full-text match first; without {@code q}, the same as {@link #CLOSING}. */
        RELEVANCE
    }

    public FeedQuery {
        if (place == null) {
            throw new IllegalArgumentException("parameter 'place' is required: an area id such as"
                    + " fr:commune:33063, fr:departement:33 or fr");
        }
        scope = scope == null ? Scope.AROUND : scope;
        themes = Set.copyOf(new TreeSet<>(themes == null ? Set.of() : themes));
        themes.forEach(ThemeAssignment::requireThemeId);
        kinds = Set.copyOf(kinds == null ? Set.of() : kinds);
        statuses = statuses == null || statuses.isEmpty()
                ? Set.of(ProcessStatus.OPEN, ProcessStatus.UPCOMING)
                : Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 200) {
            throw new IllegalArgumentException("parameter 'q' is " + text.length()
                    + " characters long; at most 200 are allowed");
        }
        sort = sort == null ? Sort.CLOSING : sort;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "parameter 'limit' is " + limit + "; expected 1 to " + MAX_LIMIT);
        }
    }

    /** The default query for a place: around it, open and upcoming, soonest closing first. */
    public static FeedQuery around(AreaId place) {
        return new FeedQuery(
                place,
                Scope.AROUND,
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                Sort.CLOSING,
                DEFAULT_LIMIT,
                null);
    }
}
