package org.parvis.source.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parvis.demo.FakeOpenDataExport;
import org.parvis.demo.UpstreamFault;
import org.parvis.model.Author;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.FollowUp;
import org.parvis.model.GeoPoint;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Licence;
import org.parvis.model.Lineage;
import org.parvis.model.LineageRelation;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Money;
import org.parvis.model.Organiser;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
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
import java.math.BigDecimal;
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

/** Harvests the fake open-data export over loopback HTTP with the real connector and store. */
class DecidimOpenDataConnectorTest {

    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String SOURCE_ID = "rennes-opendata";
    private static final String SITE = "https://" + FakeOpenDataExport.PUBLIC_HOST;
    private static final String BUDGET = SITE + "/processes/budget-participatif-2026";
    private static final String PROPOSALS = BUDGET + "/f/41/proposals/";
    private static final String PROPOSALS_FILE =
            FakeOpenDataExport.PUBLIC_HOST + "-open-data-proposals.csv";
    /** 20 rows in the fixtures: 3 processes, 1 assembly, 6 proposals, 3 meetings, 1 debate… */
    private static final int FIXTURE_ITEMS = 3 + 1 + 6 + 3 + 1 + 2 + 4;

    /** A short request timeout, so that the timeout fault is quick; a small size cap. */
    private static final HttpFetcher.Settings HTTP = new HttpFetcher.Settings(
            Duration.ofSeconds(2), Duration.ofSeconds(1), 1024 * 1024, "Parvis-test/0.0");

    @TempDir
    Path dataDir;

    private FakeOpenDataExport export;
    private Store store;
    private SourceConfig source;

    @BeforeEach
    void start() throws IOException {
        export = FakeOpenDataExport.start(NOW);
        export.setHugeBodyBytes(2 * 1024 * 1024);
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));
        source = export.sourceConfig(SOURCE_ID);
    }

    @AfterEach
    void stop() {
        export.close();
        store.close();
    }

    private HarvestRun harvest() {
        return harvest(source);
    }

    private HarvestRun harvest(SourceConfig config) {
        return new Harvester(
                        store,
                        Connectors.of(new DecidimOpenDataConnector()),
                        new HttpFetcher(HTTP),
                        Clock.systemUTC(),
                        HarvestListener.NONE,
                        new SimpleMeterRegistry())
                .harvest(config);
    }

    private Item item(String nativeId) {
        return store.findItem(new SourceKey(SOURCE_ID, nativeId))
                .orElseThrow(() -> new AssertionError("no live item " + nativeId));
    }

    private Process process(String nativeId) {
        return (Process) item(nativeId);
    }

    private Contribution contribution(String nativeId) {
        return (Contribution) item(nativeId);
    }

    private static Instant paris(int days, int hour, int minute) {
        return TODAY.plusDays(days)
                .atTime(LocalTime.of(hour, minute))
                .atZone(PARIS)
                .toInstant();
    }

    private long liveItems() {
        return store.countLiveItemsBySource().getOrDefault(SOURCE_ID, 0L);
    }

    @Test
    void firstHarvestReadsEveryEntityOfTheExportInOneRequest() {
        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues()).isEmpty();
        assertThat(run.itemsNew()).isEqualTo(FIXTURE_ITEMS);
        assertThat(run.requests()).isEqualTo(1);
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
        assertThat(export.listRequests())
                .singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/open-data/download"));
    }

    @Test
    void aProcessKeepsItsPublicUrlDatesTypeOrganisersLabelsAndLanguages() {
        harvest();

        Process budget = process("ParticipatoryProcess/12");
        assertThat(budget.id()).isEqualTo(URI.create(BUDGET));
        assertThat(budget.idBuilt()).isFalse();
        assertThat(budget.reference()).isEqualTo("RNS-PART-2026-01-12");
        assertThat(budget.processType()).isEqualTo(ProcessType.PARTICIPATORY_BUDGET);
        assertThat(budget.sourceType()).isEqualTo("Budget participatif");
        assertThat(budget.title().texts())
                .containsEntry("fr", "Budget participatif 2026 : vos projets pour Rennes")
                .containsEntry("en", "2026 participatory budget: your projects for Rennes");
        assertThat(budget.summary().texts().get("fr")).startsWith("<p>Proposez et votez");
        assertThat(budget.description().texts().get("fr")).contains("<strong>proposer</strong>");
        // The end date is the last day one can take part: the window ends the next midnight.
        assertThat(budget.startAt()).isEqualTo(paris(-20, 0, 0));
        assertThat(budget.endAt()).isEqualTo(paris(41, 0, 0));
        assertThat(budget.statusAt(NOW)).isEqualTo(ProcessStatus.OPEN);
        assertThat(budget.publishedAt()).isEqualTo(paris(-25, 9, 0));
        assertThat(budget.organisers())
                .extracting(Organiser::name)
                .containsExactly(
                        "Ville de Rennes", "Ville de Rennes — Direction de la participation");
        assertThat(budget.audience()).isEqualTo("Toute personne habitant Rennes, dès 12 ans");
        assertThat(budget.territoryLabels()).containsExactly("Rennes", "Centre");
        assertThat(budget.territories()).isNotEmpty();
        assertThat(budget.counts().followers()).isEqualTo(842L);
        assertThat(budget.languages()).containsExactlyInAnyOrder("fr", "en");
        assertThat(budget.participateUrl()).isEqualTo(URI.create(BUDGET));
        assertThat(budget.provenance().method()).isEqualTo(HarvestMethod.OPEN_DATA_CSV);
        assertThat(budget.provenance().retrievedFrom()).isEqualTo(export.downloadUrl());
        assertThat(budget.provenance().sourceUpdatedAt()).isEqualTo(paris(-1, 16, 42));
        assertThat(budget.provenance().licence()).isEqualTo(source.licence());
    }

    @Test
    void processTypesAndStatusesFollowTheExport() {
        harvest();

        Process plui = process("ParticipatoryProcess/15");
        assertThat(plui.processType()).isEqualTo(ProcessType.PRIOR_CONCERTATION);
        assertThat(plui.statusAt(NOW)).isEqualTo(ProcessStatus.UPCOMING);
        assertThat(plui.organisers())
                .extracting(Organiser::name)
                .containsExactly(
                        "Ville de Rennes", "Rennes Métropole — Service planification urbaine");

        Process calmer = process("ParticipatoryProcess/9");
        assertThat(calmer.processType()).isEqualTo(ProcessType.CONSULTATION);
        assertThat(calmer.statusAt(NOW)).isEqualTo(ProcessStatus.CLOSED);
        assertThat(calmer.territoryLabels()).containsExactly("Maurepas - Patton");

        Process council = process("Assembly/3");
        assertThat(council.processType()).isEqualTo(ProcessType.ASSEMBLY);
        assertThat(council.id()).isEqualTo(URI.create(SITE + "/assemblies/conseil-citoyen-climat"));
        assertThat(council.statusAt(NOW)).isEqualTo(ProcessStatus.OPEN);
        assertThat(council.summary().texts().get("fr"))
                .isEqualTo("Un conseil tiré au sort qui suit le plan climat de la ville.");
    }

    @Test
    void proposalsKeepUrlStateCoordinatesCountsAuthorsAndLocales() {
        harvest();

        Contribution yard = contribution("Proposal/101");
        assertThat(yard.id()).isEqualTo(URI.create(PROPOSALS + "101"));
        assertThat(yard.kind()).isEqualTo(ContributionKind.PROPOSAL);
        assertThat(yard.process()).isEqualTo(URI.create(BUDGET));
        assertThat(yard.reference()).isEqualTo("RNS-PROP-2026-02-101");
        assertThat(yard.status()).isEqualTo("accepted");
        assertThat(yard.title().texts())
                .containsOnlyKeys("fr", "en")
                .containsEntry("fr", "Végétaliser la cour de l'école Jean-Zay");
        assertThat(yard.address()).isEqualTo("12 rue Jean-Zay, 35000 Rennes");
        assertThat(yard.point()).isEqualTo(new GeoPoint(48.1218, -1.6876));
        assertThat(yard.counts().votes()).isEqualTo(58L);
        assertThat(yard.counts().comments()).isEqualTo(3L);
        assertThat(yard.counts().followers()).isEqualTo(21L);
        assertThat(yard.createdAt()).isEqualTo(paris(-18, 20, 14));
        assertThat(yard.authors())
                .containsExactly(new Author(
                        "Association des parents d'élèves Jean-Zay",
                        Author.Kind.PERSON,
                        URI.create(SITE + "/profiles/ape-jeanzay"),
                        "881"));

        assertThat(contribution("Proposal/102").status()).isEqualTo("evaluating");
        Contribution benches = contribution("Proposal/103");
        assertThat(benches.status()).isEqualTo("published");
        assertThat(benches.counts().votes())
                .as("hidden votes are unknown, not zero")
                .isNull();
        assertThat(benches.point()).isNull();
        assertThat(contribution("Proposal/104").kind()).isEqualTo(ContributionKind.AMENDMENT);
        assertThat(contribution("Proposal/105").status()).isEqualTo("withdrawn");
        assertThat(contribution("Proposal/90").status()).isEqualTo("rejected");
        assertThat(contribution("Proposal/90").process())
                .isEqualTo(URI.create(SITE + "/processes/quartiers-apaises-maurepas"));
    }

    @Test
    void meetingsDebatesAndProjectsKeepTheirKindTimesAndStatus() {
        harvest();

        Contribution workshop = contribution("Meeting/201");
        assertThat(workshop.kind()).isEqualTo(ContributionKind.MEETING);
        assertThat(workshop.meeting().startAt()).isEqualTo(paris(5, 18, 30));
        assertThat(workshop.meeting().endAt()).isEqualTo(paris(5, 20, 30));
        assertThat(workshop.meeting().mode()).isEqualTo(MeetingDetails.Mode.IN_PERSON);
        assertThat(workshop.meeting().address()).isEqualTo("2 rue de Bourgogne, 35000 Rennes");
        assertThat(workshop.counts().followers()).isEqualTo(14L);
        assertThat(contribution("Meeting/202").meeting().mode())
                .isEqualTo(MeetingDetails.Mode.ONLINE);
        assertThat(contribution("Meeting/203").process())
                .isEqualTo(URI.create(SITE + "/assemblies/conseil-citoyen-climat"));
        assertThat(contribution("Meeting/203").counts().participants()).isEqualTo(58L);

        Contribution debate = contribution("Debate/301");
        assertThat(debate.kind()).isEqualTo(ContributionKind.DEBATE);
        assertThat(debate.status()).isEqualTo("closed");

        Contribution gardens = contribution("Project/401");
        assertThat(gardens.kind()).isEqualTo(ContributionKind.BUDGET_PROJECT);
        assertThat(gardens.status()).isEqualTo("published");
        assertThat(gardens.point()).isEqualTo(new GeoPoint(48.0876, -1.6621));
        assertThat(contribution("Project/402").status()).isEqualTo("selected");
        assertThat(contribution("Project/402").counts().votes()).isEqualTo(1204L);
    }

    @Test
    void commentsAreThreadedUnderTheirParentWithTheirStance() {
        harvest();

        URI yard = URI.create(PROPOSALS + "101");
        Contribution first = contribution("Comment/501");
        assertThat(first.id()).isEqualTo(URI.create(yard + "?commentId=501#comment_501"));
        assertThat(first.idBuilt()).isTrue();
        assertThat(first.kind()).isEqualTo(ContributionKind.COMMENT);
        assertThat(first.parent()).isEqualTo(yard);
        assertThat(first.process()).isEqualTo(URI.create(BUDGET));
        assertThat(first.stance()).isEqualTo(1);
        assertThat(first.body().original()).isEqualTo("fr");

        Contribution reply = contribution("Comment/502");
        assertThat(reply.parent()).isEqualTo(first.id());
        assertThat(reply.stance()).isZero();
        assertThat(reply.authors()).extracting(Author::displayName).containsExactly("Marc Guillou");

        // Decidim writes -1 as '-1 (its guard against formulas in spreadsheets).
        assertThat(contribution("Comment/503").stance()).isEqualTo(-1);
        assertThat(contribution("Comment/504").authors())
                .containsExactly(
                        new Author("Vélo Rennes Métropole", Author.Kind.GROUP, null, "77"));
        assertThat(store.listContributions(yard)).isEmpty();
        assertThat(store.listContributions(URI.create(BUDGET)))
                .extracting(c -> c.sourceKey().nativeId())
                .contains("Proposal/101", "Comment/501", "Comment/502", "Meeting/201");
    }

    @Test
    void anUnknownLicenceIsTakenFromTheExportsLicenceFile() {
        SourceConfig unlicensed = new SourceConfig(
                SOURCE_ID,
                DecidimOpenDataConnector.KIND,
                export.baseUrl(),
                "Fabrique citoyenne",
                "Ville de Rennes",
                null,
                List.of("fr"),
                Duration.ofHours(1),
                Licence.UNKNOWN,
                true);

        harvest(unlicensed);

        assertThat(item("Proposal/101").provenance().licence().id()).isEqualTo("ODbL-1.0");
        assertThat(process("ParticipatoryProcess/12").title().texts()).containsOnlyKeys("fr", "en");
    }

    @Test
    void anExportWithoutSpaceUrlsGetsUrlsBuiltFromSlugs() {
        export.dropColumn("participatory_processes", "url");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        Process budget = process("ParticipatoryProcess/12");
        assertThat(budget.id())
                .isEqualTo(URI.create(export.baseUrl() + "/processes/budget-participatif-2026"));
        assertThat(budget.idBuilt()).isTrue();
    }

    @Test
    void aBadOptionalValueIsReportedAndTheRecordKeptWithoutIt() {
        export.setCell("proposals", "102", "latitude", "quarante-huit");
        export.setCell("proposals", "102", "votes", "beaucoup");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.issues())
                .extracting(SourceIssue::type)
                .containsExactlyInAnyOrder("bad-value", "bad-value");
        assertThat(run.issues())
                .extracting(SourceIssue::message)
                .anySatisfy(
                        m -> assertThat(m).contains(PROPOSALS_FILE + " row 2, columns latitude"))
                .anySatisfy(m -> assertThat(m).contains("column votes: 'beaucoup'"));
        assertThat(contribution("Proposal/102").point()).isNull();
        assertThat(contribution("Proposal/102").counts().votes()).isNull();
    }

    @Test
    void aFileMissingARequiredColumnIsSkippedWithAnIssueAndNothingIsRemoved() {
        harvest();
        export.dropColumn("proposals", "url");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.itemsRemoved()).isZero();
        assertThat(run.error()).contains(PROPOSALS_FILE).contains("url");
        assertThat(run.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.type()).isEqualTo("missing-column");
            assertThat(issue.message()).contains(PROPOSALS_FILE).contains("'url'");
        });
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
        assertThat(contribution("Proposal/101").status()).isEqualTo("accepted");
        assertThat(store.findLastRun(SOURCE_ID)).contains(run);
    }

    @Test
    void aBadRecordIsReportedWithItsRowAndTheOthersAreRead() {
        harvest();
        export.setCell("proposals", "102", "url", "pas-une-url");
        export.removeRow("proposals", "105");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.type()).isEqualTo("bad-record");
            assertThat(issue.message())
                    .contains(PROPOSALS_FILE + " row 2")
                    .contains("'pas-une-url'");
        });
        // Neither the unreadable record nor the one no longer listed is removed.
        assertThat(run.itemsRemoved()).isZero();
        assertThat(contribution("Proposal/102").id()).isEqualTo(URI.create(PROPOSALS + "102"));
        assertThat(contribution("Proposal/105").status()).isEqualTo("withdrawn");
    }

    @Test
    void aMalformedCsvFileIsReportedAndTheOtherFilesRead() {
        harvest();
        export.replaceFile("meetings", "id;url;title/fr;start_time\n201;\"https://x;Atelier\n");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.issues()).extracting(SourceIssue::type).containsExactly("bad-file");
        assertThat(run.itemsUnchanged()).isEqualTo(FIXTURE_ITEMS - 3);
        assertThat(contribution("Meeting/201").meeting().mode())
                .isEqualTo(MeetingDetails.Mode.IN_PERSON);
    }

    @Test
    void anExportWithoutItsProcessesFileIsNotTakenAsComplete() {
        harvest();
        export.removeFile("participatory_processes");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.issues()).extracting(SourceIssue::type).containsExactly("missing-file");
        assertThat(run.itemsRemoved()).isZero();
        assertThat(process("ParticipatoryProcess/12").title().texts()).containsKey("fr");
    }

    @Test
    void aCompleteListingRemovesWhatTheExportNoLongerHas() {
        harvest();
        export.removeRow("proposals", "105");
        export.setCell("proposals", "103", "title/fr", "Des bancs et des tables le long du canal");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.itemsRemoved()).isEqualTo(1);
        assertThat(run.itemsChanged()).isEqualTo(1);
        assertThat(store.findItem(new SourceKey(SOURCE_ID, "Proposal/105"))).isEmpty();
        assertThat(contribution("Proposal/103").title().texts().get("fr"))
                .isEqualTo("Des bancs et des tables le long du canal");
    }

    @ParameterizedTest
    @EnumSource(UpstreamFault.class)
    void aFailingDownloadIsRecordedWithItsReasonAndLosesNothing(UpstreamFault fault) {
        HarvestRun first = harvest();
        assertThat(first.outcome()).isEqualTo(Outcome.SUCCESS);
        export.failWith(fault);

        HarvestRun failed = harvest();

        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.itemsRemoved()).isZero();
        assertThat(failed.error()).isNotBlank();
        Map<UpstreamFault, String> expected = Map.of(
                UpstreamFault.TIMEOUT, "http-error",
                UpstreamFault.TOO_MANY_REQUESTS, "http-status",
                UpstreamFault.SERVER_ERROR, "http-status",
                UpstreamFault.HTML_ERROR_PAGE, "bad-export",
                UpstreamFault.TRUNCATED_BODY, "bad-export",
                UpstreamFault.HUGE_BODY, "http-error");
        assertThat(failed.issues()).extracting(SourceIssue::type).contains(expected.get(fault));
        if (fault == UpstreamFault.TOO_MANY_REQUESTS) {
            assertThat(failed.error()).contains("429");
        }
        assertThat(store.findLastRun(SOURCE_ID)).contains(failed);
        assertThat(store.listIssues(SOURCE_ID, 10)).isNotEmpty();
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
        assertThat(contribution("Proposal/101").status()).isEqualTo("accepted");

        export.clearFault();
        assertThat(harvest().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void proposalsKeepTheirPublishedAnswerAndWhatTheyAmend() {
        harvest();

        Contribution answered = contribution("Proposal/101");
        Contribution amendment = contribution("Proposal/104");

        assertThat(answered.followUp().answer().text().texts().get("fr"))
                .contains("Projet recevable : il sera soumis au vote.");
        assertThat(answered.followUp().answer().at()).isEqualTo(paris(-5, 10, 0));
        assertThat(amendment.followUp().lineage())
                .containsExactly(
                        new Lineage(LineageRelation.AMENDS, URI.create(PROPOSALS + "103")));
        assertThat(contribution("Proposal/102").followUp()).isNull();
    }

    @Test
    void anAnswerNotYetPublishedStaysPrivate() {
        export.setCell("proposals", "101", "state_published_at", "");

        harvest();

        assertThat(contribution("Proposal/101").followUp()).isNull();
    }

    @Test
    void budgetProjectsKeepTheirCostAndRelatedProposals() {
        harvest();

        FollowUp garden = contribution("Project/401").followUp();

        assertThat(garden.cost()).isEqualTo(Money.euros(new BigDecimal("45000")));
        assertThat(garden.lineage())
                .containsExactly(
                        new Lineage(LineageRelation.RELATED_TO, URI.create(PROPOSALS + "101")));
        assertThat(contribution("Project/402").followUp().cost())
                .isEqualTo(Money.euros(new BigDecimal("120000")));
    }

    @Test
    void accountabilityResultsBecomeOutcomesOfTheirSpaceImplementingProposals() {
        harvest();

        List<org.parvis.model.Outcome> outcomes =
                process("ParticipatoryProcess/12").followUp().outcomes();

        assertThat(outcomes).hasSize(2);
        org.parvis.model.Outcome works = outcomes.get(0);
        assertThat(works.id()).isEqualTo(URI.create(BUDGET + "/f/43/results/501"));
        assertThat(works.statusKey()).isEqualTo("in_progress");
        assertThat(works.statusLabel().texts().get("fr")).isEqualTo("En cours");
        assertThat(works.progress()).isEqualTo(45);
        assertThat(works.startDate()).isEqualTo(TODAY.minusDays(20));
        assertThat(works.endDate()).isEqualTo(TODAY.plusDays(40));
        assertThat(works.implementsIds()).containsExactly(URI.create(PROPOSALS + "101"));
        assertThat(outcomes.get(1).implementsIds())
                .containsExactly(URI.create(PROPOSALS + "103"), URI.create(PROPOSALS + "104"));
        // Results are not items of their own.
        assertThat(liveItems()).isEqualTo(FIXTURE_ITEMS);
    }

    @Test
    void aBadResultIsReportedLikeAnyBadRowAndTheOtherResultsKept() {
        export.setCell("results", "502", "url", "pas-une-url");
        export.setCell("results", "501", "progress", "presque fini");

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.itemsRemoved()).isZero();
        assertThat(run.issues())
                .extracting(SourceIssue::type)
                .containsExactlyInAnyOrder("bad-record", "bad-value");
        assertThat(run.issues())
                .extracting(SourceIssue::message)
                .anySatisfy(m -> assertThat(m).contains("results.csv row 2", "'pas-une-url'"))
                .anySatisfy(m -> assertThat(m).contains("column progress", "'presque fini'"));
        assertThat(process("ParticipatoryProcess/12").followUp().outcomes())
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.progress()).isNull());
    }
}
