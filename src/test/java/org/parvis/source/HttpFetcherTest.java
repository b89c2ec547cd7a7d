package org.parvis.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** The resilient path of the shared HTTP client, against a scripted loopback server. */
class HttpFetcherTest {

    /** One scripted answer: status, headers (name, value pairs) and body. */
    private record Answer(int status, List<String> headers, String body, long delayMillis) {
        static Answer ok(String body, String... headers) {
            return new Answer(200, List.of(headers), body, 0);
        }

        static Answer status(int status, String... headers) {
            return new Answer(status, List.of(headers), "", 0);
        }
    }

    private HttpServer server;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<List<String>> seenConditions =
            Collections.synchronizedList(new ArrayList<>());
    private final List<String> seenMethods = Collections.synchronizedList(new ArrayList<>());

    private final HttpFetcher.Settings settings = HttpFetcher.Settings.defaults(
                    "0.0-test", URI.create("https://parvis.example/about"))
            .withRetries(3, Duration.ofMillis(5), Duration.ofSeconds(2));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        seenMethods.add(exchange.getRequestMethod());
        List<String> conditions = new ArrayList<>();
        String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (etag != null) {
            conditions.add("If-None-Match: " + etag);
        }
        seenConditions.add(conditions);
        exchange.getRequestBody().readAllBytes();
        Answer answer = script.isEmpty() ? Answer.ok("{}") : script.poll();
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < answer.headers().size(); i += 2) {
            exchange.getResponseHeaders()
                    .add(answer.headers().get(i), answer.headers().get(i + 1));
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static HttpFetcher.Policy policy(int perMinute) {
        return new HttpFetcher.Policy("test-source", perMinute);
    }

    private static final class Counting implements HttpFetcher.Tally {
        int attempts;
        long bytes;
        int retries;
        int notModified;

        @Override
        public synchronized void attempted(long bodyBytes) {
            attempts++;
            bytes += bodyBytes;
        }

        @Override
        public synchronized void retrying(String reason) {
            retries++;
        }

        @Override
        public synchronized void notModified() {
            notModified++;
        }
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheAskedDelay() throws Exception {
        script.add(Answer.status(429, "Retry-After", "0"));
        script.add(Answer.ok("{\"ok\":true}"));
        Counting tally = new Counting();

        HttpFetcher.Response response = new HttpFetcher(settings)
                .fetch(
                        policy(6000),
                        HttpFetcher.Exchange.get(url("/a"), "application/json"),
                        tally);

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(tally.attempts).isEqualTo(2);
        assertThat(tally.retries).isEqualTo(1);
    }

    @Test
    void retryAfterLongerThanTheLimitEndsTheRetries() throws Exception {
        script.add(Answer.status(429, "Retry-After", "3600"));
        Counting tally = new Counting();

        HttpFetcher.Response response = new HttpFetcher(settings)
                .fetch(
                        policy(6000),
                        HttpFetcher.Exchange.get(url("/a"), "application/json"),
                        tally);

        assertThat(response.status()).isEqualTo(429);
        assertThat(tally.attempts).isEqualTo(1);
        assertThat(seenMethods).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUpToTheLimitThenReturned() throws Exception {
        for (int i = 0; i < 5; i++) {
            script.add(Answer.status(503));
        }
        Counting tally = new Counting();

        HttpFetcher.Response response = new HttpFetcher(settings)
                .fetch(
                        policy(6000),
                        HttpFetcher.Exchange.get(url("/a"), "application/json"),
                        tally);

        assertThat(response.status()).isEqualTo(503);
        assertThat(seenMethods).hasSize(3);
        assertThat(tally.retries).isEqualTo(2);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        script.add(Answer.status(404));

        HttpFetcher.Response response = new HttpFetcher(settings)
                .fetch(
                        policy(6000),
                        HttpFetcher.Exchange.get(url("/a"), "application/json"),
                        HttpFetcher.Tally.NONE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(seenMethods).hasSize(1);
    }

    @Test
    void slowResponseTimesOutOnEveryAttempt() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(200, List.of(), "{}", 1_500));
        }
        HttpFetcher fetcher = new HttpFetcher(settings.withRequestTimeout(Duration.ofMillis(200)));
        Counting tally = new Counting();

        assertThatThrownBy(() -> fetcher.fetch(
                        policy(6000), HttpFetcher.Exchange.get(url("/slow"), "text/plain"), tally))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(tally.attempts).isEqualTo(3);
    }

    @Test
    void unchangedResourceIsRevalidatedAndServedFromTheCache() throws Exception {
        script.add(Answer.ok("[1,2,3]", "ETag", "\"v1\""));
        script.add(Answer.status(304, "ETag", "\"v1\""));
        HttpFetcher fetcher = new HttpFetcher(settings);
        HttpFetcher.Exchange get = HttpFetcher.Exchange.get(url("/list"), "application/json");
        Counting tally = new Counting();

        HttpFetcher.Response first = fetcher.fetch(policy(6000), get, tally);
        HttpFetcher.Response second = fetcher.fetch(policy(6000), get, tally);

        assertThat(first.isNotModified()).isFalse();
        assertThat(second.isNotModified()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(seenConditions.get(1)).containsExactly("If-None-Match: \"v1\"");
        assertThat(tally.notModified).isEqualTo(1);
        assertThat(tally.bytes).isEqualTo(first.size());
    }

    @Test
    void postSendsTheBodyAndIsNeverConditional() throws Exception {
        script.add(Answer.ok("{\"data\":{}}", "ETag", "\"x\""));
        script.add(Answer.ok("{\"data\":{}}", "ETag", "\"x\""));
        HttpFetcher fetcher = new HttpFetcher(settings);
        HttpFetcher.Exchange post = HttpFetcher.Exchange.post(
                url("/api"),
                "application/json",
                "{\"query\":\"{ decidim { version } }\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");

        fetcher.fetch(policy(6000), post, HttpFetcher.Tally.NONE);
        fetcher.fetch(policy(6000), post, HttpFetcher.Tally.NONE);

        assertThat(seenMethods).containsExactly("POST", "POST");
        assertThat(seenConditions).allSatisfy(c -> assertThat(c).isEmpty());
    }

    @Test
    void repeatedFailuresOpenTheSourcesCircuitAndSpareThePlatform() throws Exception {
        HttpFetcher fetcher =
                new HttpFetcher(settings.withRetries(1, Duration.ofMillis(5), Duration.ZERO));
        for (int i = 0; i < 10; i++) {
            script.add(Answer.status(500));
        }
        for (int i = 0; i < 10; i++) {
            fetcher.fetch(
                    policy(6000),
                    HttpFetcher.Exchange.get(url("/down"), "text/plain"),
                    HttpFetcher.Tally.NONE);
        }
        int seen = seenMethods.size();

        assertThatThrownBy(() -> fetcher.fetch(
                        policy(6000),
                        HttpFetcher.Exchange.get(url("/down"), "text/plain"),
                        HttpFetcher.Tally.NONE))
                .isInstanceOf(HttpFetcher.CircuitOpenException.class)
                .hasMessageContaining("test-source");
        assertThat(seenMethods).hasSize(seen);
        // Another source on the same host is not affected.
        assertThat(fetcher.fetch(
                                new HttpFetcher.Policy("other", 6000),
                                HttpFetcher.Exchange.get(url("/ok"), "text/plain"),
                                HttpFetcher.Tally.NONE)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void secondRequestWaitsForTheHostsRateLimitAndCanBeInterrupted() throws Exception {
        HttpFetcher fetcher = new HttpFetcher(settings);
        HttpFetcher.Exchange get = HttpFetcher.Exchange.get(url("/a"), "text/plain");
        fetcher.fetch(policy(1), get, HttpFetcher.Tally.NONE);
        AtomicReference<Throwable> outcome = new AtomicReference<>();

        Thread second = new Thread(() -> {
            try {
                fetcher.fetch(policy(1), get, HttpFetcher.Tally.NONE);
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        second.start();
        second.join(300);

        assertThat(second.isAlive()).isTrue();
        assertThat(seenMethods).hasSize(1);
        second.interrupt();
        second.join();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(seenMethods).hasSize(1);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(HttpFetcher.parseRetryAfter("120")).contains(120_000L);
        assertThat(HttpFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(0L);
        assertThat(HttpFetcher.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void permitPeriodKeepsEverySlidingMinuteWithinTheRate() {
        for (int perMinute : new int[] {1, 2, 30, 60, 100, 6000}) {
            Duration period = HttpFetcher.permitPeriod(perMinute);
            // Permits at period boundaries: a minute holds at most floor(60 s / period) + 1.
            long mostInAMinute = Duration.ofMinutes(1).toNanos() / period.toNanos() + 1;
            assertThat(mostInAMinute).as("%d per minute", perMinute).isLessThanOrEqualTo(perMinute);
        }
    }
}
