package org.parvis.index;

import static org.parvis.index.ProcessesForTest.process;
import static org.parvis.index.ProcessesForTest.theme;

import org.parvis.model.AreaId;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A deterministic store history of 56 changes: 30 processes created across the test areas, ten
 * of them updated, six deleted (one of them created again), and contributions, which the index
 * reads but does not index.
 */
final class HistoryForTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static final List<AreaId> AREAS = List.of(
            GazetteerForTest.BORDEAUX,
            GazetteerForTest.MERIGNAC,
            GazetteerForTest.PESSAC,
            GazetteerForTest.BORDEAUX_METROPOLE,
            GazetteerForTest.GIRONDE,
            GazetteerForTest.PERIGUEUX,
            GazetteerForTest.NOUVELLE_AQUITAINE,
            GazetteerForTest.FRANCE,
            GazetteerForTest.PARIS_12,
            GazetteerForTest.MARSEILLE);

    private HistoryForTest() {}

    static Process version(int n, int revision) {
        return process("p" + n, AREAS.get(n % AREAS.size()))
                .withTitle(LocalizedText.of(
                        "fr", "Concertation numéro " + n + " révision " + revision))
                .addTheme(theme(n % 3 == 0 ? "mobilite" : "environnement"))
                .withWindow(
                        T0.plus(Duration.ofDays(n % 7)),
                        T0.plus(Duration.ofDays(20 + n + revision)))
                .build();
    }

    static Contribution contribution(int n) {
        Process process = version(n, 0);
        return new Contribution(
                URI.create(process.id() + "/proposals/" + n),
                new SourceKey(ProcessesForTest.SOURCE, "proposal/" + n),
                null,
                ContributionKind.PROPOSAL,
                process.id(),
                null,
                LocalizedText.of("fr", "Proposition " + n),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                process.provenance());
    }

    /** Appends the whole history to {@code log}. */
    static ChangeLogForTest build() {
        ChangeLogForTest log = new ChangeLogForTest();
        for (int n = 0; n < 30; n++) {
            log.upsert(version(n, 0));
        }
        for (int n = 0; n < 30; n += 3) {
            log.upsert(version(n, 1));
        }
        for (int n = 1; n < 30; n += 5) {
            log.delete(version(n, 0));
        }
        log.upsert(version(1, 2));
        for (int n = 0; n < 9; n++) {
            log.upsert(contribution(n));
        }
        return log;
    }
}
