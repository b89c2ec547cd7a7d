package org.parvis.source.decidim;

import com.fasterxml.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Counts;
import org.parvis.model.FollowUp;
import org.parvis.model.GeoPoint;
import org.parvis.model.LocalizedText;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Money;
import org.parvis.model.OfficialAnswer;
import org.parvis.model.Outcome;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.Step;
import org.parvis.source.SourceConfig;
import org.parvis.theme.PlainText;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns Decidim GraphQL nodes into unified records: builds the public URLs Decidim's routes give
 * (the API has none), reads translated fields into {@link LocalizedText}, dates (plain dates are
 * days in Europe/Paris, the end date inclusive), steps, and sorts 0.30 taxonomies into territory
 * labels and themes by the name of their root.
 *
 * <p>Throws {@link IllegalArgumentException} for a node that lacks what the model needs (an id, a
 * title); the connector turns it into a source issue. Stateless and thread-safe.
 */
final class DecidimMapper {

    /** Decidim instances in France publish their dates in French time. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** Taxonomy roots whose items are places ("Territoires", "Quartiers", "Secteurs"…). */
    private static final Pattern PLACE_ROOT = Pattern.compile(
            "(?iu)territ|quartier|secteur|zone|commune|ville|lieu|g[ée]ograph|p[ée]rim[èe]tre"
                    + "|district|arrondissement|barri|area|[àa]mbit|scope|place|localit");

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** A space (process or assembly) as the connector needs it to place its components. */
    record Space(String typename, String id, String slug, URI url, Process process) {}

    private final SourceConfig source;

    DecidimMapper(SourceConfig source) {
        this.source = source;
    }

    // ---- spaces ----

    Space process(JsonNode node, Provenance provenance) {
        return space(node, "ParticipatoryProcess", "processes", provenance);
    }

    Space assembly(JsonNode node, Provenance provenance) {
        return space(node, "Assembly", "assemblies", provenance);
    }

    /**
     * A citizens' initiative (a petition that needs signatures): its window is the signature
     * period, its count the online and offline signatures. Its components are not read.
     */
    Space initiative(JsonNode node, Provenance provenance) {
        String id = required(node, "id");
        String slug = text(node, "slug");
        if (slug == null || slug.isBlank()) {
            slug = "i-" + id; // Decidim's own slug for initiatives
        }
        URI url = source.resolve("initiatives/" + slug);
        LocalizedText title = requireTitle(translated(node.path("title")), url);
        String typeLabel = best(translated(node.path("initiativeType").path("title")));
        boolean petition =
                typeLabel != null && typeLabel.toLowerCase(Locale.ROOT).matches(".*p[ée]tition.*");
        Long online = count(node.path("onlineVotes"));
        Long offline = count(node.path("offlineVotes"));
        Long signatures = online == null && offline == null
                ? null
                : (online == null ? 0 : online) + (offline == null ? 0 : offline);
        ProcessBuilder builder = ProcessBuilder.create()
                .withId(url)
                .withSourceKey(new SourceKey(source.id(), "Initiative/" + id))
                .withReference(text(node, "reference"))
                .withProcessType(petition ? ProcessType.PETITION : ProcessType.CITIZEN_INITIATIVE)
                .withSourceType(typeLabel == null ? "Decidim::Initiative" : typeLabel)
                .withTitle(title)
                .withDescription(orNull(translated(node.path("description"))))
                .withPublishedAt(instant(node.path("publishedAt")))
                .withUpdatedAt(instant(node.path("updatedAt")))
                .withSourceStatus(text(node, "state"))
                .withWindow(
                        startOfDay(node.path("signatureStartDate")),
                        endOfDay(node.path("signatureEndDate")))
                .withCounts(new Counts(null, null, null, signatures, null, null))
                .withLanguages(List.copyOf(title.texts().keySet()))
                .withIdBuilt(true)
                .withProvenance(provenance);
        addLabels(node, builder);
        return new Space("Initiative", id, slug, url, builder.build());
    }

    private Space space(JsonNode node, String typename, String section, Provenance provenance) {
        String id = required(node, "id");
        String slug = required(node, "slug");
        URI url = source.resolve(section + "/" + slug);
        boolean assembly = "Assembly".equals(typename);

        ProcessBuilder builder = ProcessBuilder.create()
                .withId(url)
                .withSourceKey(new SourceKey(source.id(), typename + "/" + id))
                .withReference(text(node, "reference"))
                .withProcessType(assembly ? ProcessType.ASSEMBLY : processType(node))
                .withSourceType(text(node, "type"))
                .withTitle(translated(node.path("title")))
                .withSummary(orNull(firstNonEmpty(
                        translated(node.path("shortDescription")),
                        translated(node.path("subtitle")))))
                .withDescription(orNull(translated(node.path("description"))))
                .withAudience(plain(best(translated(node.path("target")))))
                .withPublishedAt(instant(node.path("publishedAt")))
                .withUpdatedAt(instant(node.path("updatedAt")))
                .withIdBuilt(true)
                .withProvenance(provenance);
        LocalizedText title = translated(node.path("title"));
        builder.withLanguages(List.copyOf(title.texts().keySet()));

        if (assembly) {
            builder.withWindow(
                    startOfDay(node.path("creationDate")), endOfDay(node.path("closingDate")));
        } else {
            builder.withWindow(startOfDay(node.path("startDate")), endOfDay(node.path("endDate")));
        }

        // Steps, and the active one's call to action.
        int position = 0;
        for (JsonNode step : node.path("steps")) {
            LocalizedText stepTitle = translated(step.path("title"));
            if (stepTitle.isEmpty()) {
                continue;
            }
            boolean active = step.path("active").asBoolean(false);
            builder.addStep(new Step(
                    stepTitle,
                    orNull(translated(step.path("description"))),
                    startOfDay(step.path("startDate")),
                    endOfDay(step.path("endDate")),
                    step.path("position").canConvertToInt()
                            ? step.path("position").asInt()
                            : position,
                    active));
            position++;
            if (active) {
                builder.withSourceStatus(best(stepTitle));
                String path = text(step, "callToActionPath");
                if (path != null && !path.isBlank()) {
                    builder.withParticipateUrl(link(url, path));
                }
            }
        }

        addLabels(node, builder);
        return new Space(typename, id, slug, url, builder.build());
    }

    /**
     * A space's territory labels (scope, area, place taxonomies) and theme labels (categories,
     * other taxonomies, hashtag), whichever of them its type has.
     */
    private void addLabels(JsonNode node, ProcessBuilder builder) {
        String scope = best(translated(node.path("scope").path("name")));
        if (scope != null) {
            builder.addTerritoryLabel(scope);
        }
        String area = best(translated(node.path("area").path("name")));
        if (area != null) {
            builder.addTerritoryLabel(area);
        }
        for (JsonNode category : node.path("categories")) {
            String name = best(translated(category.path("name")));
            if (name != null) {
                builder.addSourceTheme(name);
            }
        }
        addTaxonomies(node, builder::addTerritoryLabel, builder::addSourceTheme);
        String hashtag = text(node, "hashtag");
        if (hashtag != null && !hashtag.isBlank()) {
            builder.addSourceTheme("#" + hashtag.strip().replaceFirst("^#", ""));
        }
    }

    /**
     * Processes with a budgets component are participatory budgets; those whose only way to
     * contribute is a survey (no proposals, debates or budgets) are surveys; the rest
     * consultations. Survey answers are private, so a survey is read as the kind of its process.
     */
    private static ProcessType processType(JsonNode node) {
        boolean survey = false;
        boolean contributions = false;
        for (JsonNode component : node.path("components")) {
            switch (component.path("__typename").asText()) {
                case "Budgets" -> {
                    return ProcessType.PARTICIPATORY_BUDGET;
                }
                case "Surveys" -> survey = true;
                case "Proposals", "Debates" -> contributions = true;
                default -> {
                    // Meetings, pages, blogs, results… do not change the kind.
                }
            }
        }
        return survey && !contributions ? ProcessType.SURVEY : ProcessType.CONSULTATION;
    }

    // ---- components ----

    /** {@code /processes/{slug}/f/{componentId}}: the root of a component's pages. */
    static URI componentUrl(Space space, String componentId) {
        return URI.create(space.url() + "/f/" + componentId);
    }

    Contribution proposal(Space space, String componentId, JsonNode node, Provenance provenance) {
        String id = required(node, "id");
        URI url = URI.create(componentUrl(space, componentId) + "/proposals/" + id);
        String status = node.path("withdrawn").asBoolean(false) ? "withdrawn" : text(node, "state");
        Counts counts = new Counts(
                null,
                null,
                count(node.path("voteCount")),
                null,
                count(node.path("totalCommentsCount")),
                null);
        return new Contribution(
                url,
                new SourceKey(source.id(), "Proposal/" + id),
                text(node, "reference"),
                ContributionKind.PROPOSAL,
                space.url(),
                null,
                requireTitle(translated(node.path("title")), url),
                orNull(translated(node.path("body"))),
                authors(node.path("author"), node.path("official").asBoolean(false)),
                instant(node.path("createdAt")),
                instant(node.path("updatedAt")),
                status,
                text(node, "address"),
                point(node.path("coordinates")),
                null,
                counts,
                List.of(),
                true,
                provenance,
                null,
                new FollowUp(answer(node), List.of(), null, List.of()));
    }

    Contribution meeting(Space space, String componentId, JsonNode node, Provenance provenance) {
        String id = required(node, "id");
        URI url = URI.create(componentUrl(space, componentId) + "/meetings/" + id);
        Instant start = instant(node.path("startTime"));
        if (start == null) {
            throw new IllegalArgumentException("meeting " + url + " has no startTime");
        }
        String address = text(node, "address");
        String online = text(node, "onlineMeetingUrl");
        MeetingDetails details = new MeetingDetails(
                start,
                instant(node.path("endTime")),
                mode(text(node, "typeOfMeeting")),
                address == null || address.isBlank()
                        ? best(translated(node.path("location")))
                        : address,
                online == null || !online.startsWith("http") ? null : URI.create(online.strip()),
                node.path("registrationsEnabled").asBoolean(false) ? url : null);
        String status = node.path("isWithdrawn").asBoolean(false)
                ? "withdrawn"
                : node.path("closed").asBoolean(false) ? "closed" : null;
        return new Contribution(
                url,
                new SourceKey(source.id(), "Meeting/" + id),
                text(node, "reference"),
                ContributionKind.MEETING,
                space.url(),
                null,
                requireTitle(translated(node.path("title")), url),
                orNull(translated(node.path("description"))),
                List.of(),
                instant(node.path("createdAt")),
                instant(node.path("updatedAt")),
                status,
                address,
                point(node.path("coordinates")),
                details,
                new Counts(
                        count(node.path("attendeeCount")),
                        count(node.path("contributionCount")),
                        null,
                        null,
                        count(node.path("totalCommentsCount")),
                        null),
                List.of(),
                true,
                provenance);
    }

    Contribution debate(Space space, String componentId, JsonNode node, Provenance provenance) {
        String id = required(node, "id");
        URI url = URI.create(componentUrl(space, componentId) + "/debates/" + id);
        return new Contribution(
                url,
                new SourceKey(source.id(), "Debate/" + id),
                text(node, "reference"),
                ContributionKind.DEBATE,
                space.url(),
                null,
                requireTitle(translated(node.path("title")), url),
                orNull(translated(node.path("description"))),
                authors(node.path("author"), false),
                instant(node.path("createdAt")),
                instant(node.path("updatedAt")),
                null,
                null,
                null,
                null,
                new Counts(null, null, null, null, count(node.path("totalCommentsCount")), null),
                List.of(),
                true,
                provenance);
    }

    Contribution project(
            Space space,
            String componentId,
            String budgetId,
            JsonNode node,
            Provenance provenance) {
        String id = required(node, "id");
        URI url = URI.create(
                componentUrl(space, componentId) + "/budgets/" + budgetId + "/projects/" + id);
        return new Contribution(
                url,
                new SourceKey(source.id(), "Project/" + id),
                text(node, "reference"),
                ContributionKind.BUDGET_PROJECT,
                space.url(),
                null,
                requireTitle(translated(node.path("title")), url),
                orNull(translated(node.path("description"))),
                List.of(),
                instant(node.path("createdAt")),
                instant(node.path("updatedAt")),
                node.path("selected").asBoolean(false) ? "selected" : null,
                null,
                null,
                null,
                new Counts(null, null, null, null, count(node.path("totalCommentsCount")), null),
                List.of(),
                true,
                provenance,
                null,
                new FollowUp(null, List.of(), euros(node.path("budget_amount")), List.of()));
    }

    /**
     * An accountability result of a space, at {@code /f/{componentId}/results/{id}} (the API has
     * no URL). The API does not link results to proposals, unlike the open-data export.
     */
    Outcome outcome(Space space, String componentId, JsonNode node) {
        String id = required(node, "id");
        URI url = URI.create(componentUrl(space, componentId) + "/results/" + id);
        JsonNode progress = node.path("progress").isNumber()
                ? node.path("progress")
                : node.path("status").path("progress");
        Integer percent =
                progress.isNumber() && progress.asDouble() >= 0 && progress.asDouble() <= 100
                        ? (int) Math.round(progress.asDouble())
                        : null;
        LocalDate start = date(node.path("startDate"));
        LocalDate end = date(node.path("endDate"));
        return new Outcome(
                url,
                requireTitle(translated(node.path("title")), url),
                orNull(translated(node.path("description"))),
                text(node.path("status"), "key"),
                orNull(translated(node.path("status").path("name"))),
                percent,
                start,
                end != null && start != null && end.isBefore(start) ? null : end,
                List.of(),
                null,
                null);
    }

    /** The published answer to a proposal (the API shows only published answers). */
    private static @Nullable OfficialAnswer answer(JsonNode node) {
        LocalizedText text = translated(node.path("answer"));
        Instant at = instant(node.path("answeredAt"));
        return text.isEmpty() && at == null ? null : new OfficialAnswer(text, at, null, null, null);
    }

    /**
     * An amount in euros: the API does not give the instance's currency, and the French
     * instances Parvis reads count in euros.
     */
    private static @Nullable Money euros(JsonNode amount) {
        return amount.isNumber() && amount.decimalValue().signum() >= 0
                ? Money.euros(amount.decimalValue())
                : null;
    }

    private static @Nullable LocalDate date(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date", e);
        }
    }

    // ---- values ----

    /** A translated field: every language with a text, the first human-written one as original. */
    static LocalizedText translated(JsonNode field) {
        Map<String, String> texts = new LinkedHashMap<>();
        String original = null;
        for (JsonNode entry : field.path("translations")) {
            String locale = entry.path("locale").asText("").replace('_', '-');
            String text = entry.path("text").isTextual() ? entry.path("text").asText() : null;
            if (!LOCALE.matcher(locale).matches() || text == null || text.isBlank()) {
                continue;
            }
            texts.putIfAbsent(locale, text);
            if (original == null && !entry.path("machineTranslated").asBoolean(false)) {
                original = locale;
            }
        }
        return new LocalizedText(texts, original);
    }

    private @Nullable String best(LocalizedText text) {
        return text.isEmpty() ? null : text.best(source.locales());
    }

    private static @Nullable LocalizedText orNull(LocalizedText text) {
        return text.isEmpty() ? null : text;
    }

    private static LocalizedText firstNonEmpty(LocalizedText first, LocalizedText second) {
        return first.isEmpty() ? second : first;
    }

    private static LocalizedText requireTitle(LocalizedText title, URI url) {
        if (title.isEmpty()) {
            throw new IllegalArgumentException(url + " has no title in any language");
        }
        return title;
    }

    private static @Nullable String plain(@Nullable String html) {
        if (html == null) {
            return null;
        }
        String text = PlainText.readable(html);
        return text.isEmpty() ? null : text;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("a " + nodeKind(node) + " has no " + field);
        }
        return value.asText();
    }

    private static String nodeKind(JsonNode node) {
        String id = node.path("id").asText("");
        return id.isEmpty() ? "record" : "record " + id;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static @Nullable Long count(JsonNode value) {
        return value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : null;
    }

    static @Nullable Instant instant(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZONE).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date", e);
            }
        }
    }

    /** A {@code Date} (or {@code DateTime}) as the start of its day, or its instant. */
    private static @Nullable Instant startOfDay(JsonNode value) {
        return instant(value);
    }

    /** An inclusive end {@code Date} as the start of the next day; a {@code DateTime} as is. */
    private static @Nullable Instant endOfDay(JsonNode value) {
        if (value.isTextual() && value.asText().strip().length() == 10) {
            try {
                return LocalDate.parse(value.asText().strip())
                        .plusDays(1)
                        .atStartOfDay(ZONE)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + value.asText() + "' is not an ISO 8601 date", e);
            }
        }
        return instant(value);
    }

    private static @Nullable GeoPoint point(JsonNode coordinates) {
        JsonNode lat = coordinates.path("latitude");
        JsonNode lon = coordinates.path("longitude");
        if (!lat.isNumber() || !lon.isNumber()) {
            return null;
        }
        try {
            return new GeoPoint(lat.asDouble(), lon.asDouble());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MeetingDetails.Mode mode(@Nullable String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "online" -> MeetingDetails.Mode.ONLINE;
            case "hybrid" -> MeetingDetails.Mode.HYBRID;
            default -> MeetingDetails.Mode.IN_PERSON;
        };
    }

    private List<Author> authors(JsonNode author, boolean official) {
        String name = text(author, "name");
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String profile = text(author, "profilePath");
        return List.of(new Author(
                name,
                official ? Author.Kind.ORGANISATION : Author.Kind.PERSON,
                profile == null || !profile.startsWith("/") ? null : source.resolve(profile),
                text(author, "nickname")));
    }

    /** The call to action of a step: a path on the instance, or an absolute link. */
    private URI link(URI spaceUrl, String path) {
        String trimmed = path.strip();
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            return URI.create(trimmed);
        }
        if (trimmed.startsWith("/")) {
            return source.resolve(trimmed);
        }
        return URI.create(spaceUrl + "/" + trimmed);
    }

    /** Adds 0.30 taxonomies: under a place root as territory labels, the others as themes. */
    void addTaxonomies(
            JsonNode node,
            java.util.function.Consumer<String> territory,
            java.util.function.Consumer<String> theme) {
        for (JsonNode taxonomy : node.path("taxonomies")) {
            String name = best(translated(taxonomy.path("name")));
            if (name == null) {
                continue;
            }
            String root = rootName(taxonomy);
            if (root != null && PLACE_ROOT.matcher(root).find()) {
                territory.accept(name);
            } else {
                theme.accept(name);
            }
        }
    }

    private @Nullable String rootName(JsonNode taxonomy) {
        List<JsonNode> ancestors = new ArrayList<>();
        for (JsonNode up = taxonomy.path("parent"); up.isObject(); up = up.path("parent")) {
            ancestors.add(up);
        }
        for (JsonNode ancestor : ancestors) {
            if (ancestor.path("isRoot").asBoolean(false)) {
                return best(translated(ancestor.path("name")));
            }
        }
        return ancestors.isEmpty()
                ? null
                : best(translated(ancestors.get(ancestors.size() - 1).path("name")));
    }
}
