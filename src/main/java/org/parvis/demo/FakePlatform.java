package org.parvis.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Item;
import org.parvis.model.Json;
import org.parvis.source.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A participation platform on the loopback interface that serves the bundled sample data in the
 * unified JSON export format ({@code GET /<source>/parvis-export/v1/items?page=N}, ten records per
 * page), one base path per sample source, so that the demo and the tests harvest over real HTTP.
 *
 * <p>Dates are materialised once, at start, relative to the given instant. Tests can change what
 * is served ({@link #remove}, {@link #hold}, {@link #retitle}, {@link #corrupt}) and make pages
 * fail ({@link #failPage}); {@link #listRequests} tells what was asked.
 *
 * <p>Thread-safe. Listens on 127.0.0.1 only, on a free port; {@link #close} stops it.
 */
public final class FakePlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakePlatform.class);

    /** Records per page. */
    public static final int PAGE_SIZE = 10;

    /** The export path below a source's base URL. */
    static final String EXPORT_PATH = "/parvis-export/v1/items";

    /** How a page can be made to fail. */
    public enum Fault {
        /** HTTP 500 with a short text body. */
        SERVER_ERROR,
        /** HTTP 200 with an HTML maintenance page instead of JSON. */
        HTML_PAGE,
        /** HTTP 200 with the JSON page cut in the middle. */
        TRUNCATED_JSON
    }

    /** A request the platform received: path, query and user agent. */
    public record RecordedRequest(
            String path, @Nullable String query, @Nullable String userAgent) {}

    private record Served(SampleData.Source sample, Map<String, ObjectNode> records) {}

    private static final ObjectMapper MAPPER = Json.mapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Instant materialisedAt;
    private final Map<String, Served> bySourceId = new LinkedHashMap<>();
    private final Map<String, Served> byPath = new HashMap<>();
    private final Map<String, Fault> faults = new HashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, ObjectNode> held = new HashMap<>();

    private FakePlatform(SampleData data, Instant now) throws IOException {
        this.materialisedAt = now;
        for (SampleData.Source source : data.sources()) {
            Map<String, ObjectNode> records = new LinkedHashMap<>();
            for (Item item : SampleData.materialise(source, now)) {
                ObjectNode node = MAPPER.valueToTree(item);
                // The exporter does not dictate provenance: the harvesting connector sets it.
                node.remove("provenance");
                records.put(item.sourceKey().nativeId(), node);
            }
            Served served = new Served(source, records);
            bySourceId.put(source.id(), served);
            byPath.put("/" + source.path(), served);
        }

        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fake-platform-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("sample platform serving {} sources on {}", bySourceId.size(), baseUrl());
    }

    /**
     * Starts a platform serving the bundled sample data with dates relative to {@code now}.
     *
     * @throws IOException when no loopback port can be bound
     */
    public static FakePlatform start(Instant now) throws IOException {
        return new FakePlatform(SampleData.loadBundled(), now);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** The instant the sample dates are relative to. */
    public Instant materialisedAt() {
        return materialisedAt;
    }

    /**
     * One source configuration per sample source, each pointing at its base path on this
     * platform, flagged as sample data and licensed CC0.
     */
    public List<SourceConfig> listSources() {
        List<SourceConfig> sources = new ArrayList<>();
        for (Served served : bySourceId.values()) {
            SampleData.Source sample = served.sample();
            sources.add(new SourceConfig(
                            sample.id(),
                            "unified-json",
                            URI.create(baseUrl() + "/" + sample.path()),
                            sample.name(),
                            sample.organisers().get(sample.defaultOrganiser()).name(),
                            sample.territory(),
                            List.of("fr"),
                            Duration.ofHours(1),
                            SampleData.LICENCE,
                            true)
                    // A loopback sample platform need not be spared.
                    .withRequestsPerMinute(SourceConfig.MAX_REQUESTS_PER_MINUTE));
        }
        return sources;
    }

    /** The source ids served, in file order. */
    public List<String> listSourceIds() {
        return List.copyOf(bySourceId.keySet());
    }

    /** The records currently served for a source, parsed (corrupted records are skipped). */
    public synchronized List<Item> listItems(String sourceId) {
        List<Item> items = new ArrayList<>();
        for (ObjectNode node : served(sourceId).records().values()) {
            try {
                items.add(
                        MAPPER.treeToValue(withPlaceholderProvenance(sourceId, node), Item.class));
            } catch (IOException | IllegalArgumentException e) {
                // corrupted on purpose
            }
        }
        return items;
    }

    /** Stops serving a record; returns false when it was not served. */
    public synchronized boolean remove(String sourceId, String nativeId) {
        return served(sourceId).records().remove(nativeId) != null;
    }

    /**
     * Stops serving a record until {@link #release}, as if it were not published yet (the demo
     * publishes it later, so that a harvest finds a new process).
     */
    public synchronized void hold(String sourceId, String nativeId) {
        held.put(sourceId + "#" + nativeId, record(sourceId, nativeId));
        served(sourceId).records().remove(nativeId);
    }

    /** Serves a held record again; returns false when none was held. */
    public synchronized boolean release(String sourceId, String nativeId) {
        ObjectNode node = held.remove(sourceId + "#" + nativeId);
        if (node == null) {
            return false;
        }
        served(sourceId).records().put(nativeId, node);
        return true;
    }

    /** Changes a record's French title, so that the next harvest sees it changed. */
    public synchronized void retitle(String sourceId, String nativeId, String title) {
        record(sourceId, nativeId).putObject("title").putObject("texts").put("fr", title);
    }

    /**
     * Serves a record whose id is not an http(s) URL, so that it fails validation while keeping
     * its source key.
     */
    public synchronized void corrupt(String sourceId, String nativeId) {
        record(sourceId, nativeId).put("id", "urn:parvis:corrupted:" + nativeId);
    }

    /**
     * Makes every request for one page of a source fail with {@code fault} until {@link
     * #clearFaults}.
     */
    public synchronized void failPage(String sourceId, int page, Fault fault) {
        served(sourceId);
        faults.put(sourceId + "#" + page, fault);
    }

    /** Serves every page normally again. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** The requests received so far, oldest first. */
    public synchronized List<RecordedRequest> listRequests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private Served served(String sourceId) {
        Served served = bySourceId.get(sourceId);
        if (served == null) {
            throw new NoSuchElementException(
                    "no sample source '" + sourceId + "'; served: " + bySourceId.keySet());
        }
        return served;
    }

    private ObjectNode record(String sourceId, String nativeId) {
        ObjectNode node = served(sourceId).records().get(nativeId);
        if (node == null) {
            throw new NoSuchElementException(
                    "source '" + sourceId + "' serves no record '" + nativeId + "'");
        }
        return node;
    }

    private static ObjectNode withPlaceholderProvenance(String sourceId, ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        ObjectNode provenance = copy.putObject("provenance");
        provenance.put("sourceId", sourceId);
        provenance.put("retrievedAt", Instant.EPOCH.toString());
        provenance.put("method", "unified_json");
        provenance.set("licence", MAPPER.valueToTree(SampleData.LICENCE));
        return copy;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            synchronized (this) {
                requests.add(new RecordedRequest(
                        path, query, exchange.getRequestHeaders().getFirst("User-Agent")));
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !path.endsWith(EXPORT_PATH)) {
                send(exchange, 404, "text/plain", "not found: " + path);
                return;
            }
            Served served = byPath.get(path.substring(0, path.length() - EXPORT_PATH.length()));
            Integer page = parsePage(query);
            if (served == null || page == null) {
                send(
                        exchange,
                        served == null ? 404 : 400,
                        "text/plain",
                        "no such source or page: " + path);
                return;
            }
            respond(exchange, served, page);
        }
    }

    private void respond(HttpExchange exchange, Served served, int page) throws IOException {
        Fault fault;
        String body;
        synchronized (this) {
            fault = faults.get(served.sample().id() + "#" + page);
            List<ObjectNode> records = List.copyOf(served.records().values());
            int from = (page - 1) * PAGE_SIZE;
            if (from > 0 && from >= records.size()) {
                send(exchange, 404, "text/plain", "page " + page + " is past the last page");
                return;
            }
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode items = root.putArray("items");
            records.subList(from, Math.min(from + PAGE_SIZE, records.size())).forEach(items::add);
            boolean more = from + PAGE_SIZE < records.size();
            root.put(
                    "next",
                    more
                            ? baseUrl() + "/" + served.sample().path() + EXPORT_PATH + "?page="
                                    + (page + 1)
                            : null);
            body = MAPPER.writeValueAsString(root);
        }
        if (fault == null) {
            send(exchange, 200, "application/json", body);
            return;
        }
        switch (fault) {
            case SERVER_ERROR -> send(exchange, 500, "text/plain", "Internal Server Error");
            case HTML_PAGE ->
                send(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<!doctype html><html><body><h1>Maintenance en cours</h1></body></html>");
            case TRUNCATED_JSON ->
                send(exchange, 200, "application/json", body.substring(0, body.length() / 2));
        }
    }

    private static @Nullable Integer parsePage(@Nullable String query) {
        if (query == null) {
            return 1;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("page=")) {
                try {
                    int page = Integer.parseInt(pair.substring(5));
                    return page >= 1 ? page : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return 1;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
