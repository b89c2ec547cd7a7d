package org.parvis.model;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Process} step by step; validation happens in {@link #build()}. Not thread-safe.
 */
public final class ProcessBuilder {

    private @Nullable URI id;
    private @Nullable SourceKey sourceKey;
    private @Nullable String reference;
    private ProcessType processType = ProcessType.CONSULTATION;
    private @Nullable String sourceType;
    private LocalizedText title = LocalizedText.empty();
    private @Nullable LocalizedText summary;
    private @Nullable LocalizedText description;
    private final List<Organiser> organisers = new ArrayList<>();
    private @Nullable String audience;
    private @Nullable Instant startAt;
    private @Nullable Instant endAt;
    private @Nullable Instant publishedAt;
    private @Nullable Instant updatedAt;
    private @Nullable String sourceStatus;
    private final List<Step> steps = new ArrayList<>();
    private final List<TerritoryRef> territories = new ArrayList<>();
    private final List<String> territoryLabels = new ArrayList<>();
    private final List<ThemeAssignment> themes = new ArrayList<>();
    private final List<String> sourceThemes = new ArrayList<>();
    private @Nullable URI participateUrl;
    private @Nullable List<String> languages;
    private Counts counts = Counts.NONE;
    private @Nullable URI parent;
    private boolean idBuilt;
    private @Nullable Provenance provenance;
    private @Nullable FollowUp followUp;

    ProcessBuilder() {}

    /** A new, empty builder. */
    public static ProcessBuilder create() {
        return new ProcessBuilder();
    }

    static ProcessBuilder copyOf(Process p) {
        ProcessBuilder b = new ProcessBuilder();
        b.id = p.id();
        b.sourceKey = p.sourceKey();
        b.reference = p.reference();
        b.processType = p.processType();
        b.sourceType = p.sourceType();
        b.title = p.title();
        b.summary = p.summary();
        b.description = p.description();
        b.organisers.addAll(p.organisers());
        b.audience = p.audience();
        b.startAt = p.startAt();
        b.endAt = p.endAt();
        b.publishedAt = p.publishedAt();
        b.updatedAt = p.updatedAt();
        b.sourceStatus = p.sourceStatus();
        b.steps.addAll(p.steps());
        b.territories.addAll(p.territories());
        b.territoryLabels.addAll(p.territoryLabels());
        b.themes.addAll(p.themes());
        b.sourceThemes.addAll(p.sourceThemes());
        b.participateUrl = p.participateUrl();
        b.languages = p.languages();
        b.counts = p.counts();
        b.parent = p.parent();
        b.idBuilt = p.idBuilt();
        b.provenance = p.provenance();
        b.followUp = p.followUp();
        return b;
    }

    public ProcessBuilder withId(URI id) {
        this.id = id;
        return this;
    }

    public ProcessBuilder withSourceKey(SourceKey sourceKey) {
        this.sourceKey = sourceKey;
        return this;
    }

    public ProcessBuilder withReference(@Nullable String reference) {
        this.reference = reference;
        return this;
    }

    public ProcessBuilder withProcessType(ProcessType processType) {
        this.processType = processType;
        return this;
    }

    public ProcessBuilder withSourceType(@Nullable String sourceType) {
        this.sourceType = sourceType;
        return this;
    }

    public ProcessBuilder withTitle(LocalizedText title) {
        this.title = title;
        return this;
    }

    public ProcessBuilder withSummary(@Nullable LocalizedText summary) {
        this.summary = summary;
        return this;
    }

    public ProcessBuilder withDescription(@Nullable LocalizedText description) {
        this.description = description;
        return this;
    }

    public ProcessBuilder addOrganiser(Organiser organiser) {
        organisers.add(organiser);
        return this;
    }

    public ProcessBuilder withAudience(@Nullable String audience) {
        this.audience = audience;
        return this;
    }

    public ProcessBuilder withWindow(@Nullable Instant startAt, @Nullable Instant endAt) {
        this.startAt = startAt;
        this.endAt = endAt;
        return this;
    }

    public ProcessBuilder withPublishedAt(@Nullable Instant publishedAt) {
        this.publishedAt = publishedAt;
        return this;
    }

    public ProcessBuilder withUpdatedAt(@Nullable Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    public ProcessBuilder withSourceStatus(@Nullable String sourceStatus) {
        this.sourceStatus = sourceStatus;
        return this;
    }

    public ProcessBuilder addStep(Step step) {
        steps.add(step);
        return this;
    }

    public ProcessBuilder addTerritory(TerritoryRef territory) {
        territories.add(territory);
        return this;
    }

    public ProcessBuilder withTerritories(List<TerritoryRef> list) {
        territories.clear();
        territories.addAll(list);
        return this;
    }

    public ProcessBuilder addTerritoryLabel(String label) {
        territoryLabels.add(label);
        return this;
    }

    public ProcessBuilder addTheme(ThemeAssignment theme) {
        themes.add(theme);
        return this;
    }

    public ProcessBuilder withThemes(List<ThemeAssignment> list) {
        themes.clear();
        themes.addAll(list);
        return this;
    }

    public ProcessBuilder addSourceTheme(String label) {
        sourceThemes.add(label);
        return this;
    }

    public ProcessBuilder withParticipateUrl(@Nullable URI participateUrl) {
        this.participateUrl = participateUrl;
        return this;
    }

    public ProcessBuilder withLanguages(List<String> languages) {
        this.languages = List.copyOf(languages);
        return this;
    }

    public ProcessBuilder withCounts(Counts counts) {
        this.counts = counts;
        return this;
    }

    public ProcessBuilder withParent(@Nullable URI parent) {
        this.parent = parent;
        return this;
    }

    public ProcessBuilder withIdBuilt(boolean idBuilt) {
        this.idBuilt = idBuilt;
        return this;
    }

    public ProcessBuilder withProvenance(Provenance provenance) {
        this.provenance = provenance;
        return this;
    }

    public ProcessBuilder withFollowUp(@Nullable FollowUp followUp) {
        this.followUp = followUp;
        return this;
    }

    /** Adds an outcome to the follow-up (a Decidim accountability result, for instance). */
    public ProcessBuilder addOutcome(Outcome outcome) {
        FollowUp current = followUp == null ? FollowUp.NONE : followUp;
        List<Outcome> outcomes = new ArrayList<>(current.outcomes());
        outcomes.add(outcome);
        followUp = new FollowUp(current.answer(), current.lineage(), current.cost(), outcomes);
        return this;
    }

    /**
     * Builds the process; throws {@link IllegalArgumentException} naming what is missing or wrong.
     */
    public Process build() {
        return new Process(
                id,
                sourceKey,
                reference,
                processType,
                sourceType,
                title,
                summary,
                description,
                organisers,
                audience,
                startAt,
                endAt,
                publishedAt,
                updatedAt,
                sourceStatus,
                steps,
                territories,
                territoryLabels,
                themes,
                sourceThemes,
                participateUrl,
                languages,
                counts,
                parent,
                idBuilt,
                provenance,
                followUp);
    }
}
