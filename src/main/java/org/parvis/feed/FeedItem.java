package org.parvis.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Licence;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One process as the feed shows it: enough to draw a card and link to the original.
 * {@code url} is where to take part (the participation link, else the public URL {@code id}).
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedItem(
        URI id,
        String sourceKey,
        String title,
        @Nullable String summary,
        String language,
        ProcessType kind,
        ProcessStatus status,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        @Nullable String organiser,
        String platform,
        URI url,
        List<Area> areas,
        List<String> themes,
        Licence licence) {

    /** An area the item concerns, with its level and display name. */
    public record Area(AreaId id, AreaLevel level, String name) {}

    public FeedItem {
        areas = List.copyOf(areas);
        themes = List.copyOf(themes);
    }
}
