package org.parvis.web;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.parvis.feed.FeedItem;
import org.parvis.feed.FeedResult;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Json;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.store.HarvestRun;
import org.parvis.store.JdbcStore;
import org.parvis.store.SourceIssue;
import org.parvis.store.Store;
import org.parvis.store.StoreLocation;
import org.parvis.territory.ContourIndex;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.Place;
import org.parvis.territory.PlaceSearch;
import org.parvis.territory.PlaceService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A running API over a few places around Bordeaux, one process with two contributions, two
 * sources and a recording feed, plus an HTTP client for it. Each test class starts its own.
 *
 * <pre>
 * eu ⊃ fr ⊃ fr:region:75 (Nouvelle-Aquitaine) ⊃ fr:departement:33 (Gironde)
 *    fr:departement:33 ⊃ fr:epci:243300316 (Bordeaux Métropole), Bordeaux, Mérignac
 *    fr:epci:243300316 ⊃ fr:commune:33063 (Bordeaux), fr:commune:33281 (Mérignac)
 * </pre>
 *
 * <p>Not thread-safe; one per test class.
 */
final class ApiFixture implements AutoCloseable {

    static final AreaId BORDEAUX = AreaId.commune("33063");
    static final AreaId MERIGNAC = AreaId.commune("33281");
    static final AreaId METROPOLE = AreaId.epci("243300316");
    static final AreaId GIRONDE = AreaId.departement("33");
    static final AreaId NOUVELLE_AQUITAINE = AreaId.region("75");

    static final Licence ODBL =
            new Licence("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/", null);
    static final Instant RETRIEVED = Instant.parse("2026-03-01T10:00:00Z");

    static final URI PROCESS_ID =
            URI.create("https://participation.bordeaux.fr/processes/budget-2026");
    static final SourceKey PROCESS_KEY =
            new SourceKey("bordeaux-decidim", "ParticipatoryProcess/12");
    static final URI PROPOSAL_ID =
            URI.create("https://participation.bordeaux.fr/processes/budget-2026/f/3/proposals/345");
    static final SourceKey PROPOSAL_KEY = new SourceKey("bordeaux-decidim", "Proposal/345");
    static final URI COMMENT_ID = URI.create(PROPOSAL_ID + "?commentId=9");
    static final SourceKey COMMENT_KEY = new SourceKey("bordeaux-decidim", "Comment/9");

    static {
        // Without a logging configuration Logback logs Jetty at DEBUG, which slows every request.
        for (String noisy : List.of("org.eclipse.jetty", "io.javalin")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
                    .setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    final RecordingFeed feed = new RecordingFeed(feedResult(null));
    final Store store;
    private final Path dataDir;
    final InMemoryGazetteer gazetteer = new InMemoryGazetteer(places());
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ApiServer server;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private static PlaceService realPlaces;

    ApiFixture(boolean sampleData) {
        this(sampleData, ApiFixture::realPlaces);
    }

    /**
     * The real place search over the 2026 gazetteer, with the 2018 contours of six communes around
     * Bordeaux (Bordeaux, Le Bouscat, Le Haillan, Mérignac, Pessac, Saint-Médard-en-Jalles).
     */
    static synchronized PlaceService realPlaces() {
        if (realPlaces == null) {
            FrenchGazetteer gazetteer = FrenchGazetteer.loadDefault();
            Path contours;
            try {
                contours = Path.of(ApiFixture.class
                        .getResource("/org/parvis/territory/gironde-contours-2018-excerpt.geojson")
                        .toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            realPlaces = PlaceService.of(
                    PlaceSearch.of(gazetteer),
                    Optional.of(ContourIndex.importGeoJson(contours, gazetteer)));
        }
        return realPlaces;
    }

    ApiFixture(boolean sampleData, Supplier<PlaceService> places) {
        try {
            dataDir = Files.createTempDirectory("parvis-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = JdbcStore.open(StoreLocation.sqlite(dataDir));
        store.upsertAll(List.of(process(), proposal(), comment()));
        store.recordRun(run(
                "bordeaux-decidim", HarvestRun.Outcome.SUCCESS, "2026-03-01T10:00:00Z", List.of()));
        store.recordRun(run(
                "bordeaux-decidim",
                HarvestRun.Outcome.PARTIAL,
                "2026-03-02T10:00:00Z",
                List.of(new SourceIssue(
                        "bordeaux-decidim",
                        Instant.parse("2026-03-02T10:00:05Z"),
                        "missing-title",
                        "Proposal/346",
                        "https://participation.bordeaux.fr/processes/budget-2026/f/3/proposals/346",
                        "the proposal has no title in any language"))));
        List<SourceView> sources = List.of(
                new SourceView(
                        "bordeaux-decidim",
                        "Bordeaux participation",
                        "decidim",
                        "https://participation.bordeaux.fr",
                        GIRONDE.value(),
                        "ODbL-1.0",
                        false),
                new SourceView(
                        "demo",
                        "Demo data",
                        "unified-json",
                        "file:demo",
                        null,
                        "etalab-2.0",
                        true));
        ApiContext context = new ApiContext(
                feed, store, gazetteer, places, () -> sources, metrics, sampleData, "0.1.0-test");
        server = ApiServer.start(context, "127.0.0.1", 0);
    }

    @Override
    public void close() {
        server.close();
        store.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer: status, headers (lowercase names, first value) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        /** The media type with its parameters, spaces after {@code ;} removed, lowercase. */
        String contentType() {
            String type = header("content-type");
            return type == null ? null : type.replace("; ", ";").toLowerCase(Locale.ROOT);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers.get("content-type") + " " + body;
        }
    }

    /** GETs {@code pathAndQuery} with java.net.http. */
    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    /** Sends {@code method} to {@code pathAndQuery} with the given extra headers (name, value…). */
    Answer send(String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** POSTs {@code body} to {@code path} with {@code contentType} (none when null). */
    Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** POSTs {@code json} as {@code application/json} to {@code path}. */
    Answer postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code body} chunked, without Content-Length, as {@code application/json}. */
    Answer postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body))));
    }

    /**
     * Sends a request line exactly as given, over a plain socket, for inputs java.net.http refuses
     * to send (malformed percent-encoding, raw spaces…).
     */
    Answer raw(String requestTarget) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + requestTarget
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new TreeMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Answer parse(byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(
                    lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder sizeLine = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("truncated chunked body");
                }
                if (c != '\r') {
                    sizeLine.append((char) c);
                }
            }
            int size = Integer.parseInt(sizeLine.toString().split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            in.skip(2);
        }
    }

    static List<Place> places() {
        return List.of(
                new Place(AreaId.EU, "Union européenne", List.of(), 449_000_000L, List.of()),
                new Place(AreaId.FRANCE, "France", List.of(), 68_000_000L, List.of(AreaId.EU)),
                new Place(
                        NOUVELLE_AQUITAINE,
                        "Nouvelle-Aquitaine",
                        List.of(),
                        6_033_952L,
                        List.of(AreaId.FRANCE, AreaId.EU)),
                new Place(
                        GIRONDE,
                        "Gironde",
                        List.of(),
                        1_654_970L,
                        List.of(NOUVELLE_AQUITAINE, AreaId.FRANCE, AreaId.EU)),
                new Place(
                        METROPOLE,
                        "Bordeaux Métropole",
                        List.of(),
                        834_000L,
                        List.of(GIRONDE, NOUVELLE_AQUITAINE, AreaId.FRANCE, AreaId.EU)),
                new Place(
                        BORDEAUX,
                        "Bordeaux",
                        List.of("33000", "33100", "33200", "33300", "33800"),
                        261_804L,
                        List.of(METROPOLE, GIRONDE, NOUVELLE_AQUITAINE, AreaId.FRANCE, AreaId.EU)),
                new Place(
                        MERIGNAC,
                        "Mérignac",
                        List.of("33700"),
                        74_000L,
                        List.of(METROPOLE, GIRONDE, NOUVELLE_AQUITAINE, AreaId.FRANCE, AreaId.EU)));
    }

    static FeedResult feedResult(String nextCursor) {
        Map<AreaId, Place> byId = new TreeMap<>();
        places().forEach(place -> byId.put(place.id(), place));
        Place bordeaux = byId.get(BORDEAUX);
        FeedItem item = new FeedItem(
                PROCESS_ID,
                PROCESS_KEY.toString(),
                "Budget participatif 2026",
                "Proposez vos projets pour la ville",
                "fr",
                ProcessType.PARTICIPATORY_BUDGET,
                ProcessStatus.OPEN,
                Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-04-30T22:00:00Z"),
                "Ville de Bordeaux",
                "decidim",
                PROCESS_ID,
                List.of(new FeedItem.Area(BORDEAUX, AreaLevel.COMMUNE, "Bordeaux")),
                List.of("mobilite"),
                ODBL);
        return new FeedResult(
                bordeaux,
                bordeaux.parents().stream().map(byId::get).toList(),
                List.of(item),
                1,
                Map.of("theme", Map.of("mobilite", 1L), "status", Map.of("open", 1L)),
                nextCursor);
    }

    static Provenance provenance() {
        return new Provenance(
                "bordeaux-decidim",
                RETRIEVED,
                URI.create("https://participation.bordeaux.fr/api"),
                HarvestMethod.GRAPHQL,
                null,
                ODBL,
                List.of());
    }

    static Process process() {
        return ProcessBuilder.create()
                .withId(PROCESS_ID)
                .withSourceKey(PROCESS_KEY)
                .withProcessType(ProcessType.PARTICIPATORY_BUDGET)
                .withTitle(LocalizedText.of("fr", "Budget participatif 2026"))
                .withWindow(
                        Instant.parse("2026-02-01T00:00:00Z"),
                        Instant.parse("2026-04-30T22:00:00Z"))
                .addTerritory(TerritoryRef.of(BORDEAUX, Derivation.DECLARED))
                .withProvenance(provenance())
                .build();
    }

    static Contribution proposal() {
        return contribution(
                PROPOSAL_ID, PROPOSAL_KEY, ContributionKind.PROPOSAL, "Plus de pistes cyclables");
    }

    static Contribution comment() {
        return contribution(COMMENT_ID, COMMENT_KEY, ContributionKind.COMMENT, "D'accord !");
    }

    private static Contribution contribution(
            URI id, SourceKey key, ContributionKind kind, String title) {
        return new Contribution(
                id,
                key,
                null,
                kind,
                PROCESS_ID,
                null,
                LocalizedText.of("fr", title),
                null,
                List.of(),
                Instant.parse("2026-02-10T09:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                provenance());
    }

    private static HarvestRun run(
            String sourceId, HarvestRun.Outcome outcome, String start, List<SourceIssue> issues) {
        Instant startedAt = Instant.parse(start);
        return new HarvestRun(
                sourceId,
                startedAt,
                startedAt.plusSeconds(42),
                outcome,
                12,
                34_567,
                3,
                1,
                7,
                0,
                outcome == HarvestRun.Outcome.SUCCESS ? null : "1 record could not be read",
                issues);
    }
}
