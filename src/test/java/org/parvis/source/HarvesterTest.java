package org.parvis.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parvis.demo.FakePlatform;
import org.parvis.demo.FakePlatform.Fault;
import org.parvis.model.AreaId;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.store.HarvestRun;
import org.parvis.store.HarvestRun.Outcome;
import org.parvis.store.JdbcStore;
import org.parvis.store.SourceIssue;
import org.parvis.store.Store;
import org.parvis.store.StoreLocation;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Harvests the sample platform over loopback HTTP with the real connector. */
class HarvesterTest {

    private static final Instant DEMO_START = Instant.parse("2026-03-10T08:00:00Z");
    private static final String SOURCE_ID = "demo-bordeaux-metropole";
    private static final int ATTEMPTS = 3;
    private static final HttpFetcher.Settings HTTP = HttpFetcher.Settings.defaults(
                    "0.0-test", URI.create("https://parvis.example/harvester"))
            .withRetries(ATTEMPTS, Duration.ofMillis(5), Duration.ofSeconds(1));

    private FakePlatform platform;
    private SourceConfig source;
    private Store store;
    private SimpleMeterRegistry meters;
    private final List<Integer> batchSizes = new ArrayList<>();

    @TempDir
    Path dataDir;

    /** The real embedded store, in a fresh directory for each test. */
    private Store newStore() {
        return JdbcStore.open(StoreLocation.sqlite(dataDir));
    }

    @BeforeEach
    void startPlatform() throws IOException {
        platform = FakePlatform.start(DEMO_START);
        source = platform.listSources().stream()
                .filter(s -> s.id().equals(SOURCE_ID))
                .findFirst()
                .orElseThrow();
        store = newStore();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
        store.close();
    }

    private Harvester harvester(HttpFetcher.Settings settings) {
        HarvestListener listener = (s, batch, removed) ->
                batchSizes.add(batch.inserted() + batch.changed() + batch.unchanged() + removed);
        return new Harvester(
                store,
                Connectors.defaults(),
                new HttpFetcher(settings),
                Clock.systemUTC(),
                listener,
                meters,
                10);
    }

    private HarvestRun harvest() {
        return harvester(HTTP).harvest(source);
    }

    private int servedCount() {
        return platform.listItems(SOURCE_ID).size();
    }

    private static SourceKey key(String nativeId) {
        return new SourceKey(SOURCE_ID, nativeId);
    }

    @Test
    void firstHarvestStoresEveryServedItemAsNew() {
        int served = servedCount();

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues()).isEmpty();
        assertThat(run.error()).isNull();
        assertThat(run.itemsNew()).isEqualTo(served);
        assertThat(run.itemsChanged() + run.itemsUnchanged() + run.itemsRemoved())
                .isZero();
        assertThat(run.requests())
                .isEqualTo((served + FakePlatform.PAGE_SIZE - 1) / FakePlatform.PAGE_SIZE);
        assertThat(run.bytes()).isPositive();
        assertThat(store.countLiveItemsBySource()).containsEntry(SOURCE_ID, (long) served);
        assertThat(store.findLastRun(SOURCE_ID)).contains(run);
    }

    @Test
    void connectorSetsProvenanceFromTheSourceNotTheExporter() {
        harvest();

        Item item = store.findItem(key("process/plan-velo-metropolitain-2030")).orElseThrow();
        assertThat(item.provenance().sourceId()).isEqualTo(SOURCE_ID);
        assertThat(item.provenance().method()).isEqualTo(HarvestMethod.UNIFIED_JSON);
        assertThat(item.provenance().licence()).isEqualTo(source.licence());
        assertThat(item.provenance().retrievedFrom())
                .isEqualTo(URI.create(source.baseUrl() + "/parvis-export/v1/items"));
        assertThat(item.id())
                .isEqualTo(URI.create("https://participation.bordeaux-metropole.example"
                        + "/processes/plan-velo-metropolitain-2030"));
    }

    @Test
    void processWithoutTerritoryGetsTheSourceDefault() {
        harvest();

        Process process =
                (Process) store.findItem(key("process/collecte-biodechets")).orElseThrow();
        assertThat(process.territories())
                .containsExactly(
                        TerritoryRef.of(AreaId.parse("fr:epci:243300316"), Derivation.DEFAULT));
    }

    @Test
    void reharvestingAnUnchangedPlatformCountsEverythingUnchanged() {
        harvest();

        HarvestRun second = harvest();

        assertThat(second.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(second.itemsUnchanged()).isEqualTo(servedCount());
        assertThat(second.itemsNew() + second.itemsChanged() + second.itemsRemoved())
                .isZero();
    }

    @Test
    void retitledItemCountsAsChanged() {
        harvest();
        platform.retitle(
                SOURCE_ID, "process/tarification-eau", "Tarification de l'eau : les résultats");

        HarvestRun second = harvest();

        assertThat(second.itemsChanged()).isEqualTo(1);
        assertThat(second.itemsUnchanged()).isEqualTo(servedCount() - 1);
        assertThat(store.findItem(key("process/tarification-eau"))
                        .orElseThrow()
                        .title()
                        .best(List.of("fr")))
                .isEqualTo("Tarification de l'eau : les résultats");
    }

    @Test
    void itemRemovedFromThePlatformIsTombstonedAfterACompleteListing() {
        harvest();
        platform.remove(SOURCE_ID, "process/zfe-mobilite");

        HarvestRun second = harvest();

        assertThat(second.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(second.itemsRemoved()).isEqualTo(1);
        assertThat(store.findItem(key("process/zfe-mobilite"))).isEmpty();
        assertThat(store.countLiveItemsBySource()).containsEntry(SOURCE_ID, (long) servedCount());
    }

    @Test
    void badRecordIsReportedAndNothingIsRemoved() {
        harvest();
        platform.remove(SOURCE_ID, "process/zfe-mobilite");
        platform.corrupt(SOURCE_ID, "process/tarification-eau");

        HarvestRun second = harvest();

        assertThat(second.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(second.itemsRemoved()).isZero();
        assertThat(second.error()).contains("1 record(s) rejected");
        assertThat(second.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.type()).isEqualTo("bad-record");
            assertThat(issue.recordRef()).endsWith("process/tarification-eau");
            assertThat(issue.message()).contains("urn:parvis:corrupted");
            assertThat(issue.url()).doesNotContain("?");
        });
        assertThat(store.findItem(key("process/zfe-mobilite"))).isPresent();
        assertThat(store.findItem(key("process/tarification-eau"))).isPresent();
        assertThat(store.listIssues(SOURCE_ID, 10))
                .extracting(SourceIssue::type)
                .contains("bad-record");
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void faultOnTheFirstPageFailsTheRunAndDeletesNothing(Fault fault) {
        harvest();
        platform.remove(SOURCE_ID, "process/zfe-mobilite");
        platform.failPage(SOURCE_ID, 1, fault);

        HarvestRun second = harvest();

        assertThat(second.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(second.error())
                .startsWith("page 1 (" + source.baseUrl() + "/parvis-export/v1/items)");
        assertThat(second.itemsNew()
                        + second.itemsChanged()
                        + second.itemsUnchanged()
                        + second.itemsRemoved())
                .isZero();
        assertThat(second.issues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.type()).isIn("http-status", "bad-page"));
        assertThat(store.findItem(key("process/zfe-mobilite"))).isPresent();
        assertThat(store.findLastRun(SOURCE_ID)).contains(second);
        assertThat(store.findLastSuccessfulRun(SOURCE_ID).orElseThrow().outcome())
                .isEqualTo(Outcome.SUCCESS);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void faultOnALaterPageKeepsWhatWasReadAndDeletesNothing(Fault fault) {
        harvest();
        platform.remove(SOURCE_ID, "process/zfe-mobilite");
        platform.failPage(SOURCE_ID, 2, fault);

        HarvestRun second = harvest();

        assertThat(second.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(second.itemsUnchanged()).isEqualTo(FakePlatform.PAGE_SIZE);
        assertThat(second.itemsRemoved()).isZero();
        assertThat(second.error()).startsWith("page 2 (");
        assertThat(store.findItem(key("process/zfe-mobilite"))).isPresent();
    }

    @Test
    void unreachablePlatformFailsTheRun() {
        platform.close();

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.requests()).isEqualTo(ATTEMPTS);
        assertThat(run.error()).endsWith("): ConnectException");
        assertThat(run.issues()).extracting(SourceIssue::type).containsExactly("http-error");
    }

    @Test
    void pageLargerThanTheCapFailsTheRun() {
        HarvestRun run = harvester(HTTP.withMaxResponseBytes(1_000)).harvest(source);

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.error()).contains("larger than the cap of 1000 bytes");
    }

    @Test
    void listenerIsToldAfterEveryBatchAndRemoval() {
        harvest();
        int served = servedCount();
        platform.remove(SOURCE_ID, "process/zfe-mobilite");
        batchSizes.clear();

        harvest();

        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 10));
        // Every listed item passes through one batch, and the removal is announced too.
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(served);
    }

    @Test
    void requestsIdentifyParvisAndRunsAreCounted() {
        harvest();

        assertThat(platform.listRequests())
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.userAgent())
                        .isEqualTo("Parvis/0.0-test (+https://parvis.example/harvester)"));
        assertThat(meters.counter("parvis.harvest.runs", "source", SOURCE_ID, "outcome", "success")
                        .count())
                .isEqualTo(1.0);
    }
}
