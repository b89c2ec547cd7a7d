package org.parvis.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parvis.feed.FeedForTest.NOW;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.BORDEAUX_METROPOLE;
import static org.parvis.index.GazetteerForTest.FRANCE;
import static org.parvis.index.GazetteerForTest.GIRONDE;
import static org.parvis.index.GazetteerForTest.PESSAC;
import static org.parvis.index.ProcessesForTest.process;
import static org.parvis.index.ProcessesForTest.theme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedForTest.Query;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Facet counts over every matching item; each dimension ignores its own filter.
 *
 * <pre>
 * item  themes                   kind                  status    level
 * a     mobilite                 consultation          open      commune
 * b     mobilite, environnement  petition              open      epci
 * c     environnement            consultation          closed    commune
 * d     -                        consultation          upcoming  nation
 * e     mobilite                 participatory_budget  closed    commune
 * f     education                consultation          unknown   departement
 * (g: in Pessac, never around Bordeaux)
 * </pre>
 */
class FeedFacetsTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final FeedForTest feed = new FeedForTest(List.of(
            process("a", BORDEAUX)
                    .addTheme(theme("mobilite"))
                    .withWindow(NOW.minus(DAY), NOW.plus(DAY))
                    .build(),
            process("b", BORDEAUX_METROPOLE)
                    .addTheme(theme("mobilite"))
                    .addTheme(theme("environnement"))
                    .withProcessType(ProcessType.PETITION)
                    .withWindow(NOW.minus(DAY), null)
                    .build(),
            process("c", BORDEAUX)
                    .addTheme(theme("environnement"))
                    .withWindow(NOW.minus(DAY.multipliedBy(3)), NOW.minus(DAY))
                    .build(),
            process("d", FRANCE)
                    .withWindow(NOW.plus(DAY), NOW.plus(DAY.multipliedBy(9)))
                    .build(),
            process("e", BORDEAUX)
                    .addTheme(theme("mobilite"))
                    .withProcessType(ProcessType.PARTICIPATORY_BUDGET)
                    .withWindow(null, NOW.minus(DAY))
                    .build(),
            process("f", GIRONDE).addTheme(theme("education")).build(),
            process("g", PESSAC)
                    .addTheme(theme("mobilite"))
                    .withWindow(NOW.minus(DAY), NOW.plus(DAY))
                    .build()));

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void defaultQueryCountsStatusesOverAllStatusesAndOtherDimensionsOverTheMatches() {
        FeedResult result = feed.service.query(FeedQuery.around(BORDEAUX));

        assertThat(result.total()).isEqualTo(3);
        assertThat(result.facets())
                .containsOnlyKeys("theme", "kind", "level", "status")
                .containsEntry(
                        "status", Map.of("open", 2L, "closed", 2L, "upcoming", 1L, "unknown", 1L))
                .containsEntry("theme", Map.of("mobilite", 2L, "environnement", 1L))
                .containsEntry("kind", Map.of("consultation", 2L, "petition", 1L))
                .containsEntry("level", Map.of("commune", 1L, "epci", 1L, "nation", 1L));
    }

    @Test
    void aThemeFilterLeavesTheThemeCountsOpenAndNarrowsTheOthers() {
        FeedResult result = feed.query(Query.around(BORDEAUX).themes("mobilite"));

        assertThat(result.total()).isEqualTo(3);
        assertThat(result.facets().get("theme"))
                .containsExactly(
                        Map.entry("mobilite", 3L),
                        Map.entry("environnement", 2L),
                        Map.entry("education", 1L));
        assertThat(result.facets())
                .containsEntry("status", Map.of("open", 2L, "closed", 1L))
                .containsEntry(
                        "kind",
                        Map.of("consultation", 1L, "petition", 1L, "participatory_budget", 1L))
                .containsEntry("level", Map.of("commune", 2L, "epci", 1L));
    }

    @Test
    void anItemFailingTwoFiltersCountsNowhere() {
        FeedResult result = feed.query(Query.around(BORDEAUX)
                .themes("mobilite")
                .kinds(ProcessType.CONSULTATION)
                .statuses(ProcessStatus.OPEN, ProcessStatus.UPCOMING));

        assertThat(result.total()).isEqualTo(1);
        assertThat(result.facets())
                .containsEntry("theme", Map.of("mobilite", 1L))
                .containsEntry("kind", Map.of("consultation", 1L, "petition", 1L))
                .containsEntry("status", Map.of("open", 1L))
                .containsEntry("level", Map.of("commune", 1L));
    }

    @Test
    void facetsAndTotalCountEveryMatchNotOnlyThePage() {
        FeedResult whole = feed.query(Query.around(BORDEAUX));
        FeedResult firstPage = feed.query(Query.around(BORDEAUX).limit(1));
        FeedResult secondPage =
                feed.query(Query.around(BORDEAUX).limit(1).cursor(firstPage.nextCursor()));

        assertThat(whole.total()).isEqualTo(6);
        assertThat(firstPage.total()).isEqualTo(6);
        assertThat(firstPage.facets()).isEqualTo(whole.facets());
        assertThat(secondPage.facets()).isEqualTo(whole.facets());
    }

    @Test
    void noMatchGivesEmptyFacets() {
        FeedResult result = feed.query(Query.around(BORDEAUX).text("introuvable"));

        assertThat(result.total()).isZero();
        assertThat(result.items()).isEmpty();
        assertThat(result.nextCursor()).isNull();
        assertThat(result.facets().values())
                .allSatisfy(counts -> assertThat(counts).isEmpty());
    }
}
