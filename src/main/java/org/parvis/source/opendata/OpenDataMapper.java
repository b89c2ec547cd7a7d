package org.parvis.source.opendata;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Counts;
import org.parvis.model.FollowUp;
import org.parvis.model.GeoPoint;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.Lineage;
import org.parvis.model.LineageRelation;
import org.parvis.model.LocalizedText;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Money;
import org.parvis.model.OfficialAnswer;
import org.parvis.model.Organiser;
import org.parvis.model.OrganiserKind;
import org.parvis.model.Outcome;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.source.HarvestContext;
import org.parvis.source.SourceConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps the rows of a Decidim open-data export to unified items, the way the GraphQL connector maps
 * the same records: the same source keys ({@code <Type>/<id>}), public URLs taken from the export
 * (built from the slug where an old export has none), dates, statuses, kinds, organisers, scope and
 * area labels (resolved to official areas later, by the harvester), coordinates and addresses.
 *
 * <p>A row that cannot become an item throws {@link IllegalArgumentException}; a bad optional
 * value (a date, a count, coordinates) is reported as a {@code bad-value} issue naming the file,
 * row and column, and left out. One instance serves one harvest; not thread-safe.
 */
final class OpenDataMapper {

    private final SourceConfig source;
    private final HarvestContext ctx;
    private final URI retrievedFrom;
    private final Licence licence;
    private final String locale;
    private final Set<String> budgetSpaces;
    /** Accountability results by the URL of their space, collected before the spaces are read. */
    private final Map<String, List<Outcome>> outcomesBySpace = new HashMap<>();

    /**
     * @param retrievedFrom the export's URL, recorded in each item's provenance
     * @param licence the licence of the export's data
     * @param budgetSpaces URLs of the spaces that hold budget projects (participatory budgets)
     */
    OpenDataMapper(
            SourceConfig source,
            HarvestContext ctx,
            URI retrievedFrom,
            Licence licence,
            Set<String> budgetSpaces) {
        this.source = source;
        this.ctx = ctx;
        this.retrievedFrom = retrievedFrom;
        this.licence = licence;
        this.locale = source.locales().get(0);
        this.budgetSpaces = Set.copyOf(budgetSpaces);
    }

    // ---------------------------------------------------------------- spaces

    Process process(Row row) {
        String id = required(row, "id");
        URI url = spaceUrl(row, "processes");
        String typeLabel = best(row.localized("participatory_process_type/title", locale));
        ProcessType type = typeFromLabel(typeLabel);
        if (type == null) {
            type = budgetSpaces.contains(url.toString())
                    ? ProcessType.PARTICIPATORY_BUDGET
                    : ProcessType.CONSULTATION;
        }
        ProcessBuilder builder = space(row, "ParticipatoryProcess/" + id, url)
                .withProcessType(type)
                .withSourceType(typeLabel == null ? "participatory_process" : typeLabel)
                .withWindow(startOf(row, "start_date"), endOf(row, "end_date"));
        return builder.build();
    }

    Process assembly(Row row) {
        String id = required(row, "id");
        URI url = spaceUrl(row, "assemblies");
        String typeLabel = best(row.localized("assembly_type/title", locale));
        // An assembly is a standing body: open from its creation until it is closed.
        Instant start = startOf(row, "creation_date");
        if (start == null) {
            start = startOf(row, "included_at");
        }
        return space(row, "Assembly/" + id, url)
                .withProcessType(ProcessType.ASSEMBLY)
                .withSourceType(typeLabel == null ? "assembly" : typeLabel)
                .withWindow(start, endOf(row, "closing_date"))
                .build();
    }

    Process initiative(Row row) {
        String id = required(row, "id");
        String urlText = row.text("url");
        URI url = urlText == null ? build("initiatives/i-" + id) : url(row, "url", urlText);
        String typeLabel = best(row.localized("type/title", locale));
        ProcessType type = typeFromLabel(typeLabel);
        Long signatures = count(row, "signatures");
        if (signatures == null) {
            Long online = count(row, "online_votes");
            Long offline = count(row, "offline_votes");
            signatures = online == null && offline == null
                    ? null
                    : (online == null ? 0 : online) + (offline == null ? 0 : offline);
        }
        return space(row, "Initiative/" + id, url)
                .withIdBuilt(urlText == null)
                .withProcessType(type == null ? ProcessType.CITIZEN_INITIATIVE : type)
                .withSourceType(typeLabel == null ? "initiative" : typeLabel)
                .withSourceStatus(row.text("state"))
                .withWindow(startOf(row, "signature_start_date"), endOf(row, "signature_end_date"))
                .withCounts(new Counts(
                        null,
                        null,
                        null,
                        signatures,
                        count(row, "comments_count"),
                        count(row, "follows_count")))
                .build();
    }

    Process conference(Row row) {
        String id = required(row, "id");
        URI url = spaceUrl(row, "conferences");
        return space(row, "Conference/" + id, url)
                .withProcessType(ProcessType.OTHER)
                .withSourceType("conference")
                .withWindow(startOf(row, "start_date"), endOf(row, "end_date"))
                .build();
    }

    /** What every kind of space shares. */
    private ProcessBuilder space(Row row, String nativeId, URI url) {
        LocalizedText title = row.localized("title", locale);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("no title in any language");
        }
        LocalizedText summary = row.localized("short_description", locale);
        if (summary.isEmpty()) {
            summary = row.localized("subtitle", locale);
        }
        Instant updatedAt = instant(row, "updated_at");
        ProcessBuilder builder = ProcessBuilder.create()
                .withId(url)
                .withSourceKey(new SourceKey(source.id(), nativeId))
                .withReference(row.text("reference"))
                .withTitle(title)
                .withSummary(summary.isEmpty() ? null : summary)
                .withDescription(nonEmpty(row.localized("description", locale)))
                .withAudience(plain(best(row.localized("target", locale))))
                .withPublishedAt(instant(row, "published_at"))
                .withUpdatedAt(updatedAt)
                .withParticipateUrl(url)
                .withIdBuilt(row.text("url") == null)
                .withCounts(new Counts(null, null, null, null, null, count(row, "follows_count")))
                .withProvenance(provenance(updatedAt));
        outcomesBySpace.getOrDefault(url.toString(), List.of()).forEach(builder::addOutcome);

        // The platform's owner organises; the developer group promotes (model: promoter).
        if (source.organiserName() != null) {
            builder.addOrganiser(Organiser.of(
                    source.organiserName(),
                    source.territory() == null
                            ? OrganiserKind.OTHER
                            : OrganiserKind.governing(source.territory().level()),
                    source.territory()));
        }
        String promoter = plain(best(row.localized("developer_group", locale)));
        if (promoter != null && !promoter.equalsIgnoreCase(source.organiserName())) {
            builder.addOrganiser(Organiser.of(promoter, OrganiserKind.OTHER, null));
        }

        for (String label : territoryLabels(row)) {
            builder.addTerritoryLabel(label);
        }
        for (String label : themeLabels(row)) {
            builder.addSourceTheme(label);
        }
        return builder;
    }

    // ---------------------------------------------------------------- contributions

    Contribution proposal(Row row) {
        String id = required(row, "id");
        URI url = url(row, "url", required(row, "url"));
        boolean amendment = bool(row, "is_amend");
        List<Lineage> lineage = new ArrayList<>();
        if (amendment) {
            urls(row, "original_proposal/url")
                    .forEach(
                            original -> lineage.add(new Lineage(LineageRelation.AMENDS, original)));
        }
        // A proposal created in a meeting names that meeting; others were only discussed there.
        LineageRelation meetingRelation = bool(row, "created_in_meeting")
                ? LineageRelation.CREATED_IN_MEETING
                : LineageRelation.RELATED_TO;
        urls(row, "meeting_urls")
                .forEach(meeting -> lineage.add(new Lineage(meetingRelation, meeting)));
        FollowUp followUp = new FollowUp(answer(row), lineage, euros(row, "cost"), List.of());
        return contribution(
                        row,
                        "Proposal/" + id,
                        url,
                        amendment ? ContributionKind.AMENDMENT : ContributionKind.PROPOSAL,
                        row.localized("body", locale),
                        proposalStatus(row),
                        null,
                        new Counts(
                                null,
                                null,
                                count(row, "votes", "supports"),
                                null,
                                count(row, "comments"),
                                count(row, "follows_count", "followers")))
                .withFollowUp(followUp);
    }

    Contribution meeting(Row row) {
        String id = required(row, "id");
        URI url = url(row, "url", required(row, "url"));
        Instant start = instant(row, "start_time");
        if (start == null) {
            throw new IllegalArgumentException("meeting has no valid start_time");
        }
        Instant end = instant(row, "end_time");
        if (end != null && end.isBefore(start)) {
            ctx.report(
                    "bad-value",
                    url.toString(),
                    retrievedFrom,
                    row.where() + ", column end_time: the meeting ends (" + end
                            + ") before it starts (" + start + "); end time left out");
            end = null;
        }
        String address = row.text("address");
        String location = best(row.localized("location", locale));
        MeetingDetails details = new MeetingDetails(
                start, end, meetingMode(row, address, location), address, null, null);
        boolean withdrawn = bool(row, "withdrawn") || row.text("withdrawn_at") != null;
        return contribution(
                row,
                "Meeting/" + id,
                url,
                ContributionKind.MEETING,
                row.localized("description", locale),
                withdrawn ? "withdrawn" : "published",
                details,
                new Counts(
                        count(row, "attendees"),
                        count(row, "contributions"),
                        null,
                        null,
                        count(row, "comments"),
                        count(row, "followers", "follows_count")));
    }

    Contribution debate(Row row) {
        String id = required(row, "id");
        URI url = url(row, "url", required(row, "url"));
        return contribution(
                row,
                "Debate/" + id,
                url,
                ContributionKind.DEBATE,
                row.localized("description", locale),
                row.text("closed_at") == null ? "published" : "closed",
                null,
                new Counts(
                        null,
                        null,
                        null,
                        null,
                        count(row, "comments"),
                        count(row, "follows_count")));
    }

    Contribution project(Row row) {
        String id = required(row, "id");
        String urlText = row.first("url", "budget/url");
        if (urlText == null) {
            throw new IllegalArgumentException("no url");
        }
        URI url = url(row, "url", urlText);
        List<Lineage> related = new ArrayList<>();
        urls(row, "related_proposal_urls", "budget/related_proposal_urls")
                .forEach(
                        proposal -> related.add(new Lineage(LineageRelation.RELATED_TO, proposal)));
        FollowUp followUp = new FollowUp(
                null, related, euros(row, "budget_amount", "budget/budget_amount"), null);
        boolean selected = row.first("selected_at", "budget/selected_at") != null;
        return contribution(
                        row,
                        "Project/" + id,
                        url,
                        ContributionKind.BUDGET_PROJECT,
                        row.localized("description", locale),
                        selected ? "selected" : "published",
                        null,
                        new Counts(
                                null,
                                null,
                                count(row, "confirmed_votes"),
                                null,
                                count(row, "comments"),
                                count(row, "follows_count")))
                .withFollowUp(followUp);
    }

    /**
     * A comment. Decidim gives it no URL: it is built from its thread's root ({@code
     * root_commentable_url}) with the comment anchor Decidim links to.
     */
    Contribution comment(Row row) {
        String id = required(row, "id");
        URI root = url(row, "root_commentable_url", required(row, "root_commentable_url"));
        URI url = commentUrl(root, id);
        String commentableType = required(row, "commentable_type");
        String commentableId = required(row, "commentable_id");
        URI parent = commentableType.endsWith("::Comment") ? commentUrl(root, commentableId) : root;
        URI process = spaceOf(root);

        LocalizedText body = row.localized("body", locale);
        String own = row.text("locale");
        if (own != null && body.texts().containsKey(own)) {
            body = new LocalizedText(body.texts(), own);
        }
        List<Author> authors = new ArrayList<>();
        String authorName = row.first("author/name", "author/name/" + locale);
        if (authorName == null) {
            authorName = best(row.localized("author/name", locale));
        }
        String group = best(row.localized("user_group/name", locale));
        if (group != null) {
            authors.add(new Author(group, Author.Kind.GROUP, null, row.text("user_group/id")));
        } else if (authorName != null) {
            authors.add(new Author(authorName, Author.Kind.PERSON, null, row.text("author/id")));
        }
        Instant createdAt = instant(row, "created_at");
        return new Contribution(
                url,
                new SourceKey(source.id(), "Comment/" + id),
                null,
                ContributionKind.COMMENT,
                process,
                parent,
                LocalizedText.empty(),
                nonEmpty(body),
                authors,
                createdAt,
                instant(row, "updated_at"),
                "published",
                null,
                null,
                null,
                Counts.NONE,
                List.of(),
                true,
                provenance(createdAt),
                stance(row));
    }

    private Contribution contribution(
            Row row,
            String nativeId,
            URI url,
            ContributionKind kind,
            LocalizedText body,
            @Nullable String status,
            @Nullable MeetingDetails meeting,
            Counts counts) {
        String spaceText = row.text("participatory_space/url");
        URI process =
                spaceText == null ? spaceOf(url) : url(row, "participatory_space/url", spaceText);
        Instant updatedAt = instant(row, "updated_at");
        return new Contribution(
                url,
                new SourceKey(source.id(), nativeId),
                row.text("reference"),
                kind,
                process,
                null,
                row.localized("title", locale),
                nonEmpty(body),
                authors(row),
                firstInstant(row, "created_at", "published_at"),
                updatedAt,
                status,
                kind == ContributionKind.MEETING ? null : row.text("address"),
                point(row, url),
                meeting,
                counts,
                List.of(),
                false,
                provenance(updatedAt));
    }

    // ---------------------------------------------------------------- outcomes

    /**
     * Reads an accountability result and keeps it for its space, which then carries it as an
     * outcome. Throws when the row cannot be one (no URL, no title).
     */
    void collectOutcome(Row row) {
        required(row, "id");
        URI url = url(row, "url", required(row, "url"));
        LocalizedText title = row.localized("title", locale);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("no title in any language");
        }
        LocalDate start = parse(row, "start_date", Cells::date);
        LocalDate end = parse(row, "end_date", Cells::date);
        if (start != null && end != null && end.isBefore(start)) {
            report(
                    row,
                    "end_date",
                    "the result ends (" + end + ") before it starts (" + start
                            + "); end date left out");
            end = null;
        }
        Outcome outcome = new Outcome(
                url,
                title,
                nonEmpty(row.localized("description", locale)),
                row.first("status/key", "status"),
                nonEmpty(row.localized("status/name", locale)),
                percentage(row, "progress"),
                start,
                end,
                urls(row, "proposal_urls"),
                null,
                null);
        String spaceText = row.text("participatory_space/url");
        URI space =
                spaceText == null ? spaceOf(url) : url(row, "participatory_space/url", spaceText);
        outcomesBySpace
                .computeIfAbsent(space.toString(), key -> new ArrayList<>())
                .add(outcome);
    }

    /**
     * The organiser's answer to a proposal, once published: 0.30 exports answers still being
     * drafted, with no {@code state_published_at}.
     */
    private @Nullable OfficialAnswer answer(Row row) {
        boolean unpublished =
                row.hasColumn("state_published_at") && row.text("state_published_at") == null;
        LocalizedText text = row.localized("answer", locale);
        Instant at = instant(row, "answered_at");
        if (unpublished || (text.isEmpty() && at == null)) {
            return null;
        }
        return new OfficialAnswer(text, at, null, null, null);
    }

    // ---------------------------------------------------------------- fields

    /** Normalised proposal status (model §7): the published state, or withdrawn. */
    private String proposalStatus(Row row) {
        if (bool(row, "withdrawn")
                || row.text("withdrawn_at") != null
                || "withdrawn".equalsIgnoreCase(row.text("state"))) {
            return "withdrawn";
        }
        String state = row.text("state");
        // 0.30 exports the state before its publication; only a published state is public.
        boolean unpublished =
                row.hasColumn("state_published_at") && row.text("state_published_at") == null;
        if (state == null || unpublished || "not_answered".equals(state)) {
            return "published";
        }
        return state.toLowerCase(Locale.ROOT);
    }

    private static MeetingDetails.Mode meetingMode(
            Row row, @Nullable String address, @Nullable String location) {
        String type = row.first("type_of_meeting", "type");
        if (type != null) {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "online":
                    return MeetingDetails.Mode.ONLINE;
                case "hybrid":
                    return MeetingDetails.Mode.HYBRID;
                case "in_person":
                    return MeetingDetails.Mode.IN_PERSON;
                default:
                    break;
            }
        }
        // Older exports have no meeting type: a place means people meet in a room.
        return address != null || location != null
                ? MeetingDetails.Mode.IN_PERSON
                : MeetingDetails.Mode.ONLINE;
    }

    private List<Author> authors(Row row) {
        List<String> names = Cells.list(row.text("author/name"));
        List<String> urls = Cells.list(row.text("author/url"));
        List<String> ids = Cells.list(row.text("author/id"));
        List<Author> authors = new ArrayList<>();
        if (names.isEmpty()) {
            return authors;
        }
        if (names.size() == urls.size() || urls.isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                URI profile = urls.isEmpty() ? null : optionalUrl(urls.get(i));
                String ref = ids.size() == names.size() ? ids.get(i) : null;
                authors.add(new Author(names.get(i), Author.Kind.PERSON, profile, ref));
            }
        } else {
            // A name with a comma: the list cannot be split reliably.
            authors.add(new Author(row.text("author/name"), Author.Kind.PERSON, null, null));
        }
        return authors;
    }

    private @Nullable GeoPoint point(Row row, URI record) {
        String lat = row.first("latitude", "budget/latitude");
        String lon = row.first("longitude", "budget/longitude");
        if (lat == null || lon == null) {
            return null;
        }
        try {
            return new GeoPoint(Cells.decimal(lat), Cells.decimal(lon));
        } catch (IllegalArgumentException e) {
            ctx.report(
                    "bad-value",
                    record.toString(),
                    retrievedFrom,
                    row.where() + ", columns latitude/longitude: " + e.getMessage()
                            + "; coordinates left out");
            return null;
        }
    }

    private static @Nullable Integer stance(Row row) {
        String value = row.text("alignment");
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "1" -> 1;
            case "0" -> 0;
            case "-1" -> -1;
            default ->
                throw new IllegalArgumentException("alignment '" + value + "' is not 1, 0 or -1");
        };
    }

    private List<String> territoryLabels(Row row) {
        Set<String> labels = new LinkedHashSet<>();
        addLabel(labels, best(row.localized("scope/name", locale)));
        addLabel(labels, best(row.localized("area/name", locale)));
        // 0.30 replaced scopes and areas with taxonomies: a taxonomy may name a place.
        Cells.list(row.text("taxonomies/name")).forEach(label -> addLabel(labels, label));
        return List.copyOf(labels);
    }

    private List<String> themeLabels(Row row) {
        Set<String> labels = new LinkedHashSet<>();
        addLabel(labels, best(row.localized("category/name", locale)));
        Cells.list(row.text("taxonomies/name")).forEach(label -> addLabel(labels, label));
        return List.copyOf(labels);
    }

    private static void addLabel(Set<String> labels, @Nullable String label) {
        String text = plain(label);
        if (text != null) {
            labels.add(text);
        }
    }

    /** A process type named by a Decidim process or initiative type label, if it names one. */
    static @Nullable ProcessType typeFromLabel(@Nullable String label) {
        if (label == null) {
            return null;
        }
        String text = label.toLowerCase(Locale.ROOT);
        if (text.contains("budget participatif") || text.contains("participatory budget")) {
            return ProcessType.PARTICIPATORY_BUDGET;
        } else if (text.contains("concertation préalable")) {
            return ProcessType.PRIOR_CONCERTATION;
        } else if (text.contains("enquête publique")) {
            return ProcessType.PUBLIC_INQUIRY;
        } else if (text.contains("débat public")) {
            return ProcessType.PUBLIC_DEBATE;
        } else if (text.contains("pétition") || text.contains("petition")) {
            return ProcessType.PETITION;
        } else if (text.contains("appel à idées") || text.contains("appel à projets")) {
            return ProcessType.CALL_FOR_IDEAS;
        } else if (text.contains("référendum") || text.contains("votation")) {
            return ProcessType.LOCAL_REFERENDUM;
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private Provenance provenance(@Nullable Instant sourceUpdatedAt) {
        Provenance p = ctx.provenance(retrievedFrom, HarvestMethod.OPEN_DATA_CSV, sourceUpdatedAt);
        return new Provenance(
                p.sourceId(),
                p.retrievedAt(),
                p.retrievedFrom(),
                p.method(),
                p.sourceUpdatedAt(),
                licence,
                p.via());
    }

    /** The space's URL from the export, or built from its slug ({@code /processes/<slug>}). */
    private URI spaceUrl(Row row, String pathSegment) {
        String url = row.text("url");
        if (url != null) {
            return url(row, "url", url);
        }
        String slug = row.text("slug");
        if (slug == null) {
            throw new IllegalArgumentException("neither url nor slug");
        }
        return build(pathSegment + "/" + slug);
    }

    private URI build(String path) {
        return source.resolve(path);
    }

    /** The space a component resource belongs to: its URL up to {@code /f/<component>/}. */
    private static URI spaceOf(URI resource) {
        String text = resource.toString();
        int component = text.indexOf("/f/");
        return component < 0 ? resource : URI.create(text.substring(0, component));
    }

    private static URI commentUrl(URI root, String commentId) {
        String base = root.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        String separator = base.contains("?") ? "&" : "?";
        return URI.create(base + separator + "commentId=" + commentId + "#comment_" + commentId);
    }

    private static URI url(Row row, String column, String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(
                        "column " + column + ": '" + value + "' is not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "column " + column + ": '" + value + "' is not a URL (" + e.getReason() + ")",
                    e);
        }
    }

    private static @Nullable URI optionalUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String required(Row row, String column) {
        String value = row.text(column);
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        return value;
    }

    private @Nullable Instant instant(Row row, String column) {
        return parse(row, column, Cells::instant);
    }

    private @Nullable Instant firstInstant(Row row, String... columnNames) {
        for (String column : columnNames) {
            Instant value = instant(row, column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The start of a date column's day, in the platform's zone. */
    private @Nullable Instant startOf(Row row, String column) {
        LocalDate date = parse(row, column, Cells::date);
        return date == null ? null : date.atStartOfDay(Cells.ZONE).toInstant();
    }

    /** The end of a date column's day: an end date is the last day one can take part. */
    private @Nullable Instant endOf(Row row, String column) {
        LocalDate date = parse(row, column, Cells::date);
        return date == null ? null : date.plusDays(1).atStartOfDay(Cells.ZONE).toInstant();
    }

    private @Nullable Long count(Row row, String... columnNames) {
        for (String column : columnNames) {
            Long value = parse(row, column, Cells::count);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * An amount in euros, the currency of the French Decidim instances Parvis reads (the export
     * does not say which currency the instance is configured with).
     */
    private @Nullable Money euros(Row row, String... columnNames) {
        for (String column : columnNames) {
            Money value = parse(row, column, text -> Money.euros(Cells.number(text)));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A progress percentage, 0 to 100 (Decidim writes {@code 45.0}). */
    private @Nullable Integer percentage(Row row, String column) {
        return parse(row, column, text -> {
            double value = Cells.decimal(text);
            if (!(value >= 0 && value <= 100)) {
                throw new IllegalArgumentException("'" + text + "' is not a percentage (0 to 100)");
            }
            return (int) Math.round(value);
        });
    }

    /**
     * The http(s) URLs of a list cell (Decidim joins arrays with {@code ", "}); a token that is
     * not one is reported and left out.
     */
    private List<URI> urls(Row row, String... columnNames) {
        List<URI> urls = new ArrayList<>();
        for (String column : columnNames) {
            for (String token : Cells.list(row.text(column))) {
                try {
                    urls.add(url(row, column, token));
                } catch (IllegalArgumentException e) {
                    report(row, column, e.getMessage() + "; link left out");
                }
            }
        }
        return urls;
    }

    private void report(Row row, String column, String problem) {
        ctx.report(
                "bad-value",
                row.first("url", "reference", "id"),
                retrievedFrom,
                row.where() + ", column " + column + ": " + problem);
    }

    private boolean bool(Row row, String column) {
        Boolean value = parse(row, column, Cells::bool);
        return value != null && value;
    }

    /** Parses an optional cell; a bad value is reported and read as absent. */
    private <T> @Nullable T parse(Row row, String column, Function<String, T> parser) {
        String value = row.text(column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            report(row, column, e.getMessage() + "; value left out");
            return null;
        }
    }

    private @Nullable String best(LocalizedText text) {
        if (text.isEmpty()) {
            return null;
        }
        return text.best(source.locales());
    }

    private static @Nullable LocalizedText nonEmpty(LocalizedText text) {
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String plain(@Nullable String html) {
        if (html == null) {
            return null;
        }
        String text = Cells.plainText(html);
        return text.isEmpty() ? null : text;
    }
}
