package org.parvis.web.page;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.Item;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.web.FeedRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the pages' own URLs: the feed page and its Atom and iCalendar twins for a query (the same
 * parameters as {@code GET /api/v1/feed}, plus {@code lang}), item pages, the chooser.
 *
 * <p>Stateless and thread-safe.
 */
final class PageUrls {

    static final String HOME = "/";
    static final String CHOOSE = "/choose";
    static final String FEED = "/feed";
    static final String ATOM = "/feed.atom";
    static final String ICS = "/feed.ics";
    static final String ITEM_PREFIX = "/items/";
    static final String SOURCES = "/sources";
    static final String STATIC_PREFIX = "/static/";

    private static final Set<ProcessStatus> DEFAULT_STATUSES =
            EnumSet.of(ProcessStatus.OPEN, ProcessStatus.UPCOMING);

    private PageUrls() {}

    /** The page at {@code path} in {@code lang}. */
    static String page(String path, Lang lang) {
        return path + "?lang=" + lang.code();
    }

    /** The feed page of {@code query} starting at {@code cursor}. */
    static String feed(FeedQuery query, Lang lang, @Nullable String cursor) {
        return FEED + "?" + feedParameters(query, lang, cursor);
    }

    /** The Atom feed of {@code query}'s first page. */
    static String atom(FeedQuery query, Lang lang) {
        return ATOM + "?" + feedParameters(query, lang, null);
    }

    /** The iCalendar feed of {@code query}'s first page. */
    static String ics(FeedQuery query, Lang lang) {
        return ICS + "?" + feedParameters(query, lang, null);
    }

    /** The item page of {@code sourceKey}, explained for a place and themes when given. */
    static String item(
            String sourceKey, @Nullable AreaId place, Collection<String> themes, Lang lang) {
        StringBuilder url = new StringBuilder(ITEM_PREFIX).append(encodePath(sourceKey));
        url.append("?lang=").append(lang.code());
        if (place != null) {
            url.append("&place=").append(FeedRequest.encode(place.value()));
        }
        if (!themes.isEmpty()) {
            url.append("&themes=").append(FeedRequest.encode(String.join(",", themes)));
        }
        return url.toString();
    }

    /** The canonical query string of a feed query, in the order of the API's links. */
    static String feedParameters(FeedQuery query, Lang lang, @Nullable String cursor) {
        StringBuilder url = new StringBuilder("place=")
                .append(FeedRequest.encode(query.place().value()));
        if (query.scope() != FeedQuery.Scope.AROUND) {
            url.append("&scope=").append(code(query.scope()));
        }
        if (!query.themes().isEmpty()) {
            url.append("&themes=").append(FeedRequest.encode(String.join(",", query.themes())));
        }
        if (!query.kinds().isEmpty()) {
            List<String> kinds = new ArrayList<>();
            EnumSet.copyOf(query.kinds()).forEach(kind -> kinds.add(kind.code()));
            url.append("&kinds=").append(String.join(",", kinds));
        }
        if (!query.statuses().equals(DEFAULT_STATUSES)) {
            List<String> statuses = new ArrayList<>();
            if (query.statuses().size() == ProcessStatus.values().length) {
                statuses.add("all");
            } else {
                EnumSet.copyOf(query.statuses()).forEach(status -> statuses.add(status.code()));
            }
            url.append("&status=").append(String.join(",", statuses));
        }
        if (query.text() != null) {
            url.append("&q=").append(FeedRequest.encode(query.text()));
        }
        if (query.sort() != FeedQuery.Sort.CLOSING) {
            url.append("&sort=").append(code(query.sort()));
        }
        if (query.limit() != FeedQuery.DEFAULT_LIMIT) {
            url.append("&limit=").append(query.limit());
        }
        url.append("&lang=").append(lang.code());
        if (cursor != null) {
            url.append("&cursor=").append(FeedRequest.encode(cursor));
        }
        return url.toString();
    }

    /** A copy of {@code query} with other filters and the cursor reset. */
    static FeedQuery with(
            FeedQuery query,
            AreaId place,
            FeedQuery.Scope scope,
            Set<String> themes,
            Set<ProcessType> kinds,
            Set<ProcessStatus> statuses,
            @Nullable String text) {
        return new FeedQuery(
                place, scope, themes, kinds, statuses, text, query.sort(), query.limit(), null);
    }

    /**
     * Percent-encodes a source key for a path: each segment between slashes is encoded, the
     * slashes stay (Jetty refuses encoded slashes in paths).
     */
    static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~:/@".indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * {@code url} when it is an absolute http(s) URL, else null: only web links of harvested data
     * become links; anything else (javascript:, data:…) stays text.
     */
    static @Nullable String webHref(@Nullable URI url) {
        return Item.isWebUrl(url) ? url.toString() : null;
    }

    /** {@link #webHref(URI)} of a URL written as text; null when it is not a URL. */
    static @Nullable String webHref(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            return webHref(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code url} when it is a web link, else {@code fallback} (an item id, always http(s)). */
    static URI webLink(@Nullable URI url, URI fallback) {
        return Item.isWebUrl(url) ? url : fallback;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
