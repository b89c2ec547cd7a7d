package org.parvis.web;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.ThemeAssignment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the parameters of {@code GET /api/v1/feed} into a {@link FeedQuery}, and a query back into
 * its canonical URL (the {@code self} and {@code next} links). Every rejection is a 400 problem
 * naming the parameter, the bad value and what is allowed.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeedRequest {

    static final String PATH = "/api/v1/feed";

    public static final List<String> PARAMETERS =
            List.of("place", "scope", "themes", "kinds", "status", "q", "sort", "limit", "cursor");

    public static final List<String> SCOPES = codes(FeedQuery.Scope.values());
    public static final List<String> SORTS = codes(FeedQuery.Sort.values());
    public static final List<String> KINDS =
            Arrays.stream(ProcessType.values()).map(ProcessType::code).toList();
    public static final List<String> STATUSES = statusCodes();

    /** The forms of an area id, for error messages. */
    static final List<String> PLACE_FORMS = List.of(
            "fr:commune:<INSEE code>",
            "fr:arrondissement:<INSEE code>",
            "fr:epci:<SIREN>",
            "fr:departement:<code>",
            "fr:region:<code>",
            "fr",
            "eu");

    public static final int MAX_THEMES = 20;
    static final int MAX_TEXT_CHARS = 200;
    static final int MAX_CURSOR_CHARS = 512;

    private static final Pattern CURSOR =
            Pattern.compile("[\\x21-\\x7E]{1," + MAX_CURSOR_CHARS + "}");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");
    private static final Pattern NAMED_PARAMETER = Pattern.compile("parameter '([a-z]+)'");

    private FeedRequest() {}

    /** Parses and validates the feed parameters. */
    static FeedQuery parse(QueryParams params) {
        return parse(params, List.of());
    }

    /**
     * Parses and validates the feed parameters, also accepting (and ignoring) the parameters named
     * in {@code alsoAllowed}, which the caller reads itself (the web pages' {@code lang}).
     */
    public static FeedQuery parse(QueryParams params, List<String> alsoAllowed) {
        List<String> allowed = new ArrayList<>(PARAMETERS);
        allowed.addAll(alsoAllowed);
        params.requireOnly(allowed);
        AreaId place = parsePlace(params);
        FeedQuery.Scope scope = params.findSingle("scope")
                .map(FeedRequest::parseScope)
                .orElse(FeedQuery.Scope.AROUND);
        Set<String> themes = parseThemes(params.listValues("themes"));
        Set<ProcessType> kinds = parseKinds(params.listValues("kinds"));
        Set<ProcessStatus> statuses = parseStatuses(params.listValues("status"));
        String text = params.findSingle("q").map(FeedRequest::checkText).orElse(null);
        FeedQuery.Sort sort = params.findSingle("sort")
                .map(FeedRequest::parseSort)
                .orElse(FeedQuery.Sort.CLOSING);
        int limit = params.findSingle("limit")
                .map(FeedRequest::parseLimit)
                .orElse(FeedQuery.DEFAULT_LIMIT);
        String cursor =
                params.findSingle("cursor").map(FeedRequest::checkCursor).orElse(null);

        try {
            return new FeedQuery(place, scope, themes, kinds, statuses, text, sort, limit, cursor);
        } catch (IllegalArgumentException e) {
            throw fromMessage(e.getMessage()).toException();
        }
    }

    /**
     * A 400 problem for an {@link IllegalArgumentException} raised while answering a query; names
     * the parameter when the message does ({@code parameter 'x' …}).
     */
    public static Problem fromMessage(@Nullable String message) {
        String detail = message == null ? "the feed query is invalid" : message;
        Matcher named = NAMED_PARAMETER.matcher(detail);
        if (named.find() && PARAMETERS.contains(named.group(1))) {
            return Problem.badParameter(named.group(1), null, detail, null);
        }
        return Problem.badRequest(detail);
    }

    /** The canonical relative URL of {@code query}, with its cursor replaced by {@code cursor}. */
    static String url(FeedQuery query, @Nullable String cursor) {
        StringBuilder url = new StringBuilder(PATH)
                .append("?place=")
                .append(encode(query.place().value()));
        url.append("&scope=").append(code(query.scope()));
        if (!query.themes().isEmpty()) {
            url.append("&themes=").append(encode(String.join(",", query.themes())));
        }
        if (!query.kinds().isEmpty()) {
            List<String> kinds = new ArrayList<>();
            EnumSet.copyOf(query.kinds()).forEach(kind -> kinds.add(kind.code()));
            url.append("&kinds=").append(String.join(",", kinds));
        }
        List<String> statuses = new ArrayList<>();
        EnumSet.copyOf(query.statuses()).forEach(status -> statuses.add(status.code()));
        url.append("&status=").append(String.join(",", statuses));
        if (query.text() != null) {
            url.append("&q=").append(encode(query.text()));
        }
        url.append("&sort=").append(code(query.sort()));
        url.append("&limit=").append(query.limit());
        if (cursor != null) {
            url.append("&cursor=").append(encode(cursor));
        }
        return url.toString();
    }

    private static AreaId parsePlace(QueryParams params) {
        String value = params.getSingle(
                "place",
                "the area id of the place, e.g. fr:commune:33063 (Bordeaux), fr:departement:33 "
                        + "or fr;"
                        + " browse area ids from GET /api/v1/places/fr");
        if (!AreaId.isValid(value)) {
            throw Problem.badParameter(
                            "place",
                            value,
                            "parameter 'place' is not an area id: '" + Problem.shown(value)
                                    + "'; expected e.g."
                                    + " fr:commune:33063, fr:epci:243300316, fr:departement:33,"
                                    + " fr:region:75, fr or eu",
                            PLACE_FORMS)
                    .toException();
        }
        return AreaId.parse(value);
    }

    private static FeedQuery.Scope parseScope(String value) {
        return FeedQuery.Scope.valueOf(oneOf("scope", value, SCOPES).toUpperCase(Locale.ROOT));
    }

    private static FeedQuery.Sort parseSort(String value) {
        return FeedQuery.Sort.valueOf(oneOf("sort", value, SORTS).toUpperCase(Locale.ROOT));
    }

    private static Set<String> parseThemes(List<String> values) {
        if (values.size() > MAX_THEMES) {
            throw Problem.badParameter(
                            "themes",
                            String.join(",", values),
                            "parameter 'themes' lists " + values.size() + " themes; at most "
                                    + MAX_THEMES + " are accepted",
                            null)
                    .toException();
        }
        Set<String> themes = new LinkedHashSet<>();
        for (String value : values) {
            try {
                themes.add(ThemeAssignment.requireThemeId(value));
            } catch (IllegalArgumentException e) {
                throw Problem.badParameter(
                                "themes",
                                value,
                                "parameter 'themes' has a malformed theme id '"
                                        + Problem.shown(value)
                                        + "'; expected lowercase letters and underscores, e.g. "
                                        + "mobilite,"
                                        + " cadre_de_vie",
                                List.of("theme ids: 2 to 41 lowercase letters and underscores"))
                        .toException();
            }
        }
        return themes;
    }

    private static Set<ProcessType> parseKinds(List<String> values) {
        Set<ProcessType> kinds = EnumSet.noneOf(ProcessType.class);
        for (String value : values) {
            kinds.add(ProcessType.parse(oneOf("kinds", value, KINDS)));
        }
        return kinds;
    }

    private static Set<ProcessStatus> parseStatuses(List<String> values) {
        Set<ProcessStatus> statuses = EnumSet.noneOf(ProcessStatus.class);
        for (String value : values) {
            if (oneOf("status", value, STATUSES).equals("all")) {
                statuses.addAll(EnumSet.allOf(ProcessStatus.class));
            } else {
                statuses.add(ProcessStatus.parse(value));
            }
        }
        return statuses;
    }

    private static String checkText(String value) {
        String text = value.strip();
        if (text.length() > MAX_TEXT_CHARS) {
            throw Problem.badParameter(
                            "q",
                            value,
                            "parameter 'q' is " + text.length() + " characters long; at most "
                                    + MAX_TEXT_CHARS + " are accepted",
                            List.of("text of at most " + MAX_TEXT_CHARS + " characters"))
                    .toException();
        }
        return text;
    }

    private static int parseLimit(String value) {
        List<String> allowed = List.of("an integer from 1 to " + FeedQuery.MAX_LIMIT);
        if (!LIMIT.matcher(value).matches()) {
            throw Problem.badParameter(
                            "limit",
                            value,
                            "parameter 'limit' is '" + Problem.shown(value)
                                    + "'; expected an integer from 1 to " + FeedQuery.MAX_LIMIT,
                            allowed)
                    .toException();
        }
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > FeedQuery.MAX_LIMIT) {
            throw Problem.badParameter(
                            "limit",
                            value,
                            "parameter 'limit' is " + limit + "; expected 1 to "
                                    + FeedQuery.MAX_LIMIT + " (follow links.next for more)",
                            allowed)
                    .toException();
        }
        return limit;
    }

    private static String checkCursor(String value) {
        if (!CURSOR.matcher(value).matches()) {
            throw Problem.badParameter(
                            "cursor",
                            value,
                            "parameter 'cursor' is not a cursor of this API; use the links.next "
                                    + "URL of a"
                                    + " previous page as it is",
                            null)
                    .toException();
        }
        return value;
    }

    /** Checks that {@code value} is one of {@code allowed}, else throws a problem listing them. */
    static String oneOf(String parameter, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Problem.badParameter(
                            parameter,
                            value,
                            "parameter '" + parameter + "' has unknown value '"
                                    + Problem.shown(value) + "'; expected one of "
                                    + String.join(", ", allowed),
                            allowed)
                    .toException();
        }
        return value;
    }

    private static List<String> statusCodes() {
        List<String> codes = new ArrayList<>();
        for (ProcessStatus status : ProcessStatus.values()) {
            codes.add(status.code());
        }
        codes.add("all");
        return List.copyOf(codes);
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(FeedRequest::code).toList();
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Percent-encodes a query value, keeping unreserved characters and the {@code :} and {@code ,}
     * that area ids and lists use, so links stay readable.
     */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ':'
                    || c == ',') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
