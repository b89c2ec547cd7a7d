package org.parvis.index;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.Licence;
import org.parvis.model.Process;
import org.parvis.model.ProcessType;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What the index stores of a process to draw its card without reading the store: texts already
 * in the item's best language, the organiser's name, the source id (its display name is the
 * caller's business), the link to take part, its own areas and themes, and its licence.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessCard(
        URI id,
        String sourceKey,
        String sourceId,
        String title,
        @Nullable String summary,
        String language,
        ProcessType kind,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        @Nullable String organiser,
        URI url,
        List<AreaId> areas,
        List<String> themes,
        Licence licence) {

    public ProcessCard {
        areas = List.copyOf(areas == null ? List.of() : areas);
        themes = List.copyOf(themes == null ? List.of() : themes);
    }

    /** The card of a process: title and summary in its best language, url to take part. */
    public static ProcessCard of(Process process) {
        String language = process.title().bestLocale(List.of()).orElse("und");
        String summary =
                process.summary() == null ? null : process.summary().best(List.of(language));
        return new ProcessCard(
                process.id(),
                process.sourceKey().toString(),
                process.sourceKey().sourceId(),
                process.title().best(List.of()),
                summary == null || summary.isEmpty() ? null : summary,
                language,
                process.processType(),
                process.startAt(),
                process.endAt(),
                process.findMainOrganiser().map(o -> o.name()).orElse(null),
                process.participateUrl() == null ? process.id() : process.participateUrl(),
                process.territories().stream().map(t -> t.area()).distinct().toList(),
                process.themes().stream().map(t -> t.theme()).distinct().toList(),
                process.provenance().licence());
    }
}
