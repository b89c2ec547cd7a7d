package org.parvis.web.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.parvis.alert.MutableClock;
import org.parvis.demo.FakePlatform;
import org.parvis.feed.FeedService;
import org.parvis.index.FeedIndex;
import org.parvis.model.AreaId;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Json;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Organiser;
import org.parvis.model.OrganiserKind;
import org.parvis.model.Outcome;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.Step;
import org.parvis.model.TerritoryRef;
import org.parvis.source.Connectors;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.HttpFetcher;
import org.parvis.source.SourceConfig;
import org.parvis.store.JdbcStore;
import org.parvis.store.Store;
import org.parvis.store.StoreLocation;
import org.parvis.territory.ContourIndex;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.PlaceSearch;
import org.parvis.territory.PlaceService;
import org.parvis.web.ApiContext;
import org.parvis.web.ApiServer;
import org.parvis.web.SourceView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A running node for page tests, as close to the demo as a test gets: the real French gazetteer
 * and place search (with the 2018 contours of six communes around Bordeaux), a SQLite store, an
 * in-memory feed index and the HTTP server, filled by
 * harvesting over loopback HTTP with the real connector (1) the bundled sample platform and (2) a
 * hostile platform whose one process carries known XSS payloads in every text field.
 *
 * <p>Not thread-safe; one per test class.
 */
final class PageFixture implements AutoCloseable {

    static final String XSS_SOURCE = "hostile-platform";
    static final String XSS_NATIVE_ID = "process/xss";
    static final String XSS_KEY = XSS_SOURCE + ":" + XSS_NATIVE_ID;
    static final AreaId BORDEAUX = AreaId.commune("33063");
    static final AreaId PERIGUEUX = AreaId.commune("24322");

    static final URI MEETING_ID = URI.create("https://hostile.example/processes/xss/meetings/1");

    /** Payloads that would each set {@code window.__xss} or load something if they ran. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss = 'script'</script>",
            "<img src=x onerror=\"window.__xss = 'img'\">",
            "<a href=\"javascript:window.__xss = 'href'\">click me</a>",
            "<svg onload=\"window.__xss = 'svg'\"></svg>",
            "\"><script>window.__xss = 'breakout'</script>",
            "<iframe src=\"javascript:window.__xss = 'iframe'\"></iframe>",
            "<style>body { display: none }</style>",
            "<p style=\"background: url(javascript:window.__xss = 'style')\">styled</p>",
            "<a href=\"https://example.org/ok\" onclick=\"window.__xss = 'onclick'\">safe link</a>",
            "<form action=\"https://evil.example/\"><button>go</button></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss = 'm'\">");

    static {
        for (String noisy : List.of("org.eclipse.jetty", "io.javalin", "org.parvis")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Store store;
    final ApiServer server;
    private final Path dataDir;
    private final FakePlatform platform;
    private final HttpServer hostile;
    private final FeedIndex index;
    private final Harvester harvester;
    // Harvests happen an hour ago, then a minute later each time: never in the future.
    private final MutableClock harvestClock = new MutableClock(now.minus(Duration.ofHours(1)));
    private final List<SourceConfig> sources;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    PageFixture() {
        try {
            dataDir = Files.createTempDirectory("parvis-pages-test");
            platform = FakePlatform.start(now);
            hostile = startHostilePlatform(now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FrenchGazetteer gazetteer = FrenchGazetteer.loadDefault();
        // Contours of six communes around Bordeaux, so that "use my location" can be tried.
        Path contours;
        try {
            contours = Path.of(PageFixture.class
                    .getResource("/org/parvis/territory/gironde-contours-2018-excerpt.geojson")
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        PlaceService places = PlaceService.of(
                PlaceSearch.of(gazetteer),
                Optional.of(ContourIndex.importGeoJson(contours, gazetteer)));
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));
        index = FeedIndex.inMemory(gazetteer);

        sources = new ArrayList<>(platform.listSources());
        sources.add(new SourceConfig(
                XSS_SOURCE,
                "unified-json",
                URI.create("http://127.0.0.1:" + hostile.getAddress().getPort() + "/hostile"),
                "Hostile <b>platform</b>",
                null,
                BORDEAUX,
                List.of("fr"),
                Duration.ofHours(1),
                new Licence("ODbL-1.0", "javascript:alert(1)", null),
                false));
        harvester = new Harvester(
                store,
                Connectors.defaults(),
                new HttpFetcher(HttpFetcher.Settings.defaults(
                        "0.0-test", URI.create("https://parvis.example/pages-test"))),
                harvestClock,
                HarvestListener.NONE,
                new SimpleMeterRegistry());
        for (SourceConfig source : sources) {
            harvester.harvest(source);
        }
        index.catchUp(store);

        Map<String, String> names = new TreeMap<>();
        sources.forEach(source -> names.put(source.id(), source.name()));
        FeedService feed = new FeedService(gazetteer, index, Clock.systemUTC(), names::get);
        List<SourceView> views = sources.stream()
                .map(source -> new SourceView(
                        source.id(),
                        source.name(),
                        source.kind(),
                        source.baseUrl().toString(),
                        source.territory() == null ? null : source.territory().value(),
                        source.licence().id(),
                        source.sample()))
                .toList();
        ApiContext context = new ApiContext(
                feed::query,
                store,
                gazetteer,
                () -> places,
                () -> views,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                true,
                "0.1.0-test");
        server = ApiServer.start(context, "127.0.0.1", 0);
    }

    /** The sample platform, to change what it serves before {@link #reharvest}. */
    FakePlatform platform() {
        return platform;
    }

    /**
     * Harvests a source again over HTTP, a minute after the previous harvest (Atom dates have
     * whole seconds), and catches the feed index up.
     */
    void reharvest(String sourceId) {
        harvestClock.advance(Duration.ofMinutes(1));
        harvester.harvest(sources.stream()
                .filter(source -> source.id().equals(sourceId))
                .findFirst()
                .orElseThrow());
        index.catchUp(store);
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        index.close();
        store.close();
        hostile.stop(0);
        platform.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer: status, headers (lowercase names, first value) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers.get("content-type") + "\n" + body;
        }
    }

    /** GETs {@code pathAndQuery} with the given extra headers (name, value…). */
    Answer get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) ->
                            map.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            return new Answer(response.statusCode(), map, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * A platform speaking the unified JSON export with one process whose every text carries the
     * payloads, plus a meeting with a {@code javascript:} online link.
     */
    private static HttpServer startHostilePlatform(Instant now) throws IOException {
        String all = String.join(" ", PAYLOADS);
        URI processId = URI.create("https://hostile.example/processes/xss");
        Provenance placeholder = new Provenance(
                XSS_SOURCE, now, null, HarvestMethod.REST, null, Licence.UNKNOWN, List.of());
        Process process = ProcessBuilder.create()
                .withId(processId)
                .withSourceKey(new SourceKey(XSS_SOURCE, XSS_NATIVE_ID))
                .withProcessType(ProcessType.CONSULTATION)
                .withTitle(LocalizedText.of("fr", "Concertation piégée " + PAYLOADS.get(4)))
                .withSummary(LocalizedText.of("fr", "Résumé " + PAYLOADS.get(0)))
                .withDescription(LocalizedText.of("fr", "<p>Description</p>" + all))
                .addOrganiser(Organiser.of(
                        "Mairie <script>window.__xss = 'org'</script>",
                        OrganiserKind.COMMUNE,
                        BORDEAUX))
                .withWindow(now.minus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS))
                .addStep(new Step(
                        LocalizedText.of("fr", "Étape " + PAYLOADS.get(1)),
                        null,
                        now.minus(2, ChronoUnit.DAYS),
                        now.plus(3, ChronoUnit.DAYS),
                        1,
                        true))
                .addTerritory(TerritoryRef.of(BORDEAUX, Derivation.DECLARED))
                .withParticipateUrl(URI.create("javascript:window.__xss='participate'"))
                .withProvenance(placeholder)
                .addOutcome(new Outcome(
                        URI.create("https://hostile.example/processes/xss/results/1"),
                        LocalizedText.of("fr", "Suite " + PAYLOADS.get(4)),
                        null,
                        "done",
                        LocalizedText.of("fr", "Fait " + PAYLOADS.get(0)),
                        100,
                        null,
                        null,
                        // A proposal that was not harvested: shown without its title.
                        List.of(URI.create("https://hostile.example/processes/xss/proposals/9")),
                        null,
                        null))
                .addOutcome(new Outcome(
                        URI.create("https://hostile.example/processes/xss/results/2"),
                        LocalizedText.of("fr", "Compte rendu publié"),
                        null,
                        "in_progress",
                        LocalizedText.of("fr", "En cours"),
                        40,
                        LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(10),
                        LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(20),
                        List.of(MEETING_ID),
                        null,
                        null))
                .build();
        Contribution meeting = new Contribution(
                MEETING_ID,
                new SourceKey(XSS_SOURCE, "meeting/1"),
                null,
                ContributionKind.MEETING,
                processId,
                null,
                LocalizedText.of("fr", "Réunion " + PAYLOADS.get(3)),
                null,
                List.of(),
                now,
                null,
                null,
                null,
                null,
                new MeetingDetails(
                        now.plus(1, ChronoUnit.DAYS),
                        now.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS),
                        MeetingDetails.Mode.HYBRID,
                        "Salle " + PAYLOADS.get(1),
                        URI.create("javascript:window.__xss='online'"),
                        null),
                null,
                List.of(),
                false,
                placeholder);
        ObjectNode page = Json.mapper().createObjectNode();
        ArrayNode items = page.putArray("items");
        items.add(Json.mapper().readTree(Json.mapper().writeValueAsString(process)));
        items.add(Json.mapper()
                .readTree(Json.mapper()
                        .writerFor(org.parvis.model.Item.class)
                        .writeValueAsString(meeting)));
        ((ObjectNode) items.get(0)).put("type", "process");
        page.putNull("next");
        byte[] body = Json.mapper().writeValueAsBytes(page);

        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hostile/parvis-export/v1/items", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }
}
