package org.parvis.source.dataspace;

import com.fasterxml.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Counts;
import org.parvis.model.HarvestMethod;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.source.HarvestContext;
import org.parvis.source.HttpFetcher;
import org.parvis.source.SourceConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the containers, authors and contributions of a data space endpoint over one or more
 * locales (one response per locale, merged by reference), then turns them into unified items:
 * containers into processes, proposals and amendments into contributions, and comments into
 * contributions whose {@code parent} is the comment or proposal they answer.
 *
 * <p>Identity: a proposal's id is its {@code source} URL; a comment's {@code source} is its root
 * proposal's URL, so its id is built from it and the comment's reference ({@code
 * <proposal>?commentId=<n>#comment_<n>}, the anchor Decidim links to). Source keys are the pilot's
 * references, unique within one endpoint.
 *
 * <p>One instance serves one harvest; not thread-safe.
 */
final class DataspaceMapper {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("-(\\d+)$");

    private final SourceConfig source;
    private final HarvestContext ctx;
    private final Map<String, ContainerRecord> containers = new LinkedHashMap<>();
    private final Map<String, AuthorRecord> authors = new LinkedHashMap<>();
    private final Map<String, ContributionRecord> contributions = new LinkedHashMap<>();
    private int rejected;

    DataspaceMapper(SourceConfig source, HarvestContext ctx) {
        this.source = source;
        this.ctx = ctx;
    }

    private static final class ContainerRecord {
        final String reference;
        final URI source;
        final URI retrievedFrom;
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, String> descriptions = new LinkedHashMap<>();

        @Nullable
        Instant createdAt;

        @Nullable
        Instant updatedAt;

        ContainerRecord(String reference, URI source, URI retrievedFrom) {
            this.reference = reference;
            this.source = source;
            this.retrievedFrom = retrievedFrom;
        }
    }

    private record AuthorRecord(
            String reference, String name, @Nullable URI source) {}

    private static final class ContributionRecord {
        final String reference;
        final URI source;
        final URI retrievedFrom;
        final Map<String, String> titles = new LinkedHashMap<>();
        final Map<String, String> contents = new LinkedHashMap<>();

        @Nullable
        String container;

        @Nullable
        String parent;

        final List<String> authorRefs = new ArrayList<>();
        int children;
        boolean withdrawn;
        boolean emendation;

        @Nullable
        String state;

        @Nullable
        Integer alignment;

        @Nullable
        Instant createdAt;

        @Nullable
        Instant updatedAt;

        @Nullable
        Instant deletedAt;

        ContributionRecord(String reference, URI source, URI retrievedFrom) {
            this.reference = reference;
            this.source = source;
            this.retrievedFrom = retrievedFrom;
        }

        boolean isComment() {
            return parent != null;
        }
    }

    // ---------------------------------------------------------------- reading

    void readContainers(JsonNode array, String locale, URI page) {
        for (JsonNode node : array) {
            String reference = text(node, "reference");
            URI url = url(node, "source");
            if (reference == null || url == null) {
                reject(node, page, "container without a 'reference' or an http(s) 'source' URL");
                continue;
            }
            ContainerRecord record = containers.computeIfAbsent(
                    reference, ref -> new ContainerRecord(ref, url, page));
            putText(record.names, locale, text(node, "name"));
            putText(record.descriptions, locale, text(node, "description"));
            record.createdAt = instant(node, "created_at", reference, page);
            record.updatedAt = instant(node, "updated_at", reference, page);
        }
    }

    void readAuthors(JsonNode array, URI page) {
        for (JsonNode node : array) {
            String reference = text(node, "reference");
            String name = text(node, "name");
            if (reference == null) {
                reject(node, page, "author without a 'reference'");
                continue;
            }
            authors.putIfAbsent(
                    reference,
                    new AuthorRecord(
                            reference, name == null ? reference : name, url(node, "source")));
        }
    }

    void readContributions(JsonNode array, String locale, URI page) {
        for (JsonNode node : array) {
            String reference = text(node, "reference");
            URI url = url(node, "source");
            if (reference == null || url == null) {
                reject(node, page, "contribution without a 'reference' or an http(s) 'source' URL");
                continue;
            }
            ContributionRecord record = contributions.computeIfAbsent(
                    reference, ref -> new ContributionRecord(ref, url, page));
            String textLocale = Objects.requireNonNullElse(text(node, "locale"), locale)
                    .toLowerCase(Locale.ROOT);
            putText(record.titles, textLocale, text(node, "title"));
            putText(record.contents, textLocale, text(node, "content"));
            record.container = text(node, "container");
            record.parent = text(node, "parent");
            record.authorRefs.clear();
            JsonNode authorsNode = node.get("authors");
            if (authorsNode != null && authorsNode.isArray()) {
                authorsNode.forEach(a -> {
                    if (a.isTextual() && !a.asText().isBlank()) {
                        record.authorRefs.add(a.asText());
                    }
                });
            } else if (authorsNode != null && authorsNode.isTextual()) {
                // Comments carry one display name, not a list.
                record.authorRefs.add(authorsNode.asText());
            }
            JsonNode children = node.get("children");
            record.children = children != null && children.isArray() ? children.size() : 0;
            JsonNode metadata = node.path("metadata");
            JsonNode state = metadata.path("state");
            record.withdrawn = state.path("withdrawn").asBoolean(false);
            record.emendation = state.path("emendation").asBoolean(false);
            record.state = state.path("state").isTextual() ? state.path("state").asText() : null;
            record.alignment = alignment(metadata.get("alignment"), reference, page);
            record.createdAt = instant(node, "created_at", reference, page);
            record.updatedAt = instant(node, "updated_at", reference, page);
            record.deletedAt = instant(node, "deleted_at", reference, page);
        }
    }

    // ---------------------------------------------------------------- emitting

    /** Emits every collected record; returns how many records were rejected in all. */
    int emitAll() {
        for (ContainerRecord container : containers.values()) {
            try {
                ctx.emit(process(container));
            } catch (IllegalArgumentException e) {
                reject(container.reference, container.retrievedFrom, e.getMessage());
            }
        }

        Map<String, URI> ids = new LinkedHashMap<>();
        contributions.values().forEach(c -> ids.put(c.reference, idOf(c)));
        for (ContributionRecord record : contributions.values()) {
            try {
                ctx.emit(contribution(record, ids));
            } catch (IllegalArgumentException e) {
                reject(record.reference, record.retrievedFrom, e.getMessage());
            }
        }
        return rejected;
    }

    private Process process(ContainerRecord container) {
        LocalizedText title = new LocalizedText(container.names, null);
        if (title.isEmpty()) {
            ctx.report(
                    "missing-field",
                    container.source.toString(),
                    container.retrievedFrom,
                    "container " + container.reference + " has no name in " + source.locales()
                            + "; its reference is shown instead");
            title = LocalizedText.of(source.locales().get(0), container.reference);
        }
        LocalizedText description = new LocalizedText(container.descriptions, null);
        return ProcessBuilder.create()
                .withId(container.source)
                .withSourceKey(new SourceKey(source.id(), container.reference))
                .withReference(container.reference)
                .withProcessType(processType(container))
                .withSourceType(spaceKind(container))
                .withTitle(title)
                .withDescription(description.isEmpty() ? null : description)
                .withPublishedAt(container.createdAt)
                .withUpdatedAt(container.updatedAt)
                .withParticipateUrl(container.source)
                .withProvenance(
                        provenance(container.retrievedFrom, container.source, container.updatedAt))
                .build();
    }

    private Contribution contribution(ContributionRecord record, Map<String, URI> ids) {
        URI id = ids.get(record.reference);
        URI process = processOf(record);
        URI parent = null;
        if (record.isComment()) {
            parent = ids.get(record.parent);
            if (parent == null) {
                ctx.report(
                        "unknown-parent",
                        id.toString(),
                        record.retrievedFrom,
                        "comment " + record.reference + " answers '" + record.parent
                                + "', which the endpoint does not list; linked to its root"
                                + " proposal instead");
                parent = record.source;
            }
        }
        ContributionKind kind = record.isComment()
                ? ContributionKind.COMMENT
                : record.emendation ? ContributionKind.AMENDMENT : ContributionKind.PROPOSAL;
        return new Contribution(
                id,
                new SourceKey(source.id(), record.reference),
                record.reference,
                kind,
                process,
                parent,
                new LocalizedText(record.titles, null),
                record.contents.isEmpty() ? null : new LocalizedText(record.contents, null),
                record.authorRefs.stream().map(this::author).toList(),
                record.createdAt,
                record.updatedAt,
                status(record),
                null,
                null,
                null,
                record.isComment()
                        ? Counts.NONE
                        : new Counts(null, null, null, null, (long) record.children, null),
                List.of(),
                record.isComment(),
                provenance(record.retrievedFrom, record.source, record.updatedAt),
                record.alignment);
    }

    /** The process of a contribution: its container's URL, else the space part of its URL. */
    private URI processOf(ContributionRecord record) {
        ContainerRecord container =
                record.container == null ? null : containers.get(record.container);
        if (container != null) {
            return container.source;
        }
        URI space = spaceOf(record.source);
        ctx.report(
                "unknown-container",
                record.source.toString(),
                record.retrievedFrom,
                "contribution " + record.reference + " names container '" + record.container
                        + "', which the endpoint does not list; attached to " + space);
        return space;
    }

    private static URI idOf(ContributionRecord record) {
        if (!record.isComment()) {
            return record.source;
        }
        String base = record.source.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        String separator = base.contains("?") ? "&" : "?";
        Matcher number = TRAILING_NUMBER.matcher(record.reference);
        if (number.find()) {
            String n = number.group(1);
            return URI.create(base + separator + "commentId=" + n + "#comment_" + n);
        }
        return URI.create(base + "#"
                + java.net.URLEncoder.encode(
                        record.reference, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The normalised status (model §7). */
    private static String status(ContributionRecord record) {
        if (record.deletedAt != null) {
            return "deleted";
        }
        if (record.withdrawn) {
            return "withdrawn";
        }
        return record.state == null || record.state.isBlank()
                ? "published"
                : record.state.toLowerCase(Locale.ROOT);
    }

    /**
     * An author by reference. Users are referenced by display name, organisations by their
     * reference prefix, meetings by their reference.
     */
    private Author author(String reference) {
        AuthorRecord record = authors.get(reference);
        if (record == null) {
            return new Author(reference, Author.Kind.PERSON, null, null);
        }
        Author.Kind kind;
        if (reference.contains("-MEET-")) {
            kind = Author.Kind.MEETING;
        } else if (!record.name().equals(reference)) {
            kind = Author.Kind.ORGANISATION;
        } else {
            kind = Author.Kind.PERSON;
        }
        return new Author(record.name(), kind, record.source(), reference);
    }

    private static ProcessType processType(ContainerRecord container) {
        return switch (spaceKind(container)) {
            case "assembly" -> ProcessType.ASSEMBLY;
            case "initiative" -> ProcessType.CITIZEN_INITIATIVE;
            case "conference" -> ProcessType.OTHER;
            default -> ProcessType.CONSULTATION;
        };
    }

    /** The kind of Decidim space, from its reference ({@code JD-ASSE-2025-09-1}) or URL. */
    private static String spaceKind(ContainerRecord container) {
        String ref = container.reference.toUpperCase(Locale.ROOT);
        String path = Objects.requireNonNullElse(container.source.getPath(), "");
        if (ref.contains("-ASSE-") || path.startsWith("/assemblies/")) {
            return "assembly";
        } else if (ref.contains("-INIT-") || path.startsWith("/initiatives/")) {
            return "initiative";
        } else if (ref.contains("-CONF-") || path.startsWith("/conferences/")) {
            return "conference";
        }
        return "participatory_process";
    }

    /**
     * The provenance: read from the endpoint; when the record's origin is another platform, the
     * endpoint is a hop on its way ({@code via}).
     */
    private Provenance provenance(URI page, URI origin, @Nullable Instant updatedAt) {
        Provenance read = ctx.provenance(page, HarvestMethod.DATASPACE, updatedAt);
        URI base = source.baseUrl();
        boolean sameOrigin = Objects.equals(origin.getHost(), base.getHost())
                && origin.getPort() == base.getPort();
        if (sameOrigin) {
            return read;
        }
        return new Provenance(
                read.sourceId(),
                read.retrievedAt(),
                read.retrievedFrom(),
                read.method(),
                read.sourceUpdatedAt(),
                read.licence(),
                List.of(HttpFetcher.redact(base.resolve("/" + DataspaceConnector.DATA_PATH))));
    }

    private static URI spaceOf(URI resource) {
        String text = resource.toString();
        int component = text.indexOf("/f/");
        return component < 0 ? resource : URI.create(text.substring(0, component));
    }

    // ---------------------------------------------------------------- fields

    private void reject(JsonNode node, URI page, String message) {
        String ref = text(node, "reference");
        reject(ref == null ? text(node, "source") : ref, page, message);
    }

    private void reject(@Nullable String ref, URI page, String message) {
        rejected++;
        ctx.report("bad-record", ref, page, message);
    }

    private @Nullable Integer alignment(@Nullable JsonNode node, String reference, URI page) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isInt() && node.asInt() >= -1 && node.asInt() <= 1) {
            return node.asInt();
        }
        ctx.report(
                "bad-value",
                reference,
                page,
                "metadata.alignment " + node + " is not 1, 0 or -1; left out");
        return null;
    }

    private @Nullable Instant instant(JsonNode node, String field, String reference, URI page) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            ctx.report(
                    "bad-value",
                    reference,
                    page,
                    field + " '" + value + "' is not an ISO 8601 date-time; left out");
            return null;
        }
    }

    private static void putText(Map<String, String> texts, String locale, @Nullable String text) {
        if (text != null && locale.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            texts.putIfAbsent(locale, text);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static @Nullable URI url(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute()
                            && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    ? uri
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
