package org.parvis.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parvis.feed.FeedForTest.NOW;
import static org.parvis.feed.FeedForTest.slugs;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.ProcessesForTest.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedForTest.Query;
import org.parvis.model.ProcessStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Statuses computed from the dates at the clock's time, with their edge cases. */
class FeedStatusTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final FeedForTest feed = new FeedForTest(List.of(
            window("open", NOW.minus(DAY), NOW.plus(DAY)),
            window("starts-now", NOW, NOW.plus(DAY)),
            window("starts-in-a-millisecond", NOW.plusMillis(1), NOW.plus(DAY)),
            window("ends-now", NOW.minus(DAY), NOW),
            window("ends-in-a-millisecond", NOW.minus(DAY), NOW.plusMillis(1)),
            window("closed", NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY)),
            window("open-without-end", NOW.minus(DAY), null),
            window("upcoming-without-end", NOW.plus(DAY), null),
            window("open-without-start", null, NOW.plus(DAY)),
            window("closed-without-start", null, NOW.minus(DAY)),
            window("undated", null, null)));

    private static org.parvis.model.Process window(String slug, Instant start, Instant end) {
        return process(slug, BORDEAUX).withWindow(start, end).build();
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void everyItemGetsItsStatusAtTheClockTime() {
        FeedResult result = feed.query(Query.around(BORDEAUX));

        Map<String, ProcessStatus> statuses = result.items().stream()
                .collect(Collectors.toMap(
                        i -> i.sourceKey().substring("test-decidim:process/".length()),
                        FeedItem::status));
        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("open", ProcessStatus.OPEN),
                        Map.entry("starts-now", ProcessStatus.OPEN),
                        Map.entry("starts-in-a-millisecond", ProcessStatus.UPCOMING),
                        Map.entry("ends-now", ProcessStatus.CLOSED),
                        Map.entry("ends-in-a-millisecond", ProcessStatus.OPEN),
                        Map.entry("closed", ProcessStatus.CLOSED),
                        Map.entry("open-without-end", ProcessStatus.OPEN),
                        Map.entry("upcoming-without-end", ProcessStatus.UPCOMING),
                        Map.entry("open-without-start", ProcessStatus.OPEN),
                        Map.entry("closed-without-start", ProcessStatus.CLOSED),
                        Map.entry("undated", ProcessStatus.UNKNOWN)));
    }

    @Test
    void theDefaultQueryShowsOpenAndUpcomingItems() {
        FeedResult result = feed.service.query(FeedQuery.around(BORDEAUX));

        assertThat(slugs(result))
                .containsExactlyInAnyOrder(
                        "open",
                        "starts-now",
                        "starts-in-a-millisecond",
                        "ends-in-a-millisecond",
                        "open-without-end",
                        "upcoming-without-end",
                        "open-without-start");
        assertThat(result.items())
                .allSatisfy(i ->
                        assertThat(i.status()).isIn(ProcessStatus.OPEN, ProcessStatus.UPCOMING));
    }

    @Test
    void closedSelectsItemsWhoseEndIsReached() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).statuses(ProcessStatus.CLOSED))))
                .containsExactlyInAnyOrder("ends-now", "closed", "closed-without-start");
    }

    @Test
    void unknownSelectsUndatedItemsOnly() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).statuses(ProcessStatus.UNKNOWN))))
                .containsExactly("undated");
    }

    @Test
    void upcomingSelectsItemsNotYetStarted() {
        assertThat(slugs(feed.query(Query.around(BORDEAUX).statuses(ProcessStatus.UPCOMING))))
                .containsExactlyInAnyOrder("starts-in-a-millisecond", "upcoming-without-end");
    }

    @Test
    void theSameIndexAnswersDifferentlyWhenTheClockMoves() {
        FeedService later = new FeedService(
                feed.gazetteer,
                feed.index,
                java.time.Clock.fixed(NOW.plus(DAY), java.time.ZoneOffset.UTC),
                source -> null);

        FeedResult result = later.query(
                Query.around(BORDEAUX).statuses(ProcessStatus.CLOSED).build());

        assertThat(slugs(result))
                .containsExactlyInAnyOrder(
                        "ends-now",
                        "closed",
                        "closed-without-start",
                        "open",
                        "starts-now",
                        "starts-in-a-millisecond",
                        "ends-in-a-millisecond",
                        "open-without-start");
    }
}
