package org.parvis.source.dataspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parvis.demo.FakeDataspace;
import org.parvis.demo.LoopbackServer.RecordedRequest;
import org.parvis.demo.UpstreamFault;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.ProcessType;
import org.parvis.model.SourceKey;
import org.parvis.source.Connectors;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.HttpFetcher;
import org.parvis.source.SourceConfig;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Harvests the fake data space endpoint over loopback HTTP with the real connector and store. */
class DataspaceConnectorTest {

    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final String SOURCE_ID = "nantes-dataspace";
    private static final String SITE = "https://dialogue-citoyen.nantes-metropole.example";
    private static final String LOIRE = SITE + "/processes/la-loire-et-nous";
    private static final String YOUTH = SITE + "/assemblies/conseil-nantais-jeunesse";
    private static final String FERRY = LOIRE + "/f/22/proposals/31";
    private static final String SWIMMING = LOIRE + "/f/22/proposals/32";
    /** 2 containers, 6 proposals, 4 comments. */
    private static final int FIXTURE_ITEMS = 2 + 6 + 4;

    private static final HttpFetcher.Settings HTTP = new HttpFetcher.Settings(
            Duration.ofSeconds(2), Duration.ofSeconds(1), 1024 * 1024, "Parvis-test/0.0");

    @TempDir
    Path dataDir;

    private FakeDataspace dataspace;
    private Store store;
    private SourceConfig source;

    @BeforeEach
    void start() throws IOException {
        dataspace = FakeDataspace.start(NOW);
        dataspace.setHugeBodyBytes(2 * 1024 * 1024);
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));
        source = dataspace.sourceConfig(SOURCE_ID);
    }

    @AfterEach
    void stop() {
        dataspace.close();
        store.close();
    }

    private HarvestRun harvest() {
        return harvest(source);
    }

    private HarvestRun harvest(SourceConfig config) {
        return new Harvester(
                        store,
                        Connectors.of(new DataspaceConnector()),
                        new HttpFetcher(HTTP),
                        Clock.systemUTC(),
                        HarvestListener.NONE,
                        new SimpleMeterRegistry())
                .harvest(config);
    }

    private Item item(String reference) {
        return store.findItem(new SourceKey(SOURCE_ID, reference))
                .orElseThrow(() -> new AssertionError("no live item " + reference));
    }

    private Contribution contribution(String reference) {
        return (Contribution) item(reference);
    }

    private long liveItems() {
        return store.countLiveItemsBySource().getOrDefault(SOURCE_ID, 0L);
    }

    private static Instant utcOfParis(int days, int hour, int minute) {
        return LocalDate.of(2026, 3, 10)
                .plusDays(days)
                .atTime(LocalTime.of(hour, minute))
                .atZone(ZoneId.of("Europe/Paris"))
                .toInstant();
    }

    @Test
    void firstHarvestReadsContainersProposalsAndCommentsInEveryConfiguredLocale() {
        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues()).isEmpty();
        assertThat(run.itemsNew()).isEqualTo(FIXTURE_ITEMS);
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
        assertThat(run.requests()).isEqualTo(4);
        assertThat(dataspace.listRequests())
                .extracting(RecordedRequest::path, RecordedRequest::query)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/api/v1/data", "preferred_locale=fr"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/api/v1/data/contributions",
                                "preferred_locale=fr&with_comments=true"),
                        org.assertj.core.groups.Tuple.tuple("/api/v1/data", "preferred_locale=en"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/api/v1/data/contributions",
                                "preferred_locale=en&with_comments=true"));
    }

    @Test
    void containersBecomeProcessesWithTheirOriginUrlAndMergedLocales() {
        harvest();

        Process loire = (Process) item("NM-PART-2026-01-4");
        assertThat(loire.id()).isEqualTo(URI.create(LOIRE));
        assertThat(loire.reference()).isEqualTo("NM-PART-2026-01-4");
        assertThat(loire.processType()).isEqualTo(ProcessType.CONSULTATION);
        assertThat(loire.title().texts())
                .containsEntry("fr", "La Loire et nous : quels usages du fleuve demain ?")
                .containsEntry("en", "The Loire and us: how should we use the river tomorrow?");
        assertThat(loire.description().texts().get("fr")).startsWith("<p>Nantes Métropole invite");
        assertThat(loire.publishedAt()).isEqualTo(utcOfParis(-45, 9, 0));
        assertThat(loire.updatedAt()).isEqualTo(utcOfParis(-2, 16, 20));
        assertThat(loire.organisers())
                .extracting(o -> o.name())
                .containsExactly("Nantes Métropole");

        Process youth = (Process) item("NM-ASSE-2024-09-2");
        assertThat(youth.id()).isEqualTo(URI.create(YOUTH));
        assertThat(youth.processType()).isEqualTo(ProcessType.ASSEMBLY);
        assertThat(youth.title().texts()).containsOnlyKeys("fr");
    }

    @Test
    void proposalsKeepTheirOriginUrlStateKindAuthorsAndProvenance() {
        harvest();

        Contribution ferry = contribution("NM-PROP-2026-02-31");
        assertThat(ferry.id()).isEqualTo(URI.create(FERRY));
        assertThat(ferry.idBuilt()).isFalse();
        assertThat(ferry.kind()).isEqualTo(ContributionKind.PROPOSAL);
        assertThat(ferry.process()).isEqualTo(URI.create(LOIRE));
        assertThat(ferry.parent()).isNull();
        assertThat(ferry.status()).isEqualTo("accepted");
        assertThat(ferry.title().texts()).containsOnlyKeys("fr", "en");
        assertThat(ferry.body().texts().get("fr")).startsWith("<p>Doubler la fréquence");
        assertThat(ferry.counts().comments()).isEqualTo(1L);
        assertThat(ferry.authors())
                .containsExactly(new Author(
                        "Sophie Martin",
                        Author.Kind.PERSON,
                        URI.create(SITE + "/profiles/smartin"),
                        "Sophie Martin"));
        assertThat(ferry.provenance().method()).isEqualTo(HarvestMethod.DATASPACE);
        assertThat(ferry.provenance().retrievedFrom())
                .isEqualTo(URI.create(dataspace.baseUrl() + "/api/v1/data/contributions"));
        // The record's origin is the platform named in its URL; the endpoint is a hop.
        assertThat(ferry.provenance().via()).containsExactly(dataspace.baseUrl() + "/api/v1/data");

        Contribution swimming = contribution("NM-PROP-2026-02-32");
        assertThat(swimming.status()).isEqualTo("evaluating");
        assertThat(swimming.title().texts()).containsOnlyKeys("fr");
        assertThat(swimming.authors())
                .extracting(Author::displayName)
                .containsExactly("Karim Benali", "Élodie Guérin");
        assertThat(contribution("NM-PROP-2026-02-33").status()).isEqualTo("withdrawn");
        assertThat(contribution("NM-PROP-2026-02-34").kind()).isEqualTo(ContributionKind.AMENDMENT);
        assertThat(contribution("NM-PROP-2026-02-34").status()).isEqualTo("published");
        assertThat(contribution("NM-PROP-2026-02-36").authors())
                .extracting(Author::kind, Author::displayName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Author.Kind.MEETING, "Atelier des berges — île de Nantes"));

        Contribution library = contribution("NM-PROP-2025-11-12");
        assertThat(library.process()).isEqualTo(URI.create(YOUTH));
        assertThat(library.status()).isEqualTo("rejected");
        assertThat(library.authors())
                .containsExactly(new Author(
                        "Nantes Métropole",
                        Author.Kind.ORGANISATION,
                        URI.create("https://www.nantesmetropole.example"),
                        "NM"));
    }

    @Test
    void commentsAreLinkedToTheirParentsWithAlignmentAndDeletion() {
        harvest();

        Contribution support = contribution("NM-COMM-2026-02-77");
        assertThat(support.kind()).isEqualTo(ContributionKind.COMMENT);
        assertThat(support.id()).isEqualTo(URI.create(FERRY + "?commentId=77#comment_77"));
        assertThat(support.idBuilt()).isTrue();
        assertThat(support.parent()).isEqualTo(URI.create(FERRY));
        assertThat(support.process()).isEqualTo(URI.create(LOIRE));
        assertThat(support.stance()).isEqualTo(1);
        assertThat(support.authors())
                .extracting(Author::displayName)
                .containsExactly("Karim Benali");

        Contribution reply = contribution("NM-COMM-2026-02-78");
        assertThat(reply.parent()).isEqualTo(support.id());
        assertThat(reply.stance()).isZero();
        assertThat(reply.authors()).extracting(Author::profileUrl).containsOnlyNulls();

        Contribution against = contribution("NM-COMM-2026-02-79");
        assertThat(against.parent()).isEqualTo(URI.create(SWIMMING));
        assertThat(against.stance()).isEqualTo(-1);
        assertThat(against.body().texts()).containsOnlyKeys("fr", "en");
        assertThat(contribution("NM-COMM-2026-02-80").status()).isEqualTo("deleted");

        assertThat(store.listContributions(URI.create(LOIRE)))
                .extracting(c -> c.sourceKey().nativeId())
                .contains("NM-PROP-2026-02-31", "NM-COMM-2026-02-77", "NM-COMM-2026-02-78");
    }

    @Test
    void unknownFieldsAreIgnored() {
        dataspace.setField("NM-PROP-2026-02-31", "likes_count", IntNode.valueOf(12));
        dataspace.setField("NM-PROP-2026-02-31", "x_parvis_future", TextNode.valueOf("?"));

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues()).isEmpty();
        assertThat(contribution("NM-PROP-2026-02-31").status()).isEqualTo("accepted");
    }

    @Test
    void aRecordMissingARequiredFieldIsReportedAndNothingIsRemoved() {
        harvest();
        dataspace.removeField("NM-PROP-2026-02-32", "source");
        dataspace.removeContribution("NM-PROP-2026-02-33");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.itemsRemoved()).isZero();
        assertThat(run.issues())
                .extracting(SourceIssue::type, SourceIssue::recordRef)
                .contains(org.assertj.core.groups.Tuple.tuple("bad-record", "NM-PROP-2026-02-32"));
        assertThat(contribution("NM-PROP-2026-02-32").id()).isEqualTo(URI.create(SWIMMING));
        assertThat(contribution("NM-PROP-2026-02-33").status()).isEqualTo("withdrawn");
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
    }

    @Test
    void aBadOptionalValueIsReportedAndTheRecordKept() {
        dataspace.setField(
                "NM-COMM-2026-02-79",
                "metadata",
                org.parvis.model.Json.mapper().createObjectNode().put("alignment", "contre"));
        dataspace.setField("NM-PROP-2026-02-31", "created_at", TextNode.valueOf("hier"));

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues()).extracting(SourceIssue::type).containsOnly("bad-value");
        assertThat(contribution("NM-COMM-2026-02-79").stance()).isNull();
        assertThat(contribution("NM-PROP-2026-02-31").createdAt()).isNull();
    }

    @Test
    void aCompleteListingRemovesWhatTheEndpointNoLongerLists() {
        harvest();
        dataspace.removeContribution("NM-COMM-2026-02-80");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.itemsRemoved()).isEqualTo(1);
        assertThat(store.findItem(new SourceKey(SOURCE_ID, "NM-COMM-2026-02-80")))
                .isEmpty();
    }

    @Test
    void thePilotsNotFoundForAnEmptyListReadsAsNoContributions() {
        harvest();
        dataspace.listContributionReferences().forEach(dataspace::removeContribution);

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues()).isEmpty();
        assertThat(run.itemsRemoved()).isEqualTo(10);
        assertThat(liveItems()).isEqualTo(2);
    }

    @Test
    void aSingleLocaleSourceSendsOnlyThatLocale() {
        SourceConfig french = new SourceConfig(
                SOURCE_ID,
                DataspaceConnector.KIND,
                dataspace.baseUrl(),
                "Dialogue citoyen",
                "Nantes Métropole",
                null,
                List.of("fr"),
                Duration.ofHours(1),
                source.licence(),
                true);

        harvest(french);

        assertThat(dataspace.listRequests())
                .extracting(RecordedRequest::query)
                .allSatisfy(q -> assertThat(q).contains("preferred_locale=fr"));
        assertThat(((Process) item("NM-PART-2026-01-4")).title().texts()).containsOnlyKeys("fr");
    }

    @ParameterizedTest
    @EnumSource(UpstreamFault.class)
    void aFailingEndpointIsRecordedWithItsReasonAndLosesNothing(UpstreamFault fault) {
        assertThat(harvest().outcome()).isEqualTo(Outcome.SUCCESS);
        dataspace.failWith(fault);

        HarvestRun failed = harvest();

        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.itemsRemoved()).isZero();
        assertThat(failed.error()).isNotBlank();
        Map<UpstreamFault, String> expected = Map.of(
                UpstreamFault.TIMEOUT, "http-error",
                UpstreamFault.TOO_MANY_REQUESTS, "http-status",
                UpstreamFault.SERVER_ERROR, "http-status",
                UpstreamFault.HTML_ERROR_PAGE, "bad-page",
                UpstreamFault.TRUNCATED_BODY, "bad-page",
                UpstreamFault.HUGE_BODY, "http-error");
        assertThat(failed.issues()).extracting(SourceIssue::type).contains(expected.get(fault));
        assertThat(store.findLastRun(SOURCE_ID)).contains(failed);
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
        assertThat(contribution("NM-COMM-2026-02-77").stance()).isEqualTo(1);

        dataspace.clearFault();
        assertThat(harvest().outcome()).isEqualTo(Outcome.SUCCESS);
    }
}
