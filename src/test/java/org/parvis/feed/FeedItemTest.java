package org.parvis.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parvis.feed.FeedForTest.NOW;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.BORDEAUX_METROPOLE;
import static org.parvis.index.ProcessesForTest.ODBL;
import static org.parvis.index.ProcessesForTest.RETRIEVED;
import static org.parvis.index.ProcessesForTest.organiser;
import static org.parvis.index.ProcessesForTest.process;
import static org.parvis.index.ProcessesForTest.theme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedForTest.Query;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a feed item carries, built from the index alone. */
class FeedItemTest {

    private static final AreaId SAINT_MICHEL = AreaId.parse("local:test-decidim:Saint-Michel");

    private final FeedForTest feed = new FeedForTest(List.of(
            process("budget", BORDEAUX)
                    .withTitle(new LocalizedText(
                            Map.of("en", "Participatory budget", "fr", "Budget participatif"),
                            "fr"))
                    .withSummary(new LocalizedText(
                            Map.of("en", "Vote for projects", "fr", "Votez"), null))
                    .withProcessType(ProcessType.PARTICIPATORY_BUDGET)
                    .withWindow(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(5)))
                    .addOrganiser(organiser("Ville de Bordeaux", BORDEAUX))
                    .addOrganiser(organiser("Bordeaux Métropole", BORDEAUX_METROPOLE))
                    .addTerritory(TerritoryRef.of(SAINT_MICHEL, Derivation.MAPPED))
                    .addTheme(theme("finances_publiques"))
                    .addTheme(theme("cadre_de_vie"))
                    .withParticipateUrl(URI.create("https://participation.example.org/budget/vote"))
                    .build(),
            process("english", BORDEAUX)
                    .withTitle(LocalizedText.of("en", "Harbour consultation"))
                    .withSourceKey(new SourceKey("other-platform", "p/1"))
                    .withProvenance(new Provenance(
                            "other-platform",
                            RETRIEVED,
                            null,
                            HarvestMethod.REST,
                            null,
                            Licence.UNKNOWN,
                            null))
                    .build()));

    @AfterEach
    void close() {
        feed.close();
    }

    private FeedItem item(String keyEnd) {
        return feed.query(Query.around(BORDEAUX)).items().stream()
                .filter(i -> i.sourceKey().endsWith(keyEnd))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void itemCarriesTheCardDataInTheBestLanguage() {
        FeedItem item = item("process/budget");

        assertThat(item.id())
                .isEqualTo(URI.create("https://participation.example.org/processes/budget"));
        assertThat(item.sourceKey()).isEqualTo("test-decidim:process/budget");
        assertThat(item.title()).isEqualTo("Budget participatif");
        assertThat(item.summary()).isEqualTo("Votez");
        assertThat(item.language()).isEqualTo("fr");
        assertThat(item.kind()).isEqualTo(ProcessType.PARTICIPATORY_BUDGET);
        assertThat(item.status()).isEqualTo(ProcessStatus.OPEN);
        assertThat(item.startAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(item.endAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(item.organiser()).isEqualTo("Ville de Bordeaux");
        assertThat(item.platform()).isEqualTo(FeedForTest.PLATFORM);
        assertThat(item.url())
                .isEqualTo(URI.create("https://participation.example.org/budget/vote"));
        assertThat(item.themes()).containsExactly("finances_publiques", "cadre_de_vie");
        assertThat(item.licence()).isEqualTo(ODBL);
    }

    @Test
    void areasCarryLevelAndGazetteerNameOrTheIdForUnmappedLabels() {
        assertThat(item("process/budget").areas())
                .containsExactly(
                        new FeedItem.Area(BORDEAUX, AreaLevel.COMMUNE, "Bordeaux"),
                        new FeedItem.Area(SAINT_MICHEL, AreaLevel.LOCAL, SAINT_MICHEL.value()));
    }

    @Test
    void missingValuesFallBack() {
        FeedItem item = item("other-platform:p/1");

        assertThat(item.title()).isEqualTo("Harbour consultation");
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.summary()).isNull();
        assertThat(item.organiser()).isNull();
        assertThat(item.platform()).isEqualTo("other-platform");
        assertThat(item.url()).isEqualTo(item.id());
        assertThat(item.status()).isEqualTo(ProcessStatus.UNKNOWN);
        assertThat(item.licence()).isEqualTo(Licence.UNKNOWN);
    }
}
