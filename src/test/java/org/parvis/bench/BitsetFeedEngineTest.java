package org.parvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

class BitsetFeedEngineTest {

    private final SmallGazetteer gazetteer = new SmallGazetteer();
    private final BenchDataset dataset =
            new SyntheticProcesses(gazetteer).generate(2_000, 7, FeedBench.DEFAULT_NOW);

    static List<BenchQuery> queriesFor(SmallGazetteer gazetteer) {
        List<BenchQuery> queries = new ArrayList<>(new QueryGenerator(gazetteer).generate(50, 11));
        queries.add(new BenchQuery(
                AreaId.parse("fr:arrondissement:75112"), FeedQuery.Scope.AROUND, Set.of()));
        queries.add(new BenchQuery(
                AreaId.parse("fr:region:11"), FeedQuery.Scope.WITHIN, Set.of("mobilite")));
        queries.add(
                new BenchQuery(AreaId.parse("fr:commune:75056"), FeedQuery.Scope.WITHIN, Set.of()));
        queries.add(new BenchQuery(
                AreaId.parse("fr:commune:29155"), FeedQuery.Scope.AROUND, Set.of("sante")));
        queries.add(new BenchQuery(
                AreaId.FRANCE, FeedQuery.Scope.WITHIN, Set.of("democratie", "numerique")));
        return queries;
    }

    @Test
    void answersLikeAScanOfEveryProcess() throws Exception {
        BruteForceFeed scan = new BruteForceFeed(gazetteer, dataset);
        List<BenchQuery> queries = queriesFor(gazetteer);

        List<FeedAnswer> answers = new ArrayList<>();
        try (BitsetFeedEngine engine = new BitsetFeedEngine(AreaHierarchy.of(gazetteer))) {
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
        assertThat(answers)
                .as("some queries fill more than a page")
                .anyMatch(answer -> answer.total() > 20);
        assertThat(answers)
                .as("some queries use the scope within")
                .anyMatch(answer -> answer.total() > 0);
    }
}
