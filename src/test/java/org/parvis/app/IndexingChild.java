package org.parvis.app;

import org.parvis.index.FeedIndex;
import org.parvis.model.AreaId;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.store.JdbcStore;
import org.parvis.store.StoreLocation;
import org.parvis.territory.FrenchGazetteer;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM that writes processes to a store in a data directory, then indexes them, saying
 * on standard output when each phase starts, so that {@link KillDuringIndexingTest} can kill it in
 * the middle of indexing.
 */
final class IndexingChild {

    static final String STORED = "stored";
    static final String INDEXING = "indexing";
    static final String DONE = "done";

    private IndexingChild() {}

    static Process process(int n) {
        String[] communes = {"33063", "33281", "33318", "24322", "75056"};
        return ProcessBuilder.create()
                .withId(URI.create("https://participation.example/processes/" + n))
                .withSourceKey(new SourceKey("crash-test", "process/" + n))
                .withTitle(
                        LocalizedText.of("fr", "Concertation numéro " + n + " sur les mobilités"))
                .withSummary(LocalizedText.of("fr", "Donnez votre avis sur le projet " + n + "."))
                .withWindow(
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2027-01-01T00:00:00Z"))
                .addTerritory(TerritoryRef.of(
                        AreaId.commune(communes[n % communes.length]),
                        org.parvis.model.Derivation.DECLARED))
                .withProvenance(new Provenance(
                        "crash-test",
                        Instant.parse("2026-12-01T00:00:00Z"),
                        null,
                        HarvestMethod.UNIFIED_JSON,
                        null,
                        Licence.UNKNOWN,
                        List.of()))
                .build();
    }

    public static void main(String[] args) {
        // Standard output is this child's protocol with the test that kills it, not a log.
        PrintStream toParent = System.out;
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (JdbcStore store = JdbcStore.open(StoreLocation.sqlite(dataDir))) {
            List<Process> batch = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                batch.add(process(n));
                if (batch.size() == 500) {
                    store.upsertAll(batch);
                    batch.clear();
                }
            }
            store.upsertAll(batch);
            toParent.println(STORED);

            try (FeedIndex index =
                    FeedIndex.open(dataDir.resolve("index"), FrenchGazetteer.loadDefault())) {
                toParent.println(INDEXING);
                toParent.flush();
                index.catchUp(store);
                toParent.println(DONE);
            }
        }
    }
}
