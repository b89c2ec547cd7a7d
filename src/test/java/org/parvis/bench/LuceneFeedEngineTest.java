package org.parvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class LuceneFeedEngineTest {

    @Test
    void answersLikeAScanOfEveryProcess() throws Exception {
        SmallGazetteer gazetteer = new SmallGazetteer();
        BenchDataset dataset =
                new SyntheticProcesses(gazetteer).generate(2_000, 9, FeedBench.DEFAULT_NOW);
        BruteForceFeed scan = new BruteForceFeed(gazetteer, dataset);
        List<BenchQuery> queries = BitsetFeedEngineTest.queriesFor(gazetteer);

        List<FeedAnswer> answers = new ArrayList<>();
        try (LuceneFeedEngine engine = LuceneFeedEngine.inMemory(gazetteer)) {
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
    }
}
