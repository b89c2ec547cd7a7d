package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A bounded opportunity to take part ("démarche"): a consultation, a participatory budget, a
 * petition, a public inquiry, an assembly… This is what the citizen's feed lists.
 *
 * <p>{@code startAt} and {@code endAt} bound the whole process; its status is computed from them at
 * query time ({@link #statusAt}). {@code territories} are the areas it concerns, each with how it
 * was found. {@code followUp} holds the organiser's answer and the outcomes that carry the
 * process's decisions out; null when there are none.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Process(
        URI id,
        SourceKey sourceKey,
        @Nullable String reference,
        ProcessType processType,
        @Nullable String sourceType,
        LocalizedText title,
        @Nullable LocalizedText summary,
        @Nullable LocalizedText description,
        List<Organiser> organisers,
        @Nullable String audience,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        @Nullable Instant publishedAt,
        @Nullable Instant updatedAt,
        @Nullable String sourceStatus,
        List<Step> steps,
        List<TerritoryRef> territories,
        List<String> territoryLabels,
        List<ThemeAssignment> themes,
        List<String> sourceThemes,
        @Nullable URI participateUrl,
        List<String> languages,
        Counts counts,
        @Nullable URI parent,
        boolean idBuilt,
        Provenance provenance,
        @Nullable FollowUp followUp)
        implements Item {

    public Process {
        Item.requireCommon(id, sourceKey, provenance);
        if (processType == null) {
            throw new IllegalArgumentException(
                    "process " + id + " needs a process type (use OTHER)");
        }
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException(
                    "process " + id + " needs a title in at least one language");
        }
        if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
            throw new IllegalArgumentException(
                    "process " + id + " ends (" + endAt + ") before it starts (" + startAt + ")");
        }
        organisers = List.copyOf(organisers == null ? List.of() : organisers);
        steps = List.copyOf(steps == null ? List.of() : steps);
        territories = List.copyOf(territories == null ? List.of() : territories);
        territoryLabels = List.copyOf(territoryLabels == null ? List.of() : territoryLabels);
        themes = List.copyOf(themes == null ? List.of() : themes);
        sourceThemes = List.copyOf(sourceThemes == null ? List.of() : sourceThemes);
        languages =
                List.copyOf(languages == null ? List.copyOf(title.texts().keySet()) : languages);
        counts = counts == null ? Counts.NONE : counts;
        followUp = FollowUp.orNull(followUp);
    }

    /** The status of this process at {@code now}. */
    public ProcessStatus statusAt(Instant now) {
        return ProcessStatus.at(startAt, endAt, now);
    }

    /** The first organiser, the one shown on cards; empty when the source names none. */
    @JsonIgnore
    public java.util.Optional<Organiser> findMainOrganiser() {
        return organisers.stream().findFirst();
    }

    /** A builder initialised with this process's values. */
    public ProcessBuilder toBuilder() {
        return ProcessBuilder.copyOf(this);
    }
}
