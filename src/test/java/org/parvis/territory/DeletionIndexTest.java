package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parvis.model.AreaLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The deletion index finds exactly what a brute-force scan with the same distance finds, on the
 * real commune names with random typos (seeded).
 */
class DeletionIndexTest {

    @Test
    void distanceCountsEditsAndAdjacentTranspositions() {
        assertThat(DeletionIndex.distance("bordeaux", "bordeaux", 2)).isZero();
        assertThat(DeletionIndex.distance("bordaux", "bordeaux", 2)).isEqualTo(1);
        assertThat(DeletionIndex.distance("bordeuax", "bordeaux", 2)).isEqualTo(1);
        assertThat(DeletionIndex.distance("brodeuax", "bordeaux", 2)).isEqualTo(2);
        assertThat(DeletionIndex.distance("marsseile", "marseille", 2)).isEqualTo(2);
        assertThat(DeletionIndex.distance("nantes", "nimes", 1)).isEqualTo(2);
        assertThat(DeletionIndex.distance("paris", "lyon", 2)).isEqualTo(3);
    }

    @Test
    void lookUpsAgreeWithABruteForceScan() {
        String[] keys = TerritoryFixtures.gazetteer().listPlaces(AreaLevel.COMMUNE).stream()
                .map(p -> Names.key(p.name()))
                .distinct()
                .sorted()
                .toArray(String[]::new);
        DeletionIndex index = new DeletionIndex(keys);
        long seed = 20260301L;
        Random random = new Random(seed);

        for (int i = 0; i < 400; i++) {
            String query = typo(typo(keys[random.nextInt(keys.length)], random), random);
            for (int maxEdits = 1; maxEdits <= 2; maxEdits++) {
                Map<String, Integer> found = new HashMap<>();
                index.findNearest(query, maxEdits, (key, edits) -> found.put(keys[key], edits));

                assertThat(found)
                        .as("query %s, %d edits, seed %d", query, maxEdits, seed)
                        .isEqualTo(bruteForce(keys, query, maxEdits));
            }
        }
    }

    private static Map<String, Integer> bruteForce(String[] keys, String query, int maxEdits) {
        Map<String, Integer> within = new HashMap<>();
        for (String key : keys) {
            if (key.charAt(0) == query.charAt(0)) {
                int d = DeletionIndex.distance(query, key, maxEdits);
                if (d <= maxEdits) {
                    within.put(key, d);
                }
            }
        }
        boolean anyWithinOne = within.values().stream().anyMatch(d -> d <= 1);
        within.values().removeIf(d -> anyWithinOne && d > 1);
        return within;
    }

    private static String typo(String key, Random random) {
        if (key.length() < 3) {
            return key;
        }
        int at = 1 + random.nextInt(key.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        StringBuilder b = new StringBuilder(key);
        List<Runnable> edits = new ArrayList<>();
        edits.add(() -> b.deleteCharAt(at));
        edits.add(() -> b.insert(at, letter));
        edits.add(() -> b.setCharAt(at, letter));
        edits.add(() -> {
            if (at + 1 < b.length()) {
                char c = b.charAt(at);
                b.setCharAt(at, b.charAt(at + 1));
                b.setCharAt(at + 1, c);
            }
        });
        edits.get(random.nextInt(edits.size())).run();
        return b.toString();
    }
}
