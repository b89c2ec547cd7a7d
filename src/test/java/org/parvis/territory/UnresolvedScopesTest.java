package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parvis.model.AreaId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class UnresolvedScopesTest {

    private static final AreaId NANTES = AreaId.commune("44109");

    @Test
    void aLabelIsRecordedOncePerSourceWhateverItsSpelling() {
        UnresolvedScopes registry = new UnresolvedScopes();

        assertThat(registry.record("nantes-capco", "Dervallières Zola", NANTES)).isTrue();
        assertThat(registry.record("nantes-capco", "DERVALLIERES-ZOLA", NANTES)).isFalse();
        assertThat(registry.record("nantes-decidim", "Dervallières Zola", NANTES))
                .isTrue();

        assertThat(registry.list("nantes-capco"))
                .extracting(UnresolvedScopes.UnresolvedScope::label)
                .containsExactly("Dervallières Zola");
        assertThat(registry.listAll())
                .extracting(UnresolvedScopes.UnresolvedScope::sourceId)
                .containsExactly("nantes-capco", "nantes-decidim");
        assertThat(registry.list("unknown-source")).isEmpty();
    }

    @Test
    void concurrentRecordsOfOneLabelKeepOneEntry() throws Exception {
        UnresolvedScopes registry = new UnresolvedScopes();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> firsts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                firsts.add(pool.submit(() -> {
                    start.await();
                    return registry.record("s", "Quartier Bastide", NANTES);
                }));
            }
            start.countDown();
            int newCount = 0;
            for (Future<Boolean> first : firsts) {
                newCount += first.get() ? 1 : 0;
            }

            assertThat(newCount).isEqualTo(1);
            assertThat(registry.list("s")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSourceKeepsAtMostTheCapOfLabels() {
        UnresolvedScopes registry = new UnresolvedScopes();

        for (int i = 0; i < UnresolvedScopes.MAX_PER_SOURCE + 5; i++) {
            registry.record("noisy", "label " + i, NANTES);
        }

        assertThat(registry.list("noisy")).hasSize(UnresolvedScopes.MAX_PER_SOURCE);
    }
}
