package org.parvis.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.Json;
import org.parvis.model.Licence;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A Decidim instance on the loopback interface: {@code POST /api} really executes GraphQL with
 * graphql-java against the reconstructed schema of one Decidim generation (0.27, 0.28 or 0.30)
 * over realistic French fixture data ({@link DecidimFixtures}), so that a query naming a field the
 * generation lacks fails here as it would in production. Decidim's limits are applied: pages of at
 * most 50, query depth 15 and complexity 5000 (connections weigh their page size, a selection on
 * an interface its costliest type: {@link DecidimComplexity}).
 *
 * <p>Tests can script faults per GraphQL operation ({@link #fail}), edit or remove records, and
 * read what was asked ({@link #listOperations}). Thread-safe. Listens on 127.0.0.1 on a free
 * port; {@link #close} stops it.
 */
public final class FakeDecidim implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDecidim.class);
    private static final ObjectMapper MAPPER = Json.mapper();

    private static final String MAINTENANCE_PAGE = """
            <!DOCTYPE html>
            <html><head><title>Maintenance</title></head>
            <body><h1>Site en maintenance</h1>
            <p>Merci de revenir dans quelques minutes.</p></body></html>
            """;

    /** Ways an answer can go wrong, as seen on real instances and their proxies. */
    public enum Fault {
        /** The answer comes after the client's timeout. */
        TIMEOUT,
        /** HTTP 429 with {@code Retry-After: 1}. */
        RATE_LIMITED,
        /** HTTP 500 with a short text body. */
        SERVER_ERROR,
        /** The JSON answer cut in the middle. */
        TRUNCATED_JSON,
        /** HTTP 200 with an HTML maintenance page. */
        HTML_PAGE,
        /** Every object of the answer carries a field the client did not ask for. */
        UNKNOWN_FIELDS,
        /** The records of the answer lack their title. */
        MISSING_FIELDS,
        /** A valid answer padded to several megabytes. */
        LARGE_BODY
    }

    private record Scripted(Fault fault, int[] remaining) {}

    private final String generation;
    private final String version;
    private final GraphQL graphql;
    private final DecidimFixtures data;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Scripted> faults = new HashMap<>();
    private final List<String> operations = new ArrayList<>();
    private volatile Duration timeoutDelay = Duration.ofSeconds(3);
    private volatile int largeBodyBytes = 4 * 1024 * 1024;

    private FakeDecidim(
            String generation, String version, String sdl, Instant now, int cyclingProposals)
            throws IOException {
        this.generation = generation;
        this.version = version;
        this.data = new DecidimFixtures(generation, now, cyclingProposals);
        Map<String, Function<Map<String, Object>, @Nullable Object>> roots = new HashMap<>();
        roots.put("decidim", args -> Map.of("version", version, "applicationName", "Decidim"));
        roots.put("participatoryProcesses", args -> data.processes);
        roots.put("assemblies", args -> data.assemblies);
        roots.put("initiatives", args -> data.initiatives);
        roots.put("participatoryProcess", args -> find(data.processes, args));
        roots.put("assembly", args -> find(data.assemblies, args));
        roots.put("component", args -> data.components.get(String.valueOf(args.get("id"))));
        GraphQLSchema schema = DecidimSchema.build(sdl, roots);
        this.graphql = GraphQL.newGraphQL(schema)
                .instrumentation(new ChainedInstrumentation(
                        List.of(new MaxQueryDepthInstrumentation(15), new DecidimComplexity(5000))))
                .build();

        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "fake-decidim-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("loopback Decidim {} serving {}", version, baseUrl());
    }

    /**
     * Starts an instance of a generation ({@code 0.27}, {@code 0.28} or {@code 0.30}) reporting
     * {@code version} (e.g. {@code 0.28.4}), with dates relative to {@code now}.
     *
     * @throws IOException when no loopback port can be bound
     */
    public static FakeDecidim start(String generation, String version, Instant now)
            throws IOException {
        return start(generation, version, now, 60);
    }

    /**
     * Starts an instance as above whose cycling plan has {@code cyclingProposals} proposals
     * instead of 60 (for benchmarks).
     */
    public static FakeDecidim start(
            String generation, String version, Instant now, int cyclingProposals)
            throws IOException {
        return new FakeDecidim(
                generation, version, DecidimSchema.sdl(generation), now, cyclingProposals);
    }

    /**
     * Starts an instance of a version newer than any Parvis knows: the 0.30 schema in which
     * endorsements were renamed likes, as Decidim 0.31 did, so the 0.30 proposal query is
     * rejected.
     */
    public static FakeDecidim startNewerThanKnown(String version, Instant now) throws IOException {
        String sdl = DecidimSchema.sdl("0.30")
                .replace("endorsementsCount: Int", "likesCount: Int")
                .replace("endorsements: [Author]!", "likes: [Author]!");
        return new FakeDecidim("0.30", version, sdl, now, 60);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The generation whose schema is served. */
    public String generation() {
        return generation;
    }

    /**
     * A source configuration for this instance, placed at Bordeaux Métropole, with a loopback
     * request rate.
     */
    public SourceConfig sourceConfig(String id) {
        return new SourceConfig(
                        id,
                        "decidim",
                        baseUrl(),
                        "Participation Bordeaux Métropole (Decidim " + version + ", exemple)",
                        "Bordeaux Métropole",
                        AreaId.parse("fr:epci:243300316"),
                        List.of("fr"),
                        Duration.ofHours(1),
                        new Licence(
                                "ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/", null),
                        true)
                .withRequestsPerMinute(SourceConfig.MAX_REQUESTS_PER_MINUTE);
    }

    /**
     * The number of records (processes, assemblies, initiatives, proposals, meetings, debates,
     * projects).
     */
    public synchronized int countRecords() {
        int count = data.processes.size() + data.assemblies.size() + data.initiatives.size();
        for (Map<String, Object> component : data.components.values()) {
            for (String field : List.of("proposals", "meetings", "debates")) {
                if (component.get(field) instanceof List<?> list) {
                    count += list.size();
                }
            }
            if (component.get("budgets") instanceof List<?> budgets) {
                for (Object budget : budgets) {
                    count += ((List<?>) ((Map<?, ?>) budget).get("projects")).size();
                }
            }
        }
        return count;
    }

    /**
     * Makes the next {@code times} requests of a GraphQL operation fail this way (every
     * operation when {@code operation} is {@code *}).
     */
    public synchronized void fail(String operation, Fault fault, int times) {
        faults.put(operation, new Scripted(fault, new int[] {times}));
    }

    /** How long a {@link Fault#TIMEOUT} answer waits. */
    public void setTimeoutDelay(Duration delay) {
        this.timeoutDelay = delay;
    }

    /** The size of a {@link Fault#LARGE_BODY} answer. */
    public void setLargeBodyBytes(int bytes) {
        this.largeBodyBytes = bytes;
    }

    /** Changes a proposal's French title and its {@code updatedAt}. */
    public synchronized void retitleProposal(String id, String title) {
        Map<String, Object> proposal = findProposal(id);
        proposal.put("title", DecidimFixtures.text(title, null));
        proposal.put("updatedAt", Instant.now().toString());
    }

    /** Removes a proposal, as when a moderator hides it. */
    @SuppressWarnings("unchecked")
    public synchronized void removeProposal(String id) {
        for (Map<String, Object> component : data.components.values()) {
            if (component.get("proposals") instanceof List<?> list) {
                List<Map<String, Object>> copy = new ArrayList<>((List<Map<String, Object>>) list);
                if (copy.removeIf(p -> id.equals(p.get("id")))) {
                    component.put("proposals", copy);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no proposal " + id);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> findProposal(String id) {
        for (Map<String, Object> component : data.components.values()) {
            if (component.get("proposals") instanceof List<?> list) {
                for (Object proposal : list) {
                    Map<String, Object> map = (Map<String, Object>) proposal;
                    if (id.equals(map.get("id"))) {
                        return map;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no proposal " + id);
    }

    /** The space with the {@code id} (or {@code slug}) argument, as Decidim's finders answer. */
    private static @Nullable Map<String, Object> find(
            List<Map<String, Object>> spaces, Map<String, Object> args) {
        for (Map<String, Object> space : spaces) {
            if (space.get("id").equals(args.get("id"))
                    || (args.get("slug") != null && space.get("slug").equals(args.get("slug")))) {
                return space;
            }
        }
        return null;
    }

    /** The operation names received, in order. */
    public synchronized List<String> listOperations() {
        return List.copyOf(operations);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"/api".equals(path) && !"/api/".equals(path)) {
                send(
                        exchange,
                        404,
                        "text/html; charset=utf-8",
                        "<html><body>Page introuvable</body></html>");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Location", "/api/docs");
                send(exchange, 302, "text/plain", "");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                send(exchange, 415, "text/plain", "Content-Type must be application/json");
                return;
            }
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            String operation = request.path("operationName").asText("");
            Fault fault = takeFault(operation);
            if (fault != null && answerFault(exchange, fault)) {
                return;
            }

            ObjectNode answer = execute(request);
            if (fault == Fault.UNKNOWN_FIELDS) {
                addUnknownFields(answer);
            } else if (fault == Fault.MISSING_FIELDS) {
                removeTitles(answer);
            } else if (fault == Fault.LARGE_BODY) {
                answer.put("extensions", "x".repeat(largeBodyBytes));
            }
            byte[] body = MAPPER.writeValueAsBytes(answer);
            if (fault == Fault.TRUNCATED_JSON) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            send(exchange, 200, "application/json; charset=utf-8", body);
        } catch (RuntimeException e) {
            LOG.warn("loopback Decidim failed to answer", e);
        }
    }

    private synchronized @Nullable Fault takeFault(String operation) {
        operations.add(operation);
        Scripted scripted = faults.get(operation);
        if (scripted == null) {
            scripted = faults.get("*");
        }
        if (scripted == null || scripted.remaining()[0] <= 0) {
            return null;
        }
        scripted.remaining()[0]--;
        return scripted.fault();
    }

    /** Answers the faults that replace the answer; returns false for those that alter it. */
    private boolean answerFault(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case TIMEOUT -> {
                try {
                    Thread.sleep(timeoutDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return false;
            }
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "text/plain", "Retry later\n");
                return true;
            }
            case SERVER_ERROR -> {
                send(exchange, 500, "text/plain", "Internal Server Error\n");
                return true;
            }
            case HTML_PAGE -> {
                send(exchange, 200, "text/html; charset=utf-8", MAINTENANCE_PAGE);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private synchronized ObjectNode execute(JsonNode request) {
        Map<String, Object> variables = request.path("variables").isObject()
                ? MAPPER.convertValue(
                        request.path("variables"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {})
                : Map.of();
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput()
                .query(request.path("query").asText(""))
                .operationName(
                        request.path("operationName").isTextual()
                                ? request.path("operationName").asText()
                                : null)
                .variables(variables)
                .build());
        Map<String, Object> spec = new LinkedHashMap<>(result.toSpecification());
        return MAPPER.valueToTree(spec);
    }

    private static void addUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            object.put("introducedInALaterVersion", "valeur inattendue");
            children.forEach(FakeDecidim::addUnknownFields);
        } else if (node instanceof ArrayNode array) {
            array.forEach(FakeDecidim::addUnknownFields);
        }
    }

    private static void removeTitles(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("nodes") && object.get("nodes") instanceof ArrayNode nodes) {
                nodes.forEach(record -> ((ObjectNode) record).remove("title"));
            }
            object.elements().forEachRemaining(FakeDecidim::removeTitles);
        } else if (node instanceof ArrayNode array) {
            array.forEach(FakeDecidim::removeTitles);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
