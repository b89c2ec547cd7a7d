package org.parvis.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP plumbing shared by the fake upstreams: a JDK server on 127.0.0.1 (free port), a record
 * of the requests received, and an optional {@link UpstreamFault} applied to every response until
 * cleared. Subclasses produce the normal body of a request; this class degrades it per the fault.
 *
 * <p>Thread-safe.
 */
public abstract class LoopbackServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackServer.class);

    /** How long a {@link UpstreamFault#TIMEOUT} response is held back. */
    static final long TIMEOUT_DELAY_MILLIS = 5_000;

    /** A request received: path, query and user agent. */
    public record RecordedRequest(
            String path, @Nullable String query, @Nullable String userAgent) {}

    /** A normal response: status, content type and body. */
    record Reply(int status, String contentType, byte[] body) {
        static Reply text(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private @Nullable UpstreamFault fault;
    private long hugeBodyBytes = 40L * 1024 * 1024;

    LoopbackServer(String name) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** Makes every response misbehave this way until {@link #clearFault}. */
    public synchronized void failWith(UpstreamFault fault) {
        this.fault = fault;
    }

    /** Serves normally again. */
    public synchronized void clearFault() {
        this.fault = null;
    }

    /** The size of a {@link UpstreamFault#HUGE_BODY} body (default 40 MiB). */
    public synchronized void setHugeBodyBytes(long bytes) {
        this.hugeBodyBytes = bytes;
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

    /** The normal response to a GET of {@code path} with {@code query} (null when none). */
    abstract Reply respond(String path, @Nullable String query) throws IOException;

    /** A well-formed body of about {@code bytes} bytes in this upstream's format. */
    abstract Reply hugeBody(long bytes) throws IOException;

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            UpstreamFault current;
            long huge;
            synchronized (this) {
                requests.add(new RecordedRequest(
                        path, query, exchange.getRequestHeaders().getFirst("User-Agent")));
                current = fault;
                huge = hugeBodyBytes;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, Reply.text(405, "text/plain", "GET only"));
                return;
            }
            Reply reply = respond(path, query);
            if (current == null || reply.status() == 404) {
                send(exchange, reply);
                return;
            }
            switch (current) {
                case TIMEOUT -> {
                    try {
                        Thread.sleep(TIMEOUT_DELAY_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    send(exchange, reply);
                }
                case TOO_MANY_REQUESTS -> {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    send(exchange, Reply.text(429, "text/plain", "Retry later"));
                }
                case SERVER_ERROR ->
                    send(exchange, Reply.text(500, "text/plain", "Internal Server Error"));
                case HTML_ERROR_PAGE ->
                    send(
                            exchange,
                            Reply.text(
                                    200,
                                    "text/html; charset=utf-8",
                                    "<!DOCTYPE html><html lang=\"fr\"><head><title>Maintenance"
                                            + "</title></head><body><h1>Service momentanément"
                                            + " indisponible</h1><p>Les fichiers de données"
                                            + " ouvertes ne sont pas encore disponibles.</p>"
                                            + "</body></html>"));
                case TRUNCATED_BODY -> {
                    byte[] body = reply.body();
                    byte[] half = java.util.Arrays.copyOf(body, body.length / 2);
                    send(exchange, new Reply(reply.status(), reply.contentType(), half));
                }
                case HUGE_BODY -> send(exchange, hugeBody(huge));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("fake upstream could not answer: {}", e.toString());
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
