package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Something posted inside a process: a proposal, an amendment, a comment, a debate, a budget
 * project, a meeting. {@code parent} links a comment to what it answers; {@code process} to the
 * enclosing process. {@code stance} is a comment's alignment when the source gives one: {@code 1}
 * in favour, {@code 0} neutral, {@code -1} against. {@code followUp} holds the organiser's answer,
 * lineage links (an amendment to what it amends…) and cost; null when there are none.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contribution(
        URI id,
        SourceKey sourceKey,
        @Nullable String reference,
        ContributionKind kind,
        URI process,
        @Nullable URI parent,
        LocalizedText title,
        @Nullable LocalizedText body,
        List<Author> authors,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable String status,
        @Nullable String address,
        @Nullable GeoPoint point,
        @Nullable MeetingDetails meeting,
        Counts counts,
        List<TerritoryRef> territories,
        boolean idBuilt,
        Provenance provenance,
        @Nullable Integer stance,
        @Nullable FollowUp followUp)
        implements Item {

    public Contribution {
        Item.requireCommon(id, sourceKey, provenance);
        if (kind == null || process == null) {
            throw new IllegalArgumentException(
                    "contribution " + id + " needs a kind and its process");
        }
        if (kind == ContributionKind.MEETING && meeting == null) {
            throw new IllegalArgumentException(
                    "meeting " + id + " needs meeting details (start time, mode)");
        }
        title = title == null ? LocalizedText.empty() : title;
        authors = List.copyOf(authors == null ? List.of() : authors);
        counts = counts == null ? Counts.NONE : counts;
        territories = List.copyOf(territories == null ? List.of() : territories);
        if (stance != null && (stance < -1 || stance > 1)) {
            throw new IllegalArgumentException("contribution " + id + " has stance " + stance
                    + "; expected 1 (in favour), 0 (neutral) or -1 (against)");
        }
        followUp = FollowUp.orNull(followUp);
    }

    /** A contribution without follow-up (no answer, lineage or cost known). */
    public Contribution(
            URI id,
            SourceKey sourceKey,
            @Nullable String reference,
            ContributionKind kind,
            URI process,
            @Nullable URI parent,
            LocalizedText title,
            @Nullable LocalizedText body,
            List<Author> authors,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt,
            @Nullable String status,
            @Nullable String address,
            @Nullable GeoPoint point,
            @Nullable MeetingDetails meeting,
            Counts counts,
            List<TerritoryRef> territories,
            boolean idBuilt,
            Provenance provenance,
            @Nullable Integer stance) {
        this(
                id,
                sourceKey,
                reference,
                kind,
                process,
                parent,
                title,
                body,
                authors,
                createdAt,
                updatedAt,
                status,
                address,
                point,
                meeting,
                counts,
                territories,
                idBuilt,
                provenance,
                stance,
                null);
    }

    /** The same contribution placed in these areas. */
    public Contribution withTerritories(List<TerritoryRef> areas) {
        return new Contribution(
                id,
                sourceKey,
                reference,
                kind,
                process,
                parent,
                title,
                body,
                authors,
                createdAt,
                updatedAt,
                status,
                address,
                point,
                meeting,
                counts,
                areas,
                idBuilt,
                provenance,
                stance,
                followUp);
    }

    /** The same contribution with this follow-up. */
    public Contribution withFollowUp(@Nullable FollowUp next) {
        return new Contribution(
                id,
                sourceKey,
                reference,
                kind,
                process,
                parent,
                title,
                body,
                authors,
                createdAt,
                updatedAt,
                status,
                address,
                point,
                meeting,
                counts,
                territories,
                idBuilt,
                provenance,
                stance,
                next);
    }

    /** A contribution without a stance (anything but a comment that takes sides). */
    public Contribution(
            URI id,
            SourceKey sourceKey,
            @Nullable String reference,
            ContributionKind kind,
            URI process,
            @Nullable URI parent,
            LocalizedText title,
            @Nullable LocalizedText body,
            List<Author> authors,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt,
            @Nullable String status,
            @Nullable String address,
            @Nullable GeoPoint point,
            @Nullable MeetingDetails meeting,
            Counts counts,
            List<TerritoryRef> territories,
            boolean idBuilt,
            Provenance provenance) {
        this(
                id,
                sourceKey,
                reference,
                kind,
                process,
                parent,
                title,
                body,
                authors,
                createdAt,
                updatedAt,
                status,
                address,
                point,
                meeting,
                counts,
                territories,
                idBuilt,
                provenance,
                (Integer) null);
    }
}
