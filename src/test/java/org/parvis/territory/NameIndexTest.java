package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The index's three look-ups on a handful of keys (place numbers stand for places). */
class NameIndexTest {

    // key, place, weight
    private static final NameIndex INDEX = new NameIndex(List.of(
            entry("bordeaux", 0, 260_000),
            entry("bordeauxmetropole", 1, 840_000),
            entry("bordeauxsaintclair", 2, 650),
            entry("bourdeaux", 3, 670),
            entry("bordes", 4, 2_800),
            entry("nantes", 5, 320_000),
            entry("saintdenis", 6, 150_000),
            entry("saintdenis", 7, 520),
            entry("saintdenis", 8, 155_000)));

    private static NameIndex.Entry entry(String key, int place, long weight) {
        return new NameIndex.Entry(key, place, NameIndex.Kind.NAME, null, weight);
    }

    private static List<Integer> places(int[] entries) {
        List<Integer> places = new ArrayList<>();
        for (int e : entries) {
            places.add(INDEX.entry(e).place());
        }
        return places;
    }

    @Test
    void exactLookUpReturnsEveryHomonymHeaviestFirst() {
        assertThat(places(INDEX.exact("saintdenis"))).containsExactly(8, 6, 7);
        assertThat(INDEX.exact("saint")).isEmpty();
    }

    @Test
    void prefixLookUpReturnsTheHeaviestOfTheRangeInOrder() {
        List<Integer> found = new ArrayList<>();
        INDEX.prefix("bord", 4, e -> found.add(INDEX.entry(e).place()));

        assertThat(found).containsExactly(1, 0, 4, 2);
    }

    @Test
    void prefixLookUpCountsOnlyAcceptedEntries() {
        List<Integer> found = new ArrayList<>();
        INDEX.prefix(
                "bord",
                2,
                e -> INDEX.entry(e).place() != 1 && found.add(INDEX.entry(e).place()));

        assertThat(found).containsExactly(0, 4);
    }

    @Test
    void fuzzyLookUpFindsTheNearestInsertionsDeletionsSubstitutionsAndTranspositions() {
        assertThat(fuzzy("bordaux", 1)).containsOnlyKeys(0).containsEntry(0, 1);
        // Only the nearest tier: Bourdeaux, two edits away, yields to Bordeaux, one edit away.
        assertThat(fuzzy("bordaux", 2)).containsOnlyKeys(0).containsEntry(0, 1);
        assertThat(fuzzy("bourdaus", 2)).containsEntry(3, 2).doesNotContainKey(1);
        assertThat(fuzzy("nantse", 1)).containsOnlyKeys(5).containsEntry(5, 1);
        assertThat(fuzzy("nantesx", 1)).containsEntry(5, 1);
        assertThat(fuzzy("nnates", 1)).containsEntry(5, 1);
        assertThat(fuzzy("nnatse", 2)).containsEntry(5, 2);
        assertThat(fuzzy("nnatse", 1)).isEmpty();
    }

    @Test
    void fuzzyLookUpNeedsTheRightFirstLetter() {
        assertThat(fuzzy("mantes", 1)).isEmpty();
    }

    private static Map<Integer, Integer> fuzzy(String query, int edits) {
        Map<Integer, Integer> found = new HashMap<>();
        INDEX.fuzzy(query, edits, (e, d) -> found.merge(INDEX.entry(e).place(), d, Math::min));
        return found;
    }
}
