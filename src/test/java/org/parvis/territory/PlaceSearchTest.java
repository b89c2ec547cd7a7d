package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.model.AreaId.commune;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parvis.model.AreaId;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs the real queries of {@code place-queries.tsv} (expectations checked against the official
 * COG list by {@code check-place-queries.py}) and checks input validation and thread-safety.
 */
class PlaceSearchTest {

    private static final PlaceSearch SEARCH = TerritoryFixtures.search();

    /** One row of place-queries.tsv. */
    record Query(
            int line,
            String query,
            String check,
            List<String> ids,
            String match,
            String kind,
            String note) {
        @Override
        public String toString() {
            return "line " + line + ": " + query + " (" + kind + ")";
        }
    }

    static List<Query> queries() throws IOException {
        List<Query> rows = new ArrayList<>();
        try (InputStream in = PlaceSearchTest.class.getResourceAsStream("place-queries.tsv")) {
            String[] lines = new String(in.readAllBytes(), UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> ids = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(","));
                rows.add(new Query(i + 1, f[0], f[1], ids, f[3], f[4], f.length > 5 ? f[5] : ""));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void aRealQueryFindsTheOfficialPlaces(Query q) {
        int limit = q.ids().size() > 10 || q.check().equals("exactly") ? PlaceSearch.MAX_LIMIT : 10;
        List<PlaceMatch> matches = SEARCH.search(q.query(), limit);
        List<String> found =
                matches.stream().map(m -> m.place().id().value()).collect(Collectors.toList());

        switch (q.check()) {
            case "first" ->
                assertThat(found).as(q.toString()).first().isEqualTo(q.ids().get(0));
            case "starts" ->
                assertThat(found).as(q.toString()).startsWith(q.ids().toArray(new String[0]));
            case "exactly" -> assertThat(found).as(q.toString()).containsExactlyElementsOf(q.ids());
            case "contains" -> assertThat(found).as(q.toString()).containsAll(q.ids());
            case "none" -> assertThat(found).as(q.toString()).isEmpty();
            default ->
                throw new IllegalArgumentException("unknown check " + q.check() + " in " + q);
        }
        if (!q.match().equals("-")) {
            PlaceMatch firstExpected = matches.stream()
                    .filter(m -> m.place().id().value().equals(q.ids().get(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(firstExpected.kind())
                    .as(q.toString())
                    .isEqualTo(MatchKind.valueOf(q.match()));
        }
    }

    @Test
    void theQueryFileCoversEveryKindWithAtLeast150Queries() throws IOException {
        List<Query> rows = queries();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rows.stream().map(Query::kind).distinct())
                .contains(
                        "code",
                        "former-code",
                        "siren",
                        "postcode",
                        "name",
                        "homonyms",
                        "former",
                        "typo",
                        "qualified",
                        "arrondissement",
                        "departement",
                        "region",
                        "epci",
                        "none");
        // Corsica (2A, 2B, 20xxx) and overseas (97x, 98x) appear among the expectations.
        assertThat(rows.stream().flatMap(r -> r.ids().stream()))
                .anyMatch(id -> id.startsWith("fr:commune:2A"))
                .anyMatch(id -> id.startsWith("fr:commune:2B"))
                .anyMatch(id -> id.startsWith("fr:commune:974"))
                .anyMatch(id -> id.startsWith("fr:commune:976"))
                .anyMatch(id -> id.startsWith("fr:commune:987"));
    }

    @Test
    void aFormerCommuneNameSaysWhichNameMatched() {
        PlaceMatch match = SEARCH.search("Cherbourg-Octeville", 5).get(0);

        assertThat(match.place().id()).isEqualTo(commune("50129"));
        assertThat(match.place().name()).isEqualTo("Cherbourg-en-Cotentin");
        assertThat(match.kind()).isEqualTo(MatchKind.FORMER_NAME);
        assertThat(match.matchedName()).isEqualTo("Cherbourg-Octeville");
    }

    @Test
    void homonymsComeWithParentsThatNameTheirDepartement() {
        List<PlaceMatch> matches = SEARCH.search("Saint-Denis", 4);

        assertThat(matches)
                .extracting(m -> m.place().parents())
                .anySatisfy(parents -> assertThat(parents).contains(AreaId.departement("93")))
                .anySatisfy(parents -> assertThat(parents).contains(AreaId.departement("974")));
        assertThat(matches)
                .allSatisfy(
                        m -> assertThat(m.place().parents()).endsWith(AreaId.FRANCE, AreaId.EU));
    }

    @Test
    void aTyposQueryNeverOutranksAnExactName() {
        // "Lyon" is exact; "Lyons-la-Forêt" starts with it; no fuzzy neighbour comes first.
        assertThat(SEARCH.search("Lyon", 10).get(0).place().id()).isEqualTo(commune("69123"));
        assertThat(SEARCH.search("Lyon", 10))
                .extracting(PlaceMatch::kind)
                .doesNotContain(MatchKind.FUZZY);
    }

    @Test
    void theLimitCapsTheCandidates() {
        assertThat(SEARCH.search("Saint", 3)).hasSize(3);
        // 46 communes share 51300, the most shared postcode; 51300 is also an INSEE code.
        assertThat(SEARCH.search("51300", 50))
                .filteredOn(m -> m.kind() == MatchKind.POSTCODE)
                .hasSize(46);
        assertThat(SEARCH.search("51300", 5)).hasSize(5);
    }

    @Test
    void aBlankQueryIsRejectedNamingQ() {
        assertThatThrownBy(() -> SEARCH.search("  ", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter q is empty");
    }

    @Test
    void aQueryOverOneHundredCharactersIsRejectedWithItsLength() {
        String longQuery = "a".repeat(101);

        assertThatThrownBy(() -> SEARCH.search(longQuery, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter q has 101 characters")
                .hasMessageContaining("at most 100");
        assertThat(SEARCH.search("a".repeat(100), 10)).isNotNull();
    }

    @Test
    void aLimitOutsideOneToFiftyIsRejectedNamingTheLimit() {
        assertThatThrownBy(() -> SEARCH.search("Brest", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter limit is 0")
                .hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> SEARCH.search("Brest", 51))
                .hasMessageContaining("parameter limit is 51");
    }

    @Test
    void aQueryWithoutLetterOrDigitIsRejected() {
        assertThatThrownBy(() -> SEARCH.search("'- /", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no letter or digit");
    }

    @Test
    void concurrentSearchesAnswerAsSequentialOnes() throws Exception {
        List<String> queries = List.of(
                "Bordaux", "33000", "st etienne", "Saint-Denis 974", "Marseile", "51300", "Bord");
        List<List<PlaceMatch>> expected =
                queries.stream().map(q -> SEARCH.search(q, 20)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < queries.size(); i++) {
                            if (!SEARCH.search(queries.get(i), 20).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> future : futures) {
                assertThat(future.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
