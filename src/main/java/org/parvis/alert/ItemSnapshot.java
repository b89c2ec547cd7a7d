package org.parvis.alert;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedItem;
import org.parvis.model.AreaLevel;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What a mail shows of a matched process, kept with the match (as JSON) so the mail can be written
 * later, as the feed showed it: title, take-part link, platform, window and areas with their
 * levels.
 *
 * <p>Immutable and thread-safe.
 */
record ItemSnapshot(
        String key,
        String title,
        URI url,
        String platform,
        @Nullable Instant startAt,
        @Nullable Instant endAt,
        List<Area> areas) {

    /** An area of the process: its level and display name. */
    record Area(AreaLevel level, String name) {}

    ItemSnapshot {
        areas = List.copyOf(areas);
    }

    static ItemSnapshot of(FeedItem item) {
        return new ItemSnapshot(
                item.sourceKey(),
                item.title(),
                item.url(),
                item.platform(),
                item.startAt(),
                item.endAt(),
                item.areas().stream()
                        .map(area -> new Area(area.level(), area.name()))
                        .toList());
    }
}
