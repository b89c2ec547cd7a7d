package org.parvis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs against the PostgreSQL named by {@code PARVIS_BENCH_POSTGRES_URL}, else by the test
 * suite's {@code PARVIS_TEST_POSTGRES_URL}; skipped when neither is set, except under {@code
 * CI=true}, where a missing server fails the test.
 */
class PostgresFeedEngineTest {

    private static final String URL = firstSet(
            System.getenv("PARVIS_BENCH_POSTGRES_URL"), System.getenv("PARVIS_TEST_POSTGRES_URL"));

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @Test
    void answersLikeAScanOfEveryProcessAndDropsItsSchema() throws Exception {
        if (URL == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "CI=true but no PostgreSQL: set PARVIS_TEST_POSTGRES_URL (.ci/run does)");
        }
        assumeTrue(
                URL != null, "set PARVIS_TEST_POSTGRES_URL to run the PostgreSQL benchmark engine");
        SmallGazetteer gazetteer = new SmallGazetteer();
        BenchDataset dataset =
                new SyntheticProcesses(gazetteer).generate(2_000, 5, FeedBench.DEFAULT_NOW);
        BruteForceFeed scan = new BruteForceFeed(gazetteer, dataset);
        List<BenchQuery> queries = BitsetFeedEngineTest.queriesFor(gazetteer);

        List<FeedAnswer> answers = new ArrayList<>();
        PostgresFeedEngine engine = new PostgresFeedEngine(URL, AreaHierarchy.of(gazetteer));
        try (engine) {
            engine.load(dataset);
            try (FeedEngine.Session session = engine.openSession()) {
                for (BenchQuery query : queries) {
                    answers.add(session.query(query));
                }
            }
        }

        for (int i = 0; i < queries.size(); i++) {
            assertThat(answers.get(i))
                    .as(queries.get(i).toString())
                    .isEqualTo(scan.answer(queries.get(i)));
        }
        try (Connection connection = DriverManager.getConnection(URL);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, engine.schema());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("schema left behind").isZero();
            }
        }
    }
}
