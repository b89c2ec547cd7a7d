package org.parvis.demo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Counts;
import org.parvis.model.Derivation;
import org.parvis.model.GeoPoint;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Organiser;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.Step;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled sample data ({@code sample-items.json}): processes, meetings, proposals and comments
 * written for Parvis about real French authorities and territory codes, with every date given as
 * a number of days from "today", so that the demo always has open, upcoming and closed items.
 * {@link #materialise} turns it into unified {@link Item}s for a given instant.
 *
 * <p>Immutable and thread-safe.
 */
final class SampleData {

    /** The bundled file, next to this class. */
    static final String RESOURCE = "sample-items.json";

    /** Days are counted in the time zone of the sample authorities. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** The licence of the sample data: written for Parvis and given to the public domain. */
    static final Licence LICENCE = new Licence(
            "CC0-1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "Données d'exemple écrites pour Parvis (sample data, CC0)");

    record SampleFile(String notice, List<Source> sources) {
        SampleFile {
            sources = List.copyOf(sources);
        }
    }

    record Source(
            String id,
            String name,
            String path,
            URI publicUrl,
            AreaId territory,
            String defaultOrganiser,
            Map<String, Organiser> organisers,
            List<SampleProcess> processes) {
        Source {
            organisers = Map.copyOf(organisers);
            processes = List.copyOf(processes);
            if (!organisers.containsKey(defaultOrganiser)) {
                throw new IllegalArgumentException("sample source " + id + ": default organiser '"
                        + defaultOrganiser + "' is not defined");
            }
        }
    }

    record SampleProcess(
            String slug,
            ProcessType kind,
            String organiser,
            String title,
            @Nullable String summary,
            @Nullable List<AreaId> territories,
            @Nullable List<String> territoryLabels,
            String category,
            List<String> themes,
            @Nullable Integer startOffsetDays,
            @Nullable Integer endOffsetDays,
            @Nullable List<SampleStep> steps,
            @Nullable Counts counts,
            @Nullable String participatePath,
            @Nullable List<SampleMeeting> meetings,
            @Nullable List<SampleProposal> proposals) {}

    record SampleStep(String title, int startOffsetDays, int endOffsetDays) {}

    record SampleMeeting(
            int n,
            String title,
            @Nullable String description,
            int startOffsetDays,
            LocalTime startTime,
            int durationMinutes,
            MeetingDetails.Mode mode,
            @Nullable String address,
            @Nullable Double lat,
            @Nullable Double lon,
            boolean registration) {}

    record SampleProposal(
            int n,
            String title,
            String body,
            String author,
            @Nullable Long votes,
            @Nullable String status,
            @Nullable String address,
            @Nullable List<SampleComment> comments) {}

    record SampleComment(
            int n, String author, String body, @Nullable Integer replyTo) {}

    private final SampleFile file;

    private SampleData(SampleFile file) {
        this.file = file;
    }

    /** Reads the bundled sample file; throws when it is missing or malformed (a build defect). */
    static SampleData loadBundled() {
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "sample data " + RESOURCE + " is missing from the classpath");
            }
            ObjectMapper mapper = Json.mapper();
            return new SampleData(mapper.readValue(in, SampleFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "sample data " + RESOURCE + " is malformed: " + e.getMessage(), e);
        }
    }

    List<Source> sources() {
        return file.sources();
    }

    /**
     * The items of one source as they stand at {@code now}: each process followed by its meetings,
     * proposals and comments. Provenance is a placeholder; the harvesting connector replaces it.
     */
    static List<Item> materialise(Source source, Instant now) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        Provenance provenance = new Provenance(
                source.id(), now, null, HarvestMethod.UNIFIED_JSON, null, LICENCE, List.of());
        List<Item> items = new ArrayList<>();
        for (SampleProcess sample : source.processes()) {
            Process process = process(source, sample, today, now, provenance);
            items.add(process);
            for (SampleMeeting meeting : list(sample.meetings())) {
                items.add(meeting(process, sample, meeting, today, provenance));
            }
            for (SampleProposal proposal : list(sample.proposals())) {
                items.addAll(proposalWithComments(process, sample, proposal, now, provenance));
            }
        }
        return items;
    }

    private static Process process(
            Source source,
            SampleProcess sample,
            LocalDate today,
            Instant now,
            Provenance provenance) {
        Organiser organiser = source.organisers().get(sample.organiser());
        if (organiser == null) {
            throw new IllegalArgumentException(
                    "sample process " + sample.slug() + ": unknown organiser '" + sample.organiser()
                            + "'; defined: " + source.organisers().keySet());
        }
        String section = switch (sample.kind()) {
            case ASSEMBLY -> "assemblies";
            case PETITION -> "petitions";
            default -> "processes";
        };
        URI id = URI.create(source.publicUrl() + "/" + section + "/" + sample.slug());
        Instant start = startOfDay(today, sample.startOffsetDays());
        Instant end = sample.endOffsetDays() == null
                ? null
                : startOfDay(today, sample.endOffsetDays() + 1);
        Instant published = start == null
                ? null
                : earliest(start, startOfDay(today, 0)).minus(Duration.ofDays(14));

        ProcessBuilder builder = ProcessBuilder.create()
                .withId(id)
                .withSourceKey(new SourceKey(source.id(), "process/" + sample.slug()))
                .withProcessType(sample.kind())
                .withSourceType(sample.category())
                .withTitle(LocalizedText.of("fr", sample.title()))
                .withSummary(
                        sample.summary() == null ? null : LocalizedText.of("fr", sample.summary()))
                .addOrganiser(organiser)
                .withWindow(start, end)
                .withPublishedAt(published)
                .addSourceTheme(sample.category())
                .withParticipateUrl(
                        sample.participatePath() == null
                                ? id
                                : URI.create(id + "/" + sample.participatePath()))
                .withLanguages(List.of("fr"))
                .withCounts(sample.counts() == null ? Counts.NONE : sample.counts())
                .withProvenance(provenance);
        for (AreaId area : list(sample.territories())) {
            builder.addTerritory(TerritoryRef.of(area, Derivation.DECLARED));
        }
        list(sample.territoryLabels()).forEach(builder::addTerritoryLabel);
        for (String theme : sample.themes()) {
            builder.addTheme(new ThemeAssignment(
                    theme,
                    ThemeMethod.SOURCE_MAPPING,
                    1.0,
                    "catégorie « " + sample.category() + " »"));
        }
        int position = 0;
        for (SampleStep step : list(sample.steps())) {
            Instant stepStart = startOfDay(today, step.startOffsetDays());
            Instant stepEnd = startOfDay(today, step.endOffsetDays() + 1);
            boolean active = !now.isBefore(stepStart) && now.isBefore(stepEnd);
            builder.addStep(new Step(
                    LocalizedText.of("fr", step.title()),
                    null,
                    stepStart,
                    stepEnd,
                    position++,
                    active));
        }
        return builder.build();
    }

    private static Contribution meeting(
            Process process,
            SampleProcess sample,
            SampleMeeting meeting,
            LocalDate today,
            Provenance provenance) {
        Instant start = today.plusDays(meeting.startOffsetDays())
                .atTime(meeting.startTime())
                .atZone(ZONE)
                .toInstant();
        Instant end = start.plus(Duration.ofMinutes(meeting.durationMinutes()));
        URI id = URI.create(process.id() + "/meetings/" + meeting.n());
        URI online =
                meeting.mode() == MeetingDetails.Mode.IN_PERSON ? null : URI.create(id + "/visio");
        URI registration = meeting.registration() ? URI.create(id + "/inscription") : null;
        GeoPoint point = meeting.lat() == null || meeting.lon() == null
                ? null
                : new GeoPoint(meeting.lat(), meeting.lon());
        return new Contribution(
                id,
                new SourceKey(
                        process.sourceKey().sourceId(),
                        "meeting/" + sample.slug() + "/" + meeting.n()),
                null,
                ContributionKind.MEETING,
                process.id(),
                null,
                LocalizedText.of("fr", meeting.title()),
                meeting.description() == null
                        ? null
                        : LocalizedText.of("fr", meeting.description()),
                List.of(new Author(
                        process.findMainOrganiser().orElseThrow().name(),
                        Author.Kind.ORGANISATION,
                        null,
                        null)),
                earliest(start, process.publishedAt() == null ? start : process.publishedAt()),
                null,
                null,
                meeting.address(),
                point,
                new MeetingDetails(
                        start, end, meeting.mode(), meeting.address(), online, registration),
                Counts.NONE,
                List.of(),
                false,
                provenance);
    }

    private static List<Contribution> proposalWithComments(
            Process process,
            SampleProcess sample,
            SampleProposal proposal,
            Instant now,
            Provenance provenance) {
        URI id = URI.create(process.id() + "/proposals/" + proposal.n());
        Instant opened = process.startAt() == null ? now : process.startAt();
        Instant created = earliest(
                opened.plus(Duration.ofDays(proposal.n())), now.minus(Duration.ofHours(6)));
        List<SampleComment> comments = list(proposal.comments());
        List<Contribution> items = new ArrayList<>();
        items.add(new Contribution(
                id,
                new SourceKey(
                        process.sourceKey().sourceId(),
                        "proposal/" + sample.slug() + "/" + proposal.n()),
                null,
                ContributionKind.PROPOSAL,
                process.id(),
                null,
                LocalizedText.of("fr", proposal.title()),
                LocalizedText.of("fr", proposal.body()),
                List.of(new Author(proposal.author(), Author.Kind.PERSON, null, null)),
                created,
                null,
                proposal.status(),
                proposal.address(),
                null,
                null,
                new Counts(null, null, proposal.votes(), null, (long) comments.size(), null),
                List.of(),
                false,
                provenance));

        Map<Integer, URI> commentIds = new LinkedHashMap<>();
        for (SampleComment comment : comments) {
            URI commentId = URI.create(id + "/comments/" + comment.n());
            URI parent = comment.replyTo() == null ? id : commentIds.get(comment.replyTo());
            if (parent == null) {
                throw new IllegalArgumentException("sample comment " + commentId
                        + " replies to unknown comment " + comment.replyTo()
                        + "; a reply must follow the comment it answers");
            }
            commentIds.put(comment.n(), commentId);
            items.add(new Contribution(
                    commentId,
                    new SourceKey(
                            process.sourceKey().sourceId(),
                            "comment/" + sample.slug() + "/" + proposal.n() + "/" + comment.n()),
                    null,
                    ContributionKind.COMMENT,
                    process.id(),
                    parent,
                    LocalizedText.empty(),
                    LocalizedText.of("fr", comment.body()),
                    List.of(new Author(comment.author(), Author.Kind.PERSON, null, null)),
                    earliest(created.plus(Duration.ofHours(3L * comment.n())), now),
                    null,
                    null,
                    null,
                    null,
                    null,
                    Counts.NONE,
                    List.of(),
                    false,
                    provenance));
        }
        return items;
    }

    private static @Nullable Instant startOfDay(LocalDate today, @Nullable Integer offsetDays) {
        return offsetDays == null
                ? null
                : today.plusDays(offsetDays).atStartOfDay(ZONE).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static <T> List<T> list(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
