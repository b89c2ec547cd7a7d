package org.parvis.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.FRANCE;
import static org.parvis.index.GazetteerForTest.GIRONDE;
import static org.parvis.index.GazetteerForTest.PESSAC;
import static org.parvis.index.ProcessesForTest.process;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parvis.model.AreaId;
import org.parvis.model.Process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Area filters over terms dense enough to be read from cached bit sets ({@link
 * SegmentColumns#DENSE_MIN_DOCS} documents or more), mixed with sparse ones.
 */
class AreaQueryTest {

    private static final int NATIONAL = SegmentColumns.DENSE_MIN_DOCS + 300;
    private static final int DEPARTEMENTAL = SegmentColumns.DENSE_MIN_DOCS + 100;

    private static FeedIndex index;

    @BeforeAll
    static void load() {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < NATIONAL; i++) {
            processes.add(process("national-" + i, FRANCE).build());
        }
        for (int i = 0; i < DEPARTEMENTAL; i++) {
            processes.add(process("gironde-" + i, GIRONDE).build());
        }
        processes.add(process("bordeaux-1", BORDEAUX).build());
        processes.add(process("bordeaux-2", BORDEAUX).build());
        processes.add(process("pessac-1", PESSAC).build());
        index = FeedIndex.inMemory(new GazetteerForTest());
        index.indexAll(processes, 1);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static SearchResult search(AreaFilter areas, int limit, String cursor) {
        return index.search(new SearchRequest(
                areas,
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                SortOrder.CLOSING,
                limit,
                cursor,
                Instant.parse("2026-03-15T12:00:00Z")));
    }

    @Test
    void aroundUnionsDenseAndSparseAreas() {
        SearchResult result = search(AreaFilter.anyOf(Set.of(BORDEAUX, GIRONDE, FRANCE)), 10, null);

        assertThat(result.total()).isEqualTo(NATIONAL + DEPARTEMENTAL + 2);
        assertThat(result.facets().get("level"))
                .containsEntry("nation", (long) NATIONAL)
                .containsEntry("departement", (long) DEPARTEMENTAL)
                .containsEntry("commune", 2L);
    }

    @Test
    void aroundASingleDenseAreaReadsItsBitSet() {
        assertThat(search(AreaFilter.anyOf(Set.of(FRANCE)), 1, null).total()).isEqualTo(NATIONAL);
    }

    @Test
    void withinADenseAreaSeesEverythingInside() {
        assertThat(search(AreaFilter.within(GIRONDE), 1, null).total())
                .isEqualTo(DEPARTEMENTAL + 3);
        assertThat(search(AreaFilter.within(FRANCE), 1, null).total())
                .isEqualTo(NATIONAL + DEPARTEMENTAL + 3);
    }

    @Test
    void unknownAreasMatchNothing() {
        assertThat(search(AreaFilter.anyOf(Set.of(AreaId.commune("13055"))), 1, null)
                        .total())
                .isZero();
    }

    @Test
    void pagingThroughADenseUnionVisitsEveryItemOnce() {
        AreaFilter areas = AreaFilter.anyOf(Set.of(PESSAC, GIRONDE, FRANCE));
        Set<String> seen = new HashSet<>();
        int visited = 0;
        String cursor = null;
        do {
            SearchResult page = search(areas, 100, cursor);
            for (SearchResult.Hit hit : page.hits()) {
                seen.add(hit.card().sourceKey());
                visited++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(visited).isEqualTo(NATIONAL + DEPARTEMENTAL + 1);
        assertThat(seen).hasSize(visited);
    }
}
