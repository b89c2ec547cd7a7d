package org.parvis.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedItem;
import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedResult;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Counts;
import org.parvis.model.Item;
import org.parvis.model.LocalizedText;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Outcome;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.model.SourceKey;
import org.parvis.model.Step;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.store.HarvestRun;
import org.parvis.territory.MatchKind;
import org.parvis.territory.Place;
import org.parvis.territory.PlaceService;
import org.parvis.theme.ThemeCatalog;
import org.parvis.web.ApiContext;
import org.parvis.web.FeedRequest;
import org.parvis.web.Problem;
import org.parvis.web.ProblemException;
import org.parvis.web.QueryParams;
import org.parvis.web.SourceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The citizen's web pages, rendered on the server from precompiled JTE templates and working
 * without JavaScript: home ({@code /}), place chooser ({@code /choose?q=…}), feed ({@code
 * /feed?place=…}, the same parameters as {@code GET /api/v1/feed} plus {@code lang}), item ({@code
 * /items/{key}}), sources ({@code /sources}), the feed's Atom and iCalendar twins ({@code
 * /feed.atom}, {@code /feed.ics}) and the static style sheet and script.
 *
 * <p>Every page is in French or English ({@code lang=fr|en}, else {@code Accept-Language}); every
 * parameter is validated as the JSON API does, and a bad one gets an HTML error page with a 4xx
 * status. Pages carry a strict Content-Security-Policy: scripts and styles only from this origin,
 * none inline.
 *
 * <p>Thread-safe when the API context and place service are.
 */
public final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    /** Scripts and styles only from this origin, never inline; forms post only here. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
            + " style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    public static final String HTML = "text/html; charset=utf-8";
    static final int CHOOSER_CANDIDATES = 10;

    private static final List<String> PAGE_ONLY = List.of("lang");
    private static final Set<MatchKind> CERTAIN = EnumSet.of(
            MatchKind.CODE,
            MatchKind.SIREN,
            MatchKind.POSTCODE,
            MatchKind.EXACT_NAME,
            MatchKind.FORMER_NAME);

    private final ApiContext api;
    private final ThemeCatalog themes;
    private final Clock clock;
    private final FeedViews feedViews;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final StaticAssets assets = StaticAssets.load();

    /** Pages over the API's context; {@code clock} is the time deadlines are counted from. */
    public Pages(ApiContext api, ThemeCatalog themes, Clock clock) {
        this.api = api;
        this.themes = themes;
        this.feedViews = new FeedViews(themes);
        this.clock = clock;
    }

    /** The GET routes of the pages, by Javalin path. */
    public Map<String, Handler> routes() {
        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put(PageUrls.HOME, ctx -> page(ctx, this::home));
        routes.put(PageUrls.CHOOSE, ctx -> page(ctx, this::choose));
        routes.put(PageUrls.FEED, ctx -> page(ctx, this::feed));
        routes.put(PageUrls.ATOM, ctx -> page(ctx, this::atom));
        routes.put(PageUrls.ICS, ctx -> page(ctx, this::ics));
        routes.put(PageUrls.ITEM_PREFIX + "<key>", ctx -> page(ctx, this::item));
        routes.put(PageUrls.SOURCES, ctx -> page(ctx, this::sources));
        routes.put(PageUrls.STATIC_PREFIX + "{name}", ctx -> page(ctx, this::asset));
        return routes;
    }

    /**
     * The versioned URL of the pages' style sheet, for other HTML pages of the node (the alert
     * pages) that share its look under the same Content-Security-Policy.
     */
    public String styleSheetHref() {
        return assets.url("parvis.css");
    }

    /** Whether an unrouted path gets an HTML page rather than a JSON problem: not the API. */
    public static boolean isPagePath(String path) {
        return !path.startsWith("/api/") && !path.equals("/health") && !path.equals("/metrics");
    }

    /** Answers an unknown page with the HTML "not found" page. */
    public void notFound(Context ctx) {
        Lang lang = Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
        try {
            lang = langOf(QueryParams.parse(ctx.req().getQueryString()), lang);
        } catch (ProblemException e) {
            // the page does not exist anyway: answer in the browser's language
        }
        error(ctx, lang, Problem.notFound("no page at " + Problem.shown(ctx.path())));
    }

    /** A page handler: the request's parameters and language in, a rendered answer out. */
    @FunctionalInterface
    private interface PageHandler {
        void handle(Context ctx, QueryParams params, Lang lang);
    }

    private void page(Context ctx, PageHandler handler) {
        Lang lang = Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
        try {
            QueryParams params = QueryParams.parse(ctx.req().getQueryString());
            lang = langOf(params, lang);
            handler.handle(ctx, params, lang);
        } catch (ProblemException e) {
            error(ctx, lang, e.problem());
        } catch (NoSuchElementException e) {
            error(ctx, lang, Problem.notFound(String.valueOf(e.getMessage())));
        } catch (IllegalArgumentException e) {
            error(ctx, lang, FeedRequest.fromMessage(e.getMessage()));
        }
    }

    private static Lang langOf(QueryParams params, Lang fallback) {
        Optional<String> code = params.findSingle("lang");
        if (code.isEmpty()) {
            return fallback;
        }
        return Lang.find(code.get())
                .orElseThrow(() -> Problem.badParameter(
                                "lang",
                                code.get(),
                                "parameter 'lang' has unknown value '" + Problem.shown(code.get())
                                        + "'; expected one of fr, en",
                                List.of("fr", "en"))
                        .toException());
    }

    // ---- pages ----

    private void home(Context ctx, QueryParams params, Lang lang) {
        params.requireOnly(PAGE_ONLY);
        Texts t = Texts.of(lang);
        List<Views.Link> sources = new ArrayList<>();
        for (SourceView source : api.sources().get()) {
            sources.add(new Views.Link(source.baseUrl(), source.name() + territorySuffix(source)));
        }
        render(
                ctx,
                lang,
                "page/home.jte",
                new Views.HomeView(
                        frame(ctx, lang, t.get("home.title"), List.of()),
                        feedViews.themeOptions(lang, Set.of(), Map.of()),
                        sources));
    }

    private void choose(Context ctx, QueryParams params, Lang lang) {
        params.requireOnly(List.of("q", "themes", "lang"));
        Texts t = Texts.of(lang);
        String q =
                params.getSingle("q", "the postcode or name of a commune, e.g. 33000 or Bordeaux");
        Set<String> chosenThemes = themeIds(params);
        PlaceService.PlaceList found;
        try {
            found = api.places().get().search(q, CHOOSER_CANDIDATES);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter("q", q, String.valueOf(e.getMessage()), null)
                    .toException();
        }

        List<PlaceService.PlaceCandidate> certain = found.places().stream()
                .filter(c -> c.match() != null && CERTAIN.contains(matchKind(c.match())))
                .toList();
        if (certain.size() == 1) {
            ctx.redirect(
                    feedHref(AreaId.parse(certain.get(0).id()), chosenThemes, lang),
                    io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        List<Views.Candidate> candidates = new ArrayList<>();
        List<PlaceService.PlaceCandidate> shown = certain.isEmpty() ? found.places() : certain;
        for (PlaceService.PlaceCandidate candidate : shown) {
            candidates.add(new Views.Candidate(
                    feedHref(AreaId.parse(candidate.id()), chosenThemes, lang),
                    candidate.name(),
                    candidateDetail(t, candidate)));
        }
        render(
                ctx,
                lang,
                "page/choose.jte",
                new Views.ChooseView(
                        frame(ctx, lang, t.format("choose.title", q), List.of()),
                        q,
                        candidates,
                        feedViews.themeOptions(lang, chosenThemes, Map.of())));
    }

    private void feed(Context ctx, QueryParams params, Lang lang) {
        FeedQuery query = FeedRequest.parse(params, PAGE_ONLY);
        FeedResult result = query(query);
        Texts t = Texts.of(lang);
        Formats formats = new Formats(t, clock.instant());

        List<Views.Card> cards = new ArrayList<>();
        for (FeedItem item : result.items()) {
            cards.add(feedViews.card(t, formats, item, result, query, lang));
        }
        String placeName = result.place().name();
        String heading = t.format(
                query.scope() == FeedQuery.Scope.WITHIN ? "feed.heading.within" : "feed.heading",
                placeName);
        String atom = PageUrls.atom(query, lang);
        String ics = PageUrls.ics(query, lang);
        List<Views.Alternate> alternates = List.of(
                new Views.Alternate(
                        "application/atom+xml", t.format("feed.atom.title", placeName), atom),
                new Views.Alternate("text/calendar", t.format("feed.ics.title", placeName), ics));
        List<Views.Hidden> hidden = List.of(
                new Views.Hidden("place", query.place().value()),
                new Views.Hidden("lang", lang.code()));

        render(
                ctx,
                lang,
                "page/feed.jte",
                new Views.FeedView(
                        frame(ctx, lang, heading, alternates),
                        heading,
                        feedViews.placeSummary(t, result),
                        result.total() == 1
                                ? t.get("feed.total.one")
                                : t.format("feed.total", result.total()),
                        cards,
                        feedViews.filters(t, query, result),
                        feedViews.sortOptions(t, query),
                        query.text(),
                        hidden,
                        result.nextCursor() == null
                                ? null
                                : PageUrls.feed(query, lang, result.nextCursor()),
                        query.cursor() == null ? null : PageUrls.feed(query, lang, null),
                        result.total() == 0 ? feedViews.widen(t, query, result, lang) : List.of(),
                        atom,
                        ics,
                        PageUrls.page(PageUrls.HOME, lang),
                        feedViews.subscription(t, query, lang)));
    }

    private void item(Context ctx, QueryParams params, Lang lang) {
        params.requireOnly(List.of("place", "themes", "lang"));
        String text = ctx.pathParam("key");
        SourceKey key;
        try {
            key = SourceKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter(
                            "key",
                            text,
                            "'" + Problem.shown(text) + "' is not an item key; expected <source"
                                    + " id>:<native id>, e.g. bordeaux-decidim:Process/12",
                            List.of("<source id>:<native id>"))
                    .toException();
        }
        AreaId place = params.findSingle("place").map(Pages::parsePlace).orElse(null);
        Set<String> chosenThemes = themeIds(params);
        Item found = api.store()
                .findItem(key)
                .orElseThrow(() -> Problem.notFound("no item has the key '" + Problem.shown(text)
                                + "'; it may have been removed at its source")
                        .toException());
        if (!(found instanceof Process process)) {
            throw Problem.notFound("'" + Problem.shown(text) + "' is a contribution, not a"
                            + " process; open its process from the feed")
                    .toException();
        }
        Texts t = Texts.of(lang);
        Formats formats = new Formats(t, clock.instant());
        List<String> preferred = List.of(lang.code());
        String titleLang = process.title().bestLocale(preferred).orElse(lang.code());
        ProcessStatus status = process.statusAt(clock.instant());
        List<Contribution> contributions = api.store().listContributions(process.id());

        List<Views.StepView> steps = new ArrayList<>();
        for (Step step : process.steps().stream()
                .sorted(java.util.Comparator.comparingInt(Step::position))
                .toList()) {
            steps.add(new Views.StepView(
                    step.title().best(preferred),
                    otherLang(step.title(), preferred, lang),
                    window(t, formats, step.startAt(), step.endAt()),
                    step.active() || isCurrent(step, process, clock.instant())));
        }
        List<Views.MeetingView> meetings = new ArrayList<>();
        for (Contribution meeting : FeedExports.meetingsOf(contributions)) {
            MeetingDetails details = meeting.meeting();
            meetings.add(new Views.MeetingView(
                    meeting.title().isEmpty()
                            ? t.get("item.meeting")
                            : meeting.title().best(preferred),
                    otherLang(meeting.title(), preferred, lang),
                    details.endAt() == null
                            ? formats.dateTime(details.startAt())
                            : t.format(
                                    "item.meeting.when",
                                    formats.dateTime(details.startAt()),
                                    formats.time(details.endAt())),
                    Formats.iso(details.startAt()),
                    t.get("mode." + details.mode().name().toLowerCase(java.util.Locale.ROOT)),
                    details.address(),
                    PageUrls.webHref(details.onlineUrl()),
                    PageUrls.webHref(details.registrationUrl()),
                    meeting.id().toString()));
        }
        String platform = api.sources().get().stream()
                .filter(s -> s.id().equals(process.provenance().sourceId()))
                .map(SourceView::name)
                .findFirst()
                .orElse(process.provenance().sourceId());
        String participate =
                PageUrls.webLink(process.participateUrl(), process.id()).toString();
        String summary = process.summary() == null ? null : process.summary().best(preferred);
        String description = process.description() == null
                ? ""
                : HtmlSanitizer.clean(process.description().best(preferred));

        render(
                ctx,
                lang,
                "page/item.jte",
                new Views.ItemView(
                        frame(ctx, lang, process.title().best(preferred), List.of()),
                        process.title().best(preferred),
                        titleLang.equals(lang.code()) ? null : titleLang,
                        summary == null || summary.isBlank() ? null : summary,
                        description,
                        t.get("kind." + process.processType().code()),
                        status.code(),
                        formats.status(status),
                        formats.deadline(status, process.startAt(), process.endAt()),
                        process.findMainOrganiser().map(o -> o.name()).orElse(null),
                        process.themes().stream()
                                .map(a -> themes.label(a.theme(), lang.code()))
                                .toList(),
                        steps,
                        meetings,
                        outcomes(t, formats, process, contributions, lang),
                        counts(t, process.counts(), contributions),
                        provenance(t, formats, process, platform),
                        why(t, process, place, chosenThemes, lang),
                        participate,
                        t.format("card.participate", platform),
                        place == null ? null : feedHref(place, chosenThemes, lang)));
    }

    private void sources(Context ctx, QueryParams params, Lang lang) {
        params.requireOnly(PAGE_ONLY);
        Texts t = Texts.of(lang);
        Formats formats = new Formats(t, clock.instant());
        Map<String, Long> liveItems = api.store().countLiveItemsBySource();
        List<Views.SourceRow> rows = new ArrayList<>();
        for (SourceView source : api.sources().get()) {
            Optional<HarvestRun> last = api.store().findLastRun(source.id());
            Optional<HarvestRun> success = api.store().findLastSuccessfulRun(source.id());
            rows.add(new Views.SourceRow(
                    source.name(),
                    source.kind(),
                    source.baseUrl(),
                    PageUrls.webHref(source.baseUrl()),
                    source.territory() == null
                            ? t.get("sources.territory.none")
                            : placeName(source.territory()),
                    source.licence(),
                    success.map(run -> formats.dateTime(run.endedAt()))
                            .orElse(t.get("sources.never")),
                    last.map(run -> t.format(
                                    "sources.run",
                                    t.get("outcome."
                                            + run.outcome()
                                                    .name()
                                                    .toLowerCase(java.util.Locale.ROOT)),
                                    formats.dateTime(run.endedAt())))
                            .orElse(t.get("sources.never")),
                    t.format("sources.items", liveItems.getOrDefault(source.id(), 0L)),
                    source.sample()));
        }
        render(
                ctx,
                lang,
                "page/sources.jte",
                new Views.SourcesView(frame(ctx, lang, t.get("sources.title"), List.of()), rows));
    }

    private void atom(Context ctx, QueryParams params, Lang lang) {
        FeedQuery query = FeedRequest.parse(params, PAGE_ONLY);
        FeedResult result = query(query);
        Texts t = Texts.of(lang);
        Formats formats = new Formats(t, clock.instant());
        String base = baseUrl(ctx);
        String body = FeedExports.atom(
                t.format("feed.atom.title", result.place().name()),
                base + PageUrls.atom(query, lang),
                base + PageUrls.feed(query, lang, null),
                base,
                lang,
                listed(result, false),
                item -> PageUrls.item(item.sourceKey(), query.place(), query.themes(), lang),
                item -> entrySummary(t, formats, item),
                clock.instant());
        ctx.status(200).contentType(FeedExports.ATOM_TYPE).result(body);
    }

    private void ics(Context ctx, QueryParams params, Lang lang) {
        FeedQuery query = FeedRequest.parse(params, PAGE_ONLY);
        FeedResult result = query(query);
        Texts t = Texts.of(lang);
        String base = baseUrl(ctx);
        String body = FeedExports.calendar(
                t.format("feed.ics.title", result.place().name()),
                URI.create(base).getHost(),
                listed(result, true),
                item -> t.format("ics.closing", item.title()),
                item -> base + PageUrls.item(item.sourceKey(), query.place(), query.themes(), lang),
                clock.instant());
        ctx.status(200)
                .contentType(FeedExports.ICS_TYPE)
                .header("Content-Disposition", "inline; filename=\"parvis.ics\"")
                .result(body);
    }

    private void asset(Context ctx, QueryParams params, Lang lang) {
        params.requireOnly(List.of("v"));
        assets.serve(ctx, ctx.pathParam("name"), params.findSingle("v").orElse(null));
    }

    // ---- building blocks ----

    private FeedResult query(FeedQuery query) {
        if (query.place().level() != AreaLevel.LOCAL
                && api.gazetteer().findPlace(query.place()).isEmpty()) {
            throw Problem.notFound("unknown place '" + query.place()
                            + "': no area has this id; search for the place from the home page")
                    .toException();
        }
        try {
            return api.feed().query(query);
        } catch (IllegalArgumentException e) {
            throw FeedRequest.fromMessage(e.getMessage()).toException();
        }
    }

    private List<FeedExports.Listed> listed(FeedResult result, boolean withMeetings) {
        List<FeedExports.Listed> listed = new ArrayList<>();
        for (FeedItem item : result.items()) {
            Process process = api.store()
                    .findItem(item.id())
                    .filter(Process.class::isInstance)
                    .map(Process.class::cast)
                    .orElse(null);
            List<Contribution> meetings = withMeetings && process != null
                    ? FeedExports.meetingsOf(api.store().listContributions(process.id()))
                    : List.of();
            listed.add(new FeedExports.Listed(item, process, meetings));
        }
        return listed;
    }

    private String entrySummary(Texts t, Formats formats, FeedItem item) {
        List<String> parts = new ArrayList<>();
        parts.add(t.get("kind." + item.kind().code()));
        String deadline = formats.deadline(item.status(), item.startAt(), item.endAt());
        parts.add(deadline.isEmpty() ? formats.status(item.status()) : deadline);
        if (item.organiser() != null) {
            parts.add(item.organiser());
        }
        String head = String.join(" · ", parts);
        return item.summary() == null ? head : head + "\n\n" + item.summary();
    }

    private List<Views.Fact> counts(Texts t, Counts counts, List<Contribution> contributions) {
        List<Views.Fact> facts = new ArrayList<>();
        addCount(facts, t, "count.participants", counts.participants());
        addCount(facts, t, "count.contributions", counts.contributions());
        addCount(facts, t, "count.votes", counts.votes());
        addCount(facts, t, "count.signatures", counts.signatures());
        addCount(facts, t, "count.comments", counts.comments());
        addCount(facts, t, "count.followers", counts.followers());
        Map<ContributionKind, Long> byKind = new java.util.EnumMap<>(ContributionKind.class);
        contributions.forEach(c -> byKind.merge(c.kind(), 1L, Long::sum));
        byKind.forEach((kind, n) ->
                facts.add(new Views.Fact(t.get("harvested." + kind.code()), number(t, n), null)));
        return facts;
    }

    private static void addCount(List<Views.Fact> facts, Texts t, String key, @Nullable Long n) {
        if (n != null) {
            facts.add(new Views.Fact(t.get(key), number(t, n), null));
        }
    }

    private static String number(Texts t, long n) {
        return java.text.NumberFormat.getIntegerInstance(t.lang().locale()).format(n);
    }

    private List<Views.Fact> provenance(
            Texts t, Formats formats, Process process, String platform) {
        List<Views.Fact> facts = new ArrayList<>();
        facts.add(new Views.Fact(t.get("prov.platform"), platform, null));
        facts.add(new Views.Fact(
                t.get("prov.original"), process.id().toString(), PageUrls.webHref(process.id())));
        facts.add(new Views.Fact(
                t.get("prov.retrieved"),
                formats.dateTime(process.provenance().retrievedAt()),
                null));
        if (process.provenance().sourceUpdatedAt() != null) {
            facts.add(new Views.Fact(
                    t.get("prov.updated"),
                    formats.dateTime(process.provenance().sourceUpdatedAt()),
                    null));
        }
        var licence = process.provenance().licence();
        String licenceText =
                licence.id().equals("unknown") ? t.get("prov.licence.unknown") : licence.id();
        facts.add(new Views.Fact(
                t.get("prov.licence"), licenceText, PageUrls.webHref(licence.url())));
        if (licence.attribution() != null) {
            facts.add(new Views.Fact(t.get("prov.attribution"), licence.attribution(), null));
        }
        return facts;
    }

    /** Why the item is shown for this place and these themes, in sentences. */
    private List<String> why(
            Texts t, Process process, @Nullable AreaId place, Set<String> chosen, Lang lang) {
        List<String> reasons = new ArrayList<>();
        if (place != null) {
            Optional<Place> reader = api.gazetteer().findPlace(place);
            Set<AreaId> around = new LinkedHashSet<>();
            around.add(place);
            reader.ifPresent(p -> around.addAll(p.parents()));
            String readerName = reader.map(Place::name).orElse(place.value());
            boolean matched = false;
            for (TerritoryRef ref : process.territories()) {
                String areaName = placeName(ref.area().value());
                String how = t.get(
                        "derivation." + ref.derivation().name().toLowerCase(java.util.Locale.ROOT));
                if (ref.area().equals(place)) {
                    reasons.add(t.format("why.place.same", areaName, how));
                    matched = true;
                } else if (around.contains(ref.area())) {
                    reasons.add(t.format("why.place.parent", areaName, readerName, how));
                    matched = true;
                } else if (api.gazetteer().listParents(ref.area()).contains(place)) {
                    reasons.add(t.format("why.place.inside", areaName, readerName, how));
                    matched = true;
                }
            }
            if (!matched) {
                reasons.add(t.format("why.place.none", readerName));
            }
        }
        for (ThemeAssignment assignment : process.themes()) {
            if (!chosen.isEmpty() && !chosen.contains(assignment.theme())) {
                continue;
            }
            String method = t.get(
                    "method." + assignment.method().name().toLowerCase(java.util.Locale.ROOT));
            String label = themes.label(assignment.theme(), lang.code());
            reasons.add(
                    assignment.evidence().isBlank()
                            ? t.format("why.theme", label, method)
                            : t.format("why.theme.evidence", label, method, assignment.evidence()));
        }
        if (reasons.isEmpty()) {
            reasons.add(t.get("why.none"));
        }
        return reasons;
    }

    private static String window(
            Texts t, Formats formats, @Nullable Instant start, @Nullable Instant end) {
        if (start != null && end != null) {
            return t.format("window.both", formats.date(start), formats.lastDay(end));
        } else if (start != null) {
            return t.format("window.from", formats.date(start));
        } else if (end != null) {
            return t.format("window.until", formats.lastDay(end));
        }
        return t.get("window.none");
    }

    /** The outcomes of a process, each with the proposals it carries out, titled when known. */
    private static List<Views.OutcomeView> outcomes(
            Texts t,
            Formats formats,
            Process process,
            List<Contribution> contributions,
            Lang lang) {
        if (process.followUp() == null) {
            return List.of();
        }
        List<String> preferred = List.of(lang.code());
        Map<URI, Contribution> byId = new HashMap<>();
        contributions.forEach(contribution -> byId.put(contribution.id(), contribution));
        List<Views.OutcomeView> views = new ArrayList<>();
        for (Outcome outcome : process.followUp().outcomes()) {
            List<Views.Link> carriesOut = new ArrayList<>();
            for (URI target : outcome.implementsIds()) {
                Contribution known = byId.get(target);
                String label = known == null || known.title().isEmpty()
                        ? t.get("item.outcome.proposal")
                        : known.title().best(preferred);
                carriesOut.add(new Views.Link(target.toString(), label));
            }
            LocalizedText label = outcome.statusLabel();
            boolean labelled = label != null && !label.isEmpty();
            views.add(new Views.OutcomeView(
                    outcome.title().best(preferred),
                    otherLang(outcome.title(), preferred, lang),
                    outcome.id().toString(),
                    labelled ? label.best(preferred) : null,
                    labelled ? otherLang(label, preferred, lang) : null,
                    outcome.progress() == null
                            ? null
                            : t.format("item.outcome.progress", outcome.progress()),
                    days(t, formats, outcome.startDate(), outcome.endDate()),
                    carriesOut));
        }
        return views;
    }

    /** "du 6 mars au 30 juin 2026" for a first and a last day; null when neither is known. */
    private static @Nullable String days(
            Texts t, Formats formats, @Nullable LocalDate first, @Nullable LocalDate last) {
        if (first != null && last != null) {
            return t.format("window.both", formats.date(first), formats.date(last));
        } else if (first != null) {
            return t.format("window.from", formats.date(first));
        } else if (last != null) {
            return t.format("window.until", formats.date(last));
        }
        return null;
    }

    /** The current step when the source marks none: the one whose window holds now. */
    private static boolean isCurrent(Step step, Process process, Instant now) {
        if (process.steps().stream().anyMatch(Step::active)) {
            return false;
        }
        return step.startAt() != null
                && !now.isBefore(step.startAt())
                && (step.endAt() == null || now.isBefore(step.endAt()));
    }

    private static @Nullable String otherLang(
            LocalizedText text, List<String> preferred, Lang lang) {
        return text.bestLocale(preferred).filter(l -> !l.equals(lang.code())).orElse(null);
    }

    private String placeName(String areaId) {
        if (!AreaId.isValid(areaId)) {
            return areaId;
        }
        return api.gazetteer().findPlace(AreaId.parse(areaId)).map(Place::name).orElse(areaId);
    }

    private String territorySuffix(SourceView source) {
        return source.territory() == null ? "" : " — " + placeName(source.territory());
    }

    private String candidateDetail(Texts t, PlaceService.PlaceCandidate candidate) {
        List<String> parts = new ArrayList<>();
        parts.add(t.get("levelName." + candidate.level()));
        if (candidate.departement() != null
                && !candidate.departement().id().equals(candidate.id())) {
            parts.add(candidate.departement().name() + " ("
                    + candidate.departement().code() + ")");
        }
        if (!candidate.postcodes().isEmpty()) {
            List<String> codes = candidate.postcodes().stream().limit(4).toList();
            parts.add(String.join(", ", codes) + (candidate.postcodes().size() > 4 ? "…" : ""));
        }
        if (candidate.matchedName() != null && !candidate.matchedName().equals(candidate.name())) {
            parts.add(t.format("choose.matched", candidate.matchedName()));
        }
        return String.join(" · ", parts);
    }

    private static @Nullable MatchKind matchKind(String code) {
        try {
            return MatchKind.valueOf(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String feedHref(AreaId place, Set<String> chosenThemes, Lang lang) {
        return PageUrls.feed(
                new FeedQuery(
                        place,
                        FeedQuery.Scope.AROUND,
                        chosenThemes,
                        Set.of(),
                        Set.of(),
                        null,
                        FeedQuery.Sort.CLOSING,
                        FeedQuery.DEFAULT_LIMIT,
                        null),
                lang,
                null);
    }

    private static AreaId parsePlace(String value) {
        if (!AreaId.isValid(value)) {
            throw Problem.badParameter(
                            "place",
                            value,
                            "parameter 'place' is not an area id: '" + Problem.shown(value)
                                    + "'; expected e.g. fr:commune:33063 or fr:departement:33",
                            null)
                    .toException();
        }
        return AreaId.parse(value);
    }

    private Set<String> themeIds(QueryParams params) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : params.listValues("themes")) {
            try {
                ids.add(ThemeAssignment.requireThemeId(value));
            } catch (IllegalArgumentException e) {
                throw Problem.badParameter(
                                "themes",
                                value,
                                "parameter 'themes' has a malformed theme id '"
                                        + Problem.shown(value)
                                        + "'; expected lowercase letters and underscores, e.g."
                                        + " mobilite",
                                themes.listIds())
                        .toException();
            }
        }
        if (ids.size() > FeedRequest.MAX_THEMES) {
            throw Problem.badParameter(
                            "themes",
                            String.join(",", ids),
                            "parameter 'themes' lists " + ids.size() + " themes; at most "
                                    + FeedRequest.MAX_THEMES + " are accepted",
                            null)
                    .toException();
        }
        return ids;
    }

    /** The node's own absolute URL, from the request (feeds need absolute links). */
    private static String baseUrl(Context ctx) {
        String host = ctx.host();
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            host = "localhost";
        }
        return ctx.scheme() + "://" + host;
    }

    private Views.Frame frame(
            Context ctx, Lang lang, String title, List<Views.Alternate> alternates) {
        Texts t = Texts.of(lang);
        return new Views.Frame(
                t,
                lang,
                title,
                switchHref(ctx, lang.other()),
                PageUrls.page(PageUrls.HOME, lang),
                PageUrls.page(PageUrls.SOURCES, lang),
                styleSheetHref(),
                assets.url("parvis.js"),
                alternates,
                api.sampleData());
    }

    /** The current URL with {@code lang} set to the other language. */
    private static String switchHref(Context ctx, Lang other) {
        String query = ctx.req().getQueryString();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("lang=") && !pair.equals("lang")) {
                    kept.append(pair).append('&');
                }
            }
        }
        return ctx.path() + "?" + kept + "lang=" + other.code();
    }

    private void render(Context ctx, Lang lang, String template, Object view) {
        StringOutput output = new StringOutput();
        templates.render(template, view, output);
        htmlHeaders(ctx, lang);
        ctx.contentType(HTML).result(output.toString());
    }

    private static void htmlHeaders(Context ctx, Lang lang) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Content-Language", lang.code());
        ctx.header("Vary", "Accept-Language");
        ctx.header("Cache-Control", "no-cache");
    }

    private void error(Context ctx, Lang lang, Problem problem) {
        Texts t = Texts.of(lang);
        int status = problem.status();
        String heading = status == 404 ? t.get("error.404") : t.get("error.400");
        String detail = problem.parameter() == null
                ? (status == 404 ? t.get("error.404.detail") : t.get("error.400.detail"))
                : t.format("error.parameter", problem.parameter());
        if (status >= 500) {
            LOG.warn("page {} answered {}", ctx.path(), status);
        }
        ctx.status(status);
        render(
                ctx,
                lang,
                "page/error.jte",
                new Views.ErrorView(
                        frame(ctx, lang, heading, List.of()),
                        status,
                        heading,
                        detail,
                        problem.detail(),
                        problem.parameter(),
                        problem.value(),
                        problem.allowed() == null ? List.of() : problem.allowed()));
    }
}
