package org.parvis.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.feed.FeedForTest.NOW;
import static org.parvis.feed.FeedForTest.slugs;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.FRANCE;
import static org.parvis.index.ProcessesForTest.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedForTest.Query;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Orders, their deterministic tie-break on the id, and cursor paging. */
class FeedOrderTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final FeedForTest feed = new FeedForTest(fixture());

    /**
     * 30 items around Bordeaux: ends on days 1 to 5 (six items per day, so ties), every fifth
     * without end; published on days -1 to -3, every seventh unpublished (sorted by start).
     */
    private static List<Process> fixture() {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String slug = String.format("item-%02d", (i * 7) % 30);
            var builder = process(slug, i % 2 == 0 ? BORDEAUX : FRANCE)
                    .withWindow(
                            NOW.minus(DAY.multipliedBy(10 + i % 4)),
                            i % 5 == 0 ? null : NOW.plus(DAY.multipliedBy(1 + i % 5)))
                    .withPublishedAt(i % 7 == 0 ? null : NOW.minus(DAY.multipliedBy(1 + i % 3)));
            processes.add(builder.build());
        }
        return processes;
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void closingOrderIsEndAscendingWithoutEndLastThenId() {
        FeedResult result = feed.query(Query.around(BORDEAUX).sort(FeedQuery.Sort.CLOSING));

        assertThat(result.items()).hasSize(30);
        for (int i = 1; i < result.items().size(); i++) {
            FeedItem before = result.items().get(i - 1);
            FeedItem after = result.items().get(i);
            if (before.endAt() == null) {
                assertThat(after.endAt()).isNull();
            }
            if (before.endAt() != null && after.endAt() != null) {
                assertThat(before.endAt()).isBeforeOrEqualTo(after.endAt());
            }
            if (java.util.Objects.equals(before.endAt(), after.endAt())) {
                assertThat(before.id().toString()).isLessThan(after.id().toString());
            }
        }
        assertThat(result.items().get(29).endAt()).isNull();
    }

    @Test
    void newestOrderIsPublicationElseStartDescendingThenId() {
        FeedResult result = feed.query(Query.around(BORDEAUX).sort(FeedQuery.Sort.NEWEST));

        List<Process> expected = new ArrayList<>(fixture());
        expected.sort(java.util.Comparator.comparing(
                        (Process p) -> p.publishedAt() != null ? p.publishedAt() : p.startAt(),
                        java.util.Comparator.reverseOrder())
                .thenComparing(p -> p.id().toString()));
        assertThat(result.items())
                .extracting(i -> i.id())
                .containsExactlyElementsOf(expected.stream().map(Process::id).toList());
    }

    @Test
    void relevanceWithoutTextIsTheClosingOrder() {
        FeedResult closing = feed.query(Query.around(BORDEAUX).sort(FeedQuery.Sort.CLOSING));
        FeedResult relevance = feed.query(Query.around(BORDEAUX).sort(FeedQuery.Sort.RELEVANCE));

        assertThat(slugs(relevance)).containsExactlyElementsOf(slugs(closing));
    }

    @Test
    void relevancePutsTitleMatchesBeforeDescriptionMatches() {
        try (FeedForTest texts = new FeedForTest(List.of(
                process("in-description", BORDEAUX)
                        .withTitle(LocalizedText.of("fr", "Aménagement du quai"))
                        .withDescription(
                                LocalizedText.of("fr", "Le projet prévoit un jardin partagé."))
                        .build(),
                process("in-title", BORDEAUX)
                        .withTitle(LocalizedText.of("fr", "Un jardin partagé"))
                        .build(),
                process("elsewhere", BORDEAUX).build()))) {
            FeedResult result = texts.query(
                    Query.around(BORDEAUX).text("jardins").sort(FeedQuery.Sort.RELEVANCE));

            assertThat(slugs(result)).containsExactly("in-title", "in-description");
        }
    }

    @Test
    void sameQueryGivesTheSameOrderEveryTime() {
        List<String> first = slugs(feed.query(Query.around(BORDEAUX).sort(FeedQuery.Sort.NEWEST)));
        List<String> second = slugs(feed.query(Query.around(BORDEAUX).sort(FeedQuery.Sort.NEWEST)));

        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void cursorPagingWalksEveryItemOnceInOrder() {
        for (FeedQuery.Sort sort : FeedQuery.Sort.values()) {
            for (String text : new String[] {null, "concertation"}) {
                List<String> all =
                        slugs(feed.query(Query.around(BORDEAUX).sort(sort).text(text)));
                List<String> walked = new ArrayList<>();
                Set<String> cursors = new HashSet<>();
                String cursor = null;
                int pages = 0;
                do {
                    FeedResult page = feed.query(Query.around(BORDEAUX)
                            .sort(sort)
                            .text(text)
                            .limit(4)
                            .cursor(cursor));
                    assertThat(page.total()).isEqualTo(30);
                    walked.addAll(slugs(page));
                    cursor = page.nextCursor();
                    pages++;
                    assertThat(cursor == null || cursors.add(cursor)).isTrue();
                } while (cursor != null);

                assertThat(walked).as("%s %s", sort, text).containsExactlyElementsOf(all);
                assertThat(pages).isEqualTo(8);
            }
        }
    }

    @Test
    void orderAndPagingAreTheSameWhenItemsSpreadOverSeveralSegments() {
        try (FeedForTest split = new FeedForTest(List.of())) {
            List<Process> all = fixture();
            // Each bulk load commits its own segment.
            for (int from = 0; from < all.size(); from += 7) {
                split.index.indexAll(all.subList(from, Math.min(all.size(), from + 7)), from + 1);
            }

            for (FeedQuery.Sort sort : FeedQuery.Sort.values()) {
                List<String> expected = slugs(feed.query(Query.around(BORDEAUX).sort(sort)));
                assertThat(slugs(split.query(Query.around(BORDEAUX).sort(sort))))
                        .containsExactlyElementsOf(expected);

                List<String> walked = new ArrayList<>();
                String cursor = null;
                do {
                    FeedResult page = split.query(
                            Query.around(BORDEAUX).sort(sort).limit(3).cursor(cursor));
                    walked.addAll(slugs(page));
                    cursor = page.nextCursor();
                } while (cursor != null);
                assertThat(walked).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void lastFullPageHasNoNextCursor() {
        FeedResult page = feed.query(Query.around(BORDEAUX).limit(30));

        assertThat(page.items()).hasSize(30);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void cursorIsUrlSafe() {
        String cursor = feed.query(Query.around(BORDEAUX).limit(3)).nextCursor();

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void malformedCursorIsRejectedNamingTheParameter() {
        for (String bad :
                List.of("abc", "!!!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x".repeat(5000))) {
            assertThatThrownBy(() -> feed.query(Query.around(BORDEAUX).cursor(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'cursor'");
        }
    }

    @Test
    void alteredCursorIsRejected() {
        String cursor = feed.query(Query.around(BORDEAUX).limit(3)).nextCursor();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[8] ^= 1;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> feed.query(Query.around(BORDEAUX).limit(3).cursor(altered)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cursor'")
                .hasMessageContaining("altered");
    }

    @Test
    void cursorOfAnotherQueryIsRejected() {
        String cursor = feed.query(Query.around(BORDEAUX).limit(3)).nextCursor();

        assertThatThrownBy(() -> feed.query(Query.around(BORDEAUX)
                        .sort(FeedQuery.Sort.NEWEST)
                        .limit(3)
                        .cursor(cursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cursor'")
                .hasMessageContaining("another query");
        assertThatThrownBy(() -> feed.query(Query.around(FRANCE).limit(3).cursor(cursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another query");
    }

    @Test
    void cursorStaysValidWhenThePageSizeChanges() {
        FeedResult first = feed.query(Query.around(BORDEAUX).limit(5));
        FeedResult rest = feed.query(Query.around(BORDEAUX).limit(100).cursor(first.nextCursor()));

        List<String> all = slugs(feed.query(Query.around(BORDEAUX)));
        assertThat(slugs(rest)).containsExactlyElementsOf(all.subList(5, 30));
    }
}
