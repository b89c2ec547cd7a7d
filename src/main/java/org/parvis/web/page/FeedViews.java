package org.parvis.web.page;

import org.parvis.alert.AlertPaths;
import org.parvis.alert.Frequency;
import org.parvis.feed.FeedItem;
import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedResult;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.territory.Place;
import org.parvis.theme.Theme;
import org.parvis.theme.ThemeCatalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the parts of the feed page from a query and its result: the cards (with the level of
 * each item relative to the reader's place), the filters with their facet counts, the sort
 * choices, the ways to widen an empty result and the e-mail alert form; and the theme choices the
 * home page and chooser share.
 *
 * <p>Immutable and thread-safe.
 */
final class FeedViews {

    /** Where the alert form posts (answered by the alerts feature). */
    private final ThemeCatalog themes;

    FeedViews(ThemeCatalog themes) {
        this.themes = themes;
    }

    Views.Card card(
            Texts t,
            Formats formats,
            FeedItem item,
            FeedResult result,
            FeedQuery query,
            Lang lang) {
        return new Views.Card(
                item.title(),
                item.language().equals(lang.code()) ? null : item.language(),
                item.summary(),
                PageUrls.item(item.sourceKey(), query.place(), query.themes(), lang),
                item.organiser(),
                item.platform(),
                levelLabel(t, item, result),
                t.get("kind." + item.kind().code()),
                item.status().code(),
                formats.status(item.status()),
                formats.deadline(item.status(), item.startAt(), item.endAt()),
                item.themes().stream()
                        .map(theme -> themes.label(theme, lang.code()))
                        .toList(),
                FeedExports.participateUrl(item).toString(),
                t.format("card.participate", item.platform()));
    }

    /**
     * Where the item sits relative to the reader's place: "Ma commune — Bordeaux", "Mon
     * département — Gironde", "National"…; for an item inside a wider place, the area's name.
     */
    static String levelLabel(Texts t, FeedItem item, FeedResult result) {
        Set<AreaId> around = new LinkedHashSet<>();
        around.add(result.place().id());
        result.parents().forEach(parent -> around.add(parent.id()));
        FeedItem.Area best = null;
        for (FeedItem.Area area : item.areas()) {
            if (around.contains(area.id())
                    && (best == null || area.level().ordinal() < best.level().ordinal())) {
                best = area;
            }
        }
        if (best != null) {
            String level = t.get("level." + best.level().code());
            return best.level() == AreaLevel.NATION || best.level() == AreaLevel.EU
                    ? level
                    : t.format("level.named", level, best.name());
        }
        return item.areas().isEmpty()
                ? t.get("level.unknown")
                : t.format("level.inside", item.areas().get(0).name());
    }

    String placeSummary(Texts t, FeedResult result) {
        List<String> names = new ArrayList<>();
        names.add(t.get("levelName." + result.place().level().code()));
        for (Place parent : result.parents()) {
            if (parent.level() != AreaLevel.NATION && parent.level() != AreaLevel.EU) {
                names.add(parent.name());
            }
        }
        return String.join(" · ", names);
    }

    List<Views.FilterGroup> filters(Texts t, FeedQuery query, FeedResult result) {
        Lang lang = t.lang();
        List<Views.FilterGroup> groups = new ArrayList<>();
        groups.add(new Views.FilterGroup(
                "scope",
                t.get("filter.scope"),
                "radio",
                List.of(
                        new Views.Option(
                                "around",
                                t.get("scope.around"),
                                query.scope() == FeedQuery.Scope.AROUND,
                                null),
                        new Views.Option(
                                "within",
                                t.get("scope.within"),
                                query.scope() == FeedQuery.Scope.WITHIN,
                                null))));
        groups.add(new Views.FilterGroup(
                "themes",
                t.get("filter.themes"),
                "checkbox",
                themeOptions(
                        lang, query.themes(), result.facets().getOrDefault("theme", Map.of()))));
        Map<String, Long> kindCounts = result.facets().getOrDefault("kind", Map.of());
        List<Views.Option> kinds = new ArrayList<>();
        for (ProcessType kind : ProcessType.values()) {
            boolean checked = query.kinds().contains(kind);
            Long count = kindCounts.get(kind.code());
            if (checked || (count != null && count > 0)) {
                kinds.add(new Views.Option(
                        kind.code(),
                        t.get("kind." + kind.code()),
                        checked,
                        count == null ? 0L : count));
            }
        }
        groups.add(new Views.FilterGroup("kinds", t.get("filter.kinds"), "checkbox", kinds));
        Map<String, Long> statusCounts = result.facets().getOrDefault("status", Map.of());
        List<Views.Option> statuses = new ArrayList<>();
        for (ProcessStatus status : ProcessStatus.values()) {
            statuses.add(new Views.Option(
                    status.code(),
                    t.get("status." + status.code()),
                    query.statuses().contains(status),
                    statusCounts.getOrDefault(status.code(), 0L)));
        }
        groups.add(new Views.FilterGroup("status", t.get("filter.status"), "checkbox", statuses));
        return groups;
    }

    List<Views.Option> sortOptions(Texts t, FeedQuery query) {
        List<Views.Option> sorts = new ArrayList<>();
        for (FeedQuery.Sort sort : FeedQuery.Sort.values()) {
            String code = sort.name().toLowerCase(java.util.Locale.ROOT);
            sorts.add(new Views.Option(code, t.get("sort." + code), query.sort() == sort, null));
        }
        return sorts;
    }

    List<Views.Option> themeOptions(Lang lang, Set<String> chosen, Map<String, Long> counts) {
        List<Views.Option> options = new ArrayList<>();
        for (Theme theme : themes.listThemes()) {
            options.add(new Views.Option(
                    theme.id(),
                    theme.label(lang.code()),
                    chosen.contains(theme.id()),
                    counts.isEmpty() && !chosen.isEmpty() ? null : counts.get(theme.id())));
        }
        return options;
    }

    /** Ways to widen an empty feed: fewer filters, closed items, a wider place. */
    List<Views.Link> widen(Texts t, FeedQuery query, FeedResult result, Lang lang) {
        List<Views.Link> links = new ArrayList<>();
        if (!query.themes().isEmpty()) {
            links.add(new Views.Link(
                    PageUrls.feed(
                            PageUrls.with(
                                    query,
                                    query.place(),
                                    query.scope(),
                                    Set.of(),
                                    query.kinds(),
                                    query.statuses(),
                                    query.text()),
                            lang,
                            null),
                    t.get("widen.themes")));
        }
        if (!query.kinds().isEmpty()) {
            links.add(new Views.Link(
                    PageUrls.feed(
                            PageUrls.with(
                                    query,
                                    query.place(),
                                    query.scope(),
                                    query.themes(),
                                    Set.of(),
                                    query.statuses(),
                                    query.text()),
                            lang,
                            null),
                    t.get("widen.kinds")));
        }
        if (query.text() != null) {
            links.add(new Views.Link(
                    PageUrls.feed(
                            PageUrls.with(
                                    query,
                                    query.place(),
                                    query.scope(),
                                    query.themes(),
                                    query.kinds(),
                                    query.statuses(),
                                    null),
                            lang,
                            null),
                    t.get("widen.text")));
        }
        if (query.statuses().size() < ProcessStatus.values().length) {
            links.add(new Views.Link(
                    PageUrls.feed(
                            PageUrls.with(
                                    query,
                                    query.place(),
                                    query.scope(),
                                    query.themes(),
                                    query.kinds(),
                                    EnumSet.allOf(ProcessStatus.class),
                                    query.text()),
                            lang,
                            null),
                    t.get("widen.status")));
        }
        if (query.scope() == FeedQuery.Scope.AROUND
                && result.place().level().ordinal() > AreaLevel.COMMUNE.ordinal()) {
            links.add(new Views.Link(
                    PageUrls.feed(
                            PageUrls.with(
                                    query,
                                    query.place(),
                                    FeedQuery.Scope.WITHIN,
                                    query.themes(),
                                    query.kinds(),
                                    query.statuses(),
                                    query.text()),
                            lang,
                            null),
                    t.format("widen.within", result.place().name())));
        }
        for (Place parent : result.parents()) {
            if (parent.level() == AreaLevel.DEPARTEMENT || parent.level() == AreaLevel.REGION) {
                links.add(new Views.Link(
                        PageUrls.feed(
                                PageUrls.with(
                                        query,
                                        parent.id(),
                                        FeedQuery.Scope.WITHIN,
                                        query.themes(),
                                        query.kinds(),
                                        query.statuses(),
                                        query.text()),
                                lang,
                                null),
                        t.format("widen.parent", parent.name())));
                break;
            }
        }
        return links;
    }

    Views.Subscription subscription(Texts t, FeedQuery query, Lang lang) {
        List<Views.Hidden> fields = new ArrayList<>();
        fields.add(new Views.Hidden("place", query.place().value()));
        query.themes().forEach(theme -> fields.add(new Views.Hidden("themes", theme)));
        EnumSet.copyOf(query.kinds().isEmpty() ? EnumSet.noneOf(ProcessType.class) : query.kinds())
                .forEach(kind -> fields.add(new Views.Hidden("kinds", kind.code())));
        fields.add(
                new Views.Hidden("scope", query.scope().name().toLowerCase(java.util.Locale.ROOT)));
        fields.add(new Views.Hidden("language", lang.code()));
        List<Views.Option> frequencies = new ArrayList<>();
        for (String frequency : Frequency.CODES) {
            frequencies.add(new Views.Option(
                    frequency,
                    t.get("alert.frequency." + frequency),
                    frequency.equals("weekly"),
                    null));
        }
        return new Views.Subscription(AlertPaths.SUBSCRIBE, fields, frequencies);
    }
}
