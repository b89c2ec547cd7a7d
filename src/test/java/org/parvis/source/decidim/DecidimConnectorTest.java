package org.parvis.source.decidim;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parvis.demo.FakeDecidim;
import org.parvis.demo.FakeDecidim.Fault;
import org.parvis.model.AreaId;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Derivation;
import org.parvis.model.FollowUp;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Money;
import org.parvis.model.Process;
import org.parvis.model.ProcessType;
import org.parvis.model.Step;
import org.parvis.model.TerritoryRef;
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
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.PlaceSearch;
import org.parvis.territory.ScopeResolver;
import org.parvis.territory.UnresolvedScopes;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Harvests the loopback Decidim of each generation over HTTP with the real connector, harvester,
 * scope resolver and SQLite store; then the same under every fault the loopback Decidim can play,
 * checking that nothing already harvested is lost and that the run says why.
 */
class DecidimConnectorTest {

    private static final String SOURCE = "bordeaux-decidim";
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final AreaId METROPOLE = AreaId.parse("fr:epci:243300316");
    private static final AreaId MERIGNAC = AreaId.parse("fr:commune:33281");
    private static final int ATTEMPTS = 2;

    private static PlaceSearch places;

    private FakeDecidim decidim;
    private Store store;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void loadGazetteer() {
        places = PlaceSearch.of(FrenchGazetteer.loadDefault());
    }

    @AfterEach
    void stop() {
        if (decidim != null) {
            decidim.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void start(String generation, String version) throws IOException {
        decidim = FakeDecidim.start(generation, version, NOW);
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));
    }

    private HarvestRun harvest() {
        return harvest(HttpFetcher.Settings.defaults(
                        "0.0-test", URI.create("https://parvis.example/about"))
                .withRetries(ATTEMPTS, Duration.ofMillis(5), Duration.ofSeconds(2)));
    }

    private HarvestRun harvest(HttpFetcher.Settings settings) {
        Harvester harvester = new Harvester(
                store,
                Connectors.defaults(),
                new HttpFetcher(settings),
                Clock.systemUTC(),
                HarvestListener.NONE,
                new SimpleMeterRegistry(),
                ScopeResolver.create(places, Optional.empty(), new UnresolvedScopes()));
        return harvester.harvest(source());
    }

    private SourceConfig source() {
        return decidim.sourceConfig(SOURCE);
    }

    private URI url(String path) {
        return URI.create(decidim.baseUrl() + path);
    }

    private Process process(String slug) {
        return (Process) store.findItem(url("/processes/" + slug)).orElseThrow();
    }

    private Contribution contribution(String path) {
        return (Contribution) store.findItem(url(path)).orElseThrow();
    }

    private long live() {
        return store.countLiveItemsBySource().getOrDefault(SOURCE, 0L);
    }

    private static List<String> issueTypes(HarvestRun run) {
        return run.issues().stream().map(SourceIssue::type).toList();
    }

    // ---- every generation ----

    @ParameterizedTest
    @CsvSource({"0.27, 0.27.9", "0.28, 0.28.4", "0.30, 0.30.0"})
    void harvestsEverySpaceAndComponentRecord(String generation, String version)
            throws IOException {
        start(generation, version);

        HarvestRun run = harvest();

        assertThat(run.outcome()).as(run.error()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.itemsNew()).isEqualTo(decidim.countRecords()).isEqualTo(79);
        assertThat(issueTypes(run)).containsExactly("unresolved-scope");
        // Version probe, space list, one request per space (5) with the first page of each of its
        // components, and the second page of the 60 proposals.
        assertThat(run.requests()).isEqualTo(8);
        assertThat(decidim.listOperations())
                .startsWith(DecidimQueries.DETECT, DecidimQueries.SPACES)
                .containsOnlyOnce(DecidimQueries.PROPOSALS)
                .doesNotContain(
                        DecidimQueries.MEETINGS, DecidimQueries.DEBATES, DecidimQueries.BUDGETS)
                .filteredOn(DecidimQueries.SPACE::equals)
                .hasSize(5);
    }

    @ParameterizedTest
    @CsvSource({"0.27, 0.27.9", "0.28, 0.28.4", "0.30, 0.30.0"})
    void processLandsWithItsUrlDatesStepsTerritoryAndThemes(String generation, String version)
            throws IOException {
        start(generation, version);

        harvest();

        Process velo = process("plan-velo-2030");
        assertThat(velo.title().texts()).containsEntry("fr", "Plan vélo métropolitain 2026-2030");
        assertThat(velo.title().original()).isEqualTo("fr");
        assertThat(velo.processType()).isEqualTo(ProcessType.CONSULTATION);
        assertThat(velo.sourceType()).isEqualTo("Decidim::ParticipatoryProcess");
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.ofInstant(NOW, paris);
        assertThat(velo.startAt())
                .isEqualTo(today.minusDays(30).atStartOfDay(paris).toInstant());
        assertThat(velo.endAt())
                .isEqualTo(today.plusDays(46).atStartOfDay(paris).toInstant());
        assertThat(velo.steps()).extracting(Step::active).containsExactly(false, true, false);
        assertThat(velo.sourceStatus()).isEqualTo("Dépôt des propositions");
        assertThat(velo.participateUrl())
                .isEqualTo(url("/processes/plan-velo-2030/f/101/proposals"));
        assertThat(velo.idBuilt()).isTrue();
        assertThat(velo.territories())
                .containsExactly(new TerritoryRef(METROPOLE, Derivation.MAPPED, "Métropole"));
        assertThat(velo.sourceThemes()).contains("Mobilités douces", "#PlanVelo");
        assertThat(velo.themes()).extracting(t -> t.theme()).contains("mobilite");
        assertThat(velo.organisers())
                .extracting(o -> o.name())
                .containsExactly("Bordeaux Métropole");

        Process budget = process("budget-participatif-merignac-2026");
        assertThat(budget.processType()).isEqualTo(ProcessType.PARTICIPATORY_BUDGET);
        assertThat(budget.territories())
                .containsExactly(new TerritoryRef(MERIGNAC, Derivation.MAPPED, "Mérignac"));

        // A survey alone makes a survey; accountability results leave the kind as it is.
        assertThat(process("enquete-parcs-jardins").processType()).isEqualTo(ProcessType.SURVEY);

        Process quais = process("quais-bastide");
        assertThat(quais.territories())
                .containsExactly(TerritoryRef.of(METROPOLE, Derivation.ORGANISER));

        Process assembly = (Process)
                store.findItem(url("/assemblies/conseil-developpement-durable")).orElseThrow();
        assertThat(assembly.processType()).isEqualTo(ProcessType.ASSEMBLY);

        // The initiatives module is installed: its initiatives are processes collecting
        // signatures, online and offline.
        Process initiative = (Process) store.findItem(url("/initiatives/i-7")).orElseThrow();
        assertThat(initiative.processType()).isEqualTo(ProcessType.CITIZEN_INITIATIVE);
        assertThat(initiative.sourceType()).isEqualTo("Initiative citoyenne");
        assertThat(initiative.counts().signatures()).isEqualTo(1843L + 212L);
        assertThat(initiative.endAt())
                .isEqualTo(today.plusDays(71).atStartOfDay(paris).toInstant());
        assertThat(initiative.territories())
                .containsExactly(new TerritoryRef(METROPOLE, Derivation.MAPPED, "Métropole"));
        assertThat(initiative.sourceThemes()).contains("#CantinesLocales");
    }

    @ParameterizedTest
    @CsvSource({"0.27, 0.27.9", "0.28, 0.28.4", "0.30, 0.30.0"})
    void contributionsLandWithDecidimUrlsStatesAndPlaces(String generation, String version)
            throws IOException {
        start(generation, version);

        harvest();

        Contribution proposal = contribution("/processes/plan-velo-2030/f/101/proposals/1003");
        assertThat(proposal.kind()).isEqualTo(ContributionKind.PROPOSAL);
        assertThat(proposal.process()).isEqualTo(url("/processes/plan-velo-2030"));
        assertThat(proposal.address()).isEqualTo("avenue de la Marne, 33700 Mérignac");
        assertThat(proposal.point()).isNotNull();
        assertThat(proposal.territories()).extracting(TerritoryRef::area).containsExactly(MERIGNAC);
        assertThat(proposal.authors())
                .singleElement()
                .satisfies(a -> assertThat(a.profileUrl()).isEqualTo(url("/profiles/camille_d")));
        assertThat(contribution("/processes/plan-velo-2030/f/101/proposals/1013")
                        .status())
                .isEqualTo("withdrawn");

        Contribution online = contribution("/processes/plan-velo-2030/f/102/meetings/2002");
        assertThat(online.meeting().mode()).isEqualTo(MeetingDetails.Mode.ONLINE);
        assertThat(online.meeting().onlineUrl())
                .isEqualTo(URI.create("https://visio.example.org/bm-2002"));
        assertThat(contribution("/processes/plan-velo-2030/f/102/meetings/2003")
                        .meeting()
                        .mode())
                .isEqualTo(MeetingDetails.Mode.HYBRID);

        Contribution project = contribution(
                "/processes/budget-participatif-merignac-2026/f/201/budgets/41/projects/4001");
        assertThat(project.kind()).isEqualTo(ContributionKind.BUDGET_PROJECT);
        assertThat(project.status()).isEqualTo("selected");
        assertThat(contribution("/processes/budget-participatif-merignac-2026/f/203/debates/5001")
                        .kind())
                .isEqualTo(ContributionKind.DEBATE);
    }

    @ParameterizedTest
    @CsvSource({"0.27, 0.27.9", "0.28, 0.28.4", "0.30, 0.30.0"})
    void answersCostsAndAccountabilityResultsLetCitizensFollowUp(String generation, String version)
            throws IOException {
        start(generation, version);

        harvest();

        FollowUp accepted =
                contribution("/processes/plan-velo-2030/f/101/proposals/1005").followUp();
        assertThat(accepted.answer().text().texts())
                .containsEntry("fr", "Proposition retenue pour la programmation 2027.");
        assertThat(accepted.answer().at()).isNotNull();
        assertThat(contribution("/processes/plan-velo-2030/f/101/proposals/1006")
                        .followUp())
                .isNull();
        assertThat(contribution("/processes/budget-participatif-merignac-2026/f/201/budgets/41"
                                + "/projects/4001")
                        .followUp()
                        .cost())
                .isEqualTo(Money.euros(new BigDecimal("45000")));

        List<org.parvis.model.Outcome> outcomes =
                process("budget-participatif-merignac-2026").followUp().outcomes();
        assertThat(outcomes)
                .extracting(org.parvis.model.Outcome::id)
                .containsExactly(
                        url("/processes/budget-participatif-merignac-2026/f/204/results/6001"),
                        url("/processes/budget-participatif-merignac-2026/f/204/results/6002"));
        assertThat(outcomes)
                .extracting(org.parvis.model.Outcome::progress)
                .containsExactly(40, 100);
        assertThat(outcomes)
                .extracting(org.parvis.model.Outcome::statusKey)
                .containsExactly("in_progress", "completed");
        assertThat(outcomes.get(1).statusLabel().texts()).containsEntry("fr", "Réalisé");
        assertThat(process("plan-velo-2030").followUp()).isNull();
    }

    // ---- re-harvests ----

    @Test
    void unchangedReharvestChangesNothingAndEditsAndRemovalsAreSeen() throws IOException {
        start("0.28", "0.28.4");
        harvest();

        HarvestRun unchanged = harvest();
        decidim.retitleProposal("1002", "Arceaux vélo sécurisés devant la gare Saint-Jean");
        decidim.removeProposal("1004");
        HarvestRun edited = harvest();

        assertThat(unchanged.itemsUnchanged()).isEqualTo(79);
        assertThat(unchanged.requests()).isEqualTo(8);
        assertThat(unchanged.itemsNew() + unchanged.itemsChanged() + unchanged.itemsRemoved())
                .isZero();
        assertThat(edited.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(edited.itemsChanged()).isEqualTo(1);
        assertThat(edited.itemsRemoved()).isEqualTo(1);
        assertThat(store.findItem(url("/processes/plan-velo-2030/f/101/proposals/1004")))
                .isEmpty();
    }

    @Test
    void versionNewerThanKnownIsQueriedAsTheLatestAndRejectionsAreRecorded() throws IOException {
        decidim = FakeDecidim.startNewerThanKnown("0.31.1", NOW);
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.issues())
                .filteredOn(issue -> issue.type().equals("schema-rejected"))
                .isNotEmpty()
                .allSatisfy(issue ->
                        assertThat(issue.message()).contains("0.31.1", "endorsementsCount"));
        // Spaces and the components whose query the schema still accepts are harvested.
        assertThat(store.findItem(url("/processes/plan-velo-2030"))).isPresent();
        assertThat(store.findItem(url("/processes/plan-velo-2030/f/102/meetings/2001")))
                .isPresent();
    }

    // ---- faults ----

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"SERVER_ERROR", "TRUNCATED_JSON", "HTML_PAGE", "MISSING_FIELDS", "TIMEOUT"})
    void faultOnAComponentKeepsWhatWasHarvestedAndRecordsWhy(Fault fault) throws IOException {
        start("0.28", "0.28.4");
        harvest();
        long before = live();
        decidim.setTimeoutDelay(Duration.ofMillis(1500));
        decidim.fail(DecidimQueries.PROPOSALS, fault, ATTEMPTS);

        HarvestRun run = harvest(HttpFetcher.Settings.defaults(
                        "0.0-test", URI.create("https://parvis.example/about"))
                .withRetries(ATTEMPTS, Duration.ofMillis(5), Duration.ofSeconds(2))
                .withRequestTimeout(Duration.ofMillis(500)));

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.itemsRemoved()).isZero();
        assertThat(run.error()).containsAnyOf(DecidimQueries.PROPOSALS, "has no title");
        assertThat(issueTypes(run))
                .containsAnyOf("http-status", "http-error", "bad-page", "bad-record");
        assertThat(live()).isEqualTo(before);
        assertThat(store.findLastRun(SOURCE)).contains(run);
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"SERVER_ERROR", "TRUNCATED_JSON", "HTML_PAGE"})
    void failedSpaceRequestIsReadComponentByComponent(Fault fault) throws IOException {
        start("0.30", "0.30.0");
        decidim.fail(DecidimQueries.SPACE, fault, ATTEMPTS);

        HarvestRun run = harvest();

        assertThat(run.outcome()).as(run.error()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.itemsNew()).isEqualTo(79);
        assertThat(run.issues())
                .filteredOn(issue -> issue.recordRef() != null
                        && issue.recordRef().startsWith(DecidimQueries.SPACE))
                .isNotEmpty()
                .allSatisfy(issue -> assertThat(issue.message()).contains("read one by one"));
        assertThat(decidim.listOperations()).contains(DecidimQueries.MEETINGS);
    }

    @Test
    void componentFailingAfterItsSpaceRequestFailedKeepsWhatWasHarvested() throws IOException {
        start("0.28", "0.28.4");
        harvest();
        long before = live();
        decidim.fail(DecidimQueries.SPACE, Fault.HTML_PAGE, 1);
        decidim.fail(DecidimQueries.PROPOSALS, Fault.HTML_PAGE, 1);

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.error()).contains(DecidimQueries.PROPOSALS + " (component 101)");
        assertThat(run.itemsRemoved()).isZero();
        assertThat(live()).isEqualTo(before);
    }

    @Test
    void tooManyRequestsIsWaitedOutAndTheRunCompletes() throws IOException {
        start("0.30", "0.30.0");
        decidim.fail(DecidimQueries.SPACE, Fault.RATE_LIMITED, 1);

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.retries()).isEqualTo(1);
        assertThat(run.itemsNew()).isEqualTo(79);
    }

    @Test
    void unknownFieldsInAnswersAreIgnored() throws IOException {
        start("0.30", "0.30.0");
        decidim.fail("*", Fault.UNKNOWN_FIELDS, 100);

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.itemsNew()).isEqualTo(79);
    }

    @Test
    void answerLargerThanTheCapIsRefusedWithoutLosingAnything() throws IOException {
        start("0.27", "0.27.9");
        harvest();
        long before = live();
        decidim.setLargeBodyBytes(2 * 1024 * 1024);
        // The space request is refused, then its meetings component read on its own.
        decidim.fail(DecidimQueries.SPACE, Fault.LARGE_BODY, 1);
        decidim.fail(DecidimQueries.MEETINGS, Fault.LARGE_BODY, 1);

        HarvestRun run = harvest(HttpFetcher.Settings.defaults(
                        "0.0-test", URI.create("https://parvis.example/about"))
                .withRetries(ATTEMPTS, Duration.ofMillis(5), Duration.ofSeconds(2))
                .withMaxResponseBytes(1024 * 1024));

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.error()).contains("larger than the cap");
        assertThat(live()).isEqualTo(before);
    }

    @Test
    void unreachableApiFailsTheRunAndDeletesNothing() throws IOException {
        start("0.28", "0.28.4");
        harvest();
        long before = live();
        decidim.fail(DecidimQueries.DETECT, Fault.SERVER_ERROR, ATTEMPTS);

        HarvestRun run = harvest();

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.error()).contains("version probe");
        assertThat(live()).isEqualTo(before);
        assertThat(issueTypes(run)).containsExactly("http-status");
    }
}
