package org.parvis.source;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP client of the harvesters: requests with an explicit connect timeout, a per-request
 * timeout, a descriptive {@code User-Agent} and a cap on the size of a response body. URLs are
 * logged and recorded through {@link #redact} only, since query strings may carry keys.
 *
 * <p>{@link #get} and {@link #post} send one request, as is. {@link #fetch} is what harvests use:
 * it waits for the host's rate limiter (one request every {@code 60 s / requestsPerMinute}),
 * retries failed connections, timeouts, 429 and 5xx responses with exponential backoff honouring
 * {@code Retry-After}, refuses to call a source whose circuit breaker is open (after repeated
 * failures), and for GET requests revalidates what it fetched before with {@code If-None-Match} /
 * {@code If-Modified-Since}, answering a 304 from its bounded in-memory cache. Rate limiting,
 * retries and the breaker are resilience4j's.
 *
 * <p>Thread-safe: one instance is shared by every source (the JDK client pools connections; the
 * limiters, breakers and cache are concurrent).
 */
public final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

    /** Breaker window: the last requests of a source it judges by. */
    private static final int BREAKER_WINDOW = 20;

    private final Settings settings;
    private final HttpClient client;
    private final Map<String, HostLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConditionalCache cache;
    private final RequestRate rate = new RequestRate();

    private record HostLimiter(int requestsPerMinute, RateLimiter limiter) {}

    /**
     * How the client behaves.
     *
     * @param connectTimeout time allowed to open a connection
     * @param requestTimeout time allowed from sending the request to receiving the response headers
     * @param maxResponseBytes responses with a larger body are refused
     * @param userAgent sent with every request, e.g. {@code Parvis/1.0 (+https://…)}
     * @param maxAttempts attempts per request in {@link #fetch}, the first included
     * @param initialBackoff wait before the first retry; doubled at each further one
     * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the retries
     * @param breakerOpenDuration how long a source's open circuit breaker refuses requests
     * @param cacheBytes bodies kept for conditional requests, in bytes (0: none)
     */
    public record Settings(
            Duration connectTimeout,
            Duration requestTimeout,
            long maxResponseBytes,
            String userAgent,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxRetryAfter,
            Duration breakerOpenDuration,
            long cacheBytes) {

        public Settings {
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "connect timeout must be positive, got " + connectTimeout);
            }
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "request timeout must be positive, got " + requestTimeout);
            }
            if (maxResponseBytes < 1) {
                throw new IllegalArgumentException(
                        "response size cap must be positive, got " + maxResponseBytes);
            }
            if (userAgent == null || userAgent.isBlank()) {
                throw new IllegalArgumentException(
                        "a user agent is required, e.g. Parvis/1.0 (+https://…)");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "at least one attempt per request is needed, got " + maxAttempts);
            }
            if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new IllegalArgumentException(
                        "initial backoff must be positive, got " + initialBackoff);
            }
            if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException(
                        "longest Retry-After must not be negative, got " + maxRetryAfter);
            }
            if (breakerOpenDuration == null
                    || breakerOpenDuration.isNegative()
                    || breakerOpenDuration.isZero()) {
                throw new IllegalArgumentException(
                        "circuit breaker open duration must be positive, got "
                                + breakerOpenDuration);
            }
            if (cacheBytes < 0) {
                throw new IllegalArgumentException(
                        "cache size must not be negative, got " + cacheBytes);
            }
        }

        /**
         * Settings with the default retries (4 attempts from 2 s, {@code Retry-After} up to 2
         * min), breaker (10 min open) and cache (16 MiB).
         */
        public Settings(
                Duration connectTimeout,
                Duration requestTimeout,
                long maxResponseBytes,
                String userAgent) {
            this(
                    connectTimeout,
                    requestTimeout,
                    maxResponseBytes,
                    userAgent,
                    4,
                    Duration.ofSeconds(2),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(10),
                    16L * 1024 * 1024);
        }

        /**
         * Defaults for harvesting public platforms: 10 s to connect, 60 s per request, 32 MiB per
         * response, and a user agent naming Parvis, its version and where operators can learn who
         * harvests them.
         */
        public static Settings defaults(String version, URI contact) {
            return new Settings(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    32L * 1024 * 1024,
                    "Parvis/" + version + " (+" + contact + ")");
        }

        /** The same settings with another response size cap. */
        public Settings withMaxResponseBytes(long max) {
            return new Settings(
                    connectTimeout,
                    requestTimeout,
                    max,
                    userAgent,
                    maxAttempts,
                    initialBackoff,
                    maxRetryAfter,
                    breakerOpenDuration,
                    cacheBytes);
        }

        /** The same settings with another request timeout. */
        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(
                    connectTimeout,
                    timeout,
                    maxResponseBytes,
                    userAgent,
                    maxAttempts,
                    initialBackoff,
                    maxRetryAfter,
                    breakerOpenDuration,
                    cacheBytes);
        }

        /** The same settings with other retries. */
        public Settings withRetries(
                int attempts, Duration firstBackoff, Duration longestRetryAfter) {
            return new Settings(
                    connectTimeout,
                    requestTimeout,
                    maxResponseBytes,
                    userAgent,
                    attempts,
                    firstBackoff,
                    longestRetryAfter,
                    breakerOpenDuration,
                    cacheBytes);
        }
    }

    /**
     * Who a {@link #fetch} is for: the source (its circuit breaker) and the request rate allowed
     * to its host.
     *
     * <p>Immutable and thread-safe.
     */
    public record Policy(String sourceId, int requestsPerMinute) {
        public Policy {
            if (sourceId == null || sourceId.isBlank()) {
                throw new IllegalArgumentException("a fetch policy needs the source id");
            }
            if (requestsPerMinute < 1) {
                throw new IllegalArgumentException("source " + sourceId
                        + ": request rate must be at least 1 per minute, got "
                        + requestsPerMinute);
            }
        }

        /** The policy of a configured source. */
        public static Policy of(SourceConfig source) {
            return new Policy(source.id(), source.requestsPerMinute());
        }
    }

    /**
     * One request for {@link #fetch}: GET, or POST with a body (e.g. a GraphQL query). Only GET
     * requests are revalidated from the cache.
     *
     * <p>Immutable and thread-safe.
     */
    public record Exchange(
            String method,
            URI uri,
            String accept,
            @Nullable String contentType,
            byte @Nullable [] body) {

        public Exchange {
            if (!"GET".equals(method) && !"POST".equals(method)) {
                throw new IllegalArgumentException("only GET and POST are sent, got " + method);
            }
            if (uri == null || accept == null) {
                throw new IllegalArgumentException("a request needs a URL and an Accept header");
            }
            if ("POST".equals(method) && (body == null || contentType == null)) {
                throw new IllegalArgumentException(
                        "a POST to " + redact(uri) + " needs a body and its content type");
            }
            body = body == null ? null : body.clone();
        }

        public static Exchange get(URI uri, String accept) {
            return new Exchange("GET", uri, accept, null, null);
        }

        public static Exchange post(URI uri, String contentType, byte[] body, String accept) {
            return new Exchange("POST", uri, accept, contentType, body);
        }
    }

    /**
     * Told of each attempt {@link #fetch} makes, so a harvest can count its requests and bytes.
     *
     * <p>Implementations must be thread-safe.
     */
    public interface Tally {
        /** Counts nothing. */
        Tally NONE = new Tally() {};

        /** A request was sent and {@code bodyBytes} came back (0 if it failed or was a 304). */
        default void attempted(long bodyBytes) {}

        /** The request is sent again after a failure or a 429/5xx response. */
        default void retrying(String reason) {}

        /** A conditional request was answered 304 and served from the cache. */
        default void notModified() {}
    }

    /** Thrown when a source's circuit breaker is open: its platform failed too often lately. */
    public static final class CircuitOpenException extends IOException {
        CircuitOpenException(String sourceId, Duration openFor) {
            super("source " + sourceId + " failed repeatedly; its requests are suspended for up"
                    + " to " + openFor.toMinutes() + " min (circuit breaker open), the next"
                    + " harvest tries again");
        }
    }

    /**
     * A response read in full: the URL asked for, the HTTP status, the {@code Content-Type} header
     * if any, and the body, never larger than the size cap.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Response {
        private final URI uri;
        private final int status;
        private final @Nullable String contentType;
        private final byte[] body;
        private final HttpHeaders headers;
        private final boolean notModified;

        Response(URI uri, int status, @Nullable String contentType, byte[] body) {
            this(uri, status, contentType, body, HttpHeaders.of(Map.of(), (a, b) -> true), false);
        }

        Response(
                URI uri,
                int status,
                @Nullable String contentType,
                byte[] body,
                HttpHeaders headers,
                boolean notModified) {
            this.uri = uri;
            this.status = status;
            this.contentType = contentType;
            this.body = body.clone();
            this.headers = headers;
            this.notModified = notModified;
        }

        /** The first value of a response header, if present. */
        public java.util.Optional<String> findHeader(String name) {
            return headers.firstValue(name);
        }

        /**
         * Whether the server answered 304 to a conditional request: the status and body are then
         * those cached from the previous response.
         */
        public boolean isNotModified() {
            return notModified;
        }

        public URI uri() {
            return uri;
        }

        public int status() {
            return status;
        }

        public @Nullable String contentType() {
            return contentType;
        }

        /** A copy of the body. */
        public byte[] body() {
            return body.clone();
        }

        /** The body's length in bytes. */
        public int size() {
            return body.length;
        }

        /** Whether the status is 2xx. */
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return "Response[" + redact(uri) + ", " + status + ", " + body.length + " bytes]";
        }
    }

    /** Thrown when a response body is larger than the configured cap. */
    public static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(URI uri, long maxBytes) {
            super("response from " + redact(uri) + " is larger than the cap of " + maxBytes
                    + " bytes; raise the cap only if the platform really publishes pages "
                    + "that large");
        }
    }

    public HttpFetcher(Settings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.cache = new ConditionalCache(settings.cacheBytes());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends a request the polite and resilient way (see the class comment): rate-limited per
     * host, retried, guarded by the source's circuit breaker, revalidated from the cache.
     *
     * @return the last response, whatever its status, once the retries are spent
     * @throws CircuitOpenException when the source's breaker is open
     * @throws ResponseTooLargeException when the body exceeds the size cap (not retried)
     * @throws IOException when every attempt failed to connect or timed out
     */
    public Response fetch(Policy policy, Exchange exchange, Tally tally)
            throws IOException, InterruptedException {
        CircuitBreaker breaker = breakerFor(policy.sourceId());
        RateLimiter limiter = limiterFor(exchange.uri(), policy.requestsPerMinute());
        Retry.Context<Response> retry = retryFor(policy.sourceId()).context();
        while (true) {
            if (!breaker.tryAcquirePermission()) {
                throw new CircuitOpenException(policy.sourceId(), settings.breakerOpenDuration());
            }
            Response response;
            long start = breaker.getCurrentTimestamp();
            try {
                response = attempt(limiter, exchange, tally);
            } catch (ResponseTooLargeException e) {
                breaker.onSuccess(
                        breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                throw e;
            } catch (IOException e) {
                breaker.onError(
                        breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
                tally.retrying(describe(e));
                afterFailure(retry, e);
                continue;
            }
            long elapsed = breaker.getCurrentTimestamp() - start;
            if (isRetryable(response.status())) {
                breaker.onError(
                        elapsed,
                        breaker.getTimestampUnit(),
                        new IOException("HTTP " + response.status()));
            } else {
                breaker.onSuccess(elapsed, breaker.getTimestampUnit());
            }
            if (retry.onResult(response)) {
                checkInterrupted();
                LOG.debug(
                        "{}: HTTP {} from {}; retrying",
                        policy.sourceId(),
                        response.status(),
                        redact(exchange.uri()));
                tally.retrying("HTTP " + response.status());
                continue;
            }
            retry.onComplete();
            return response;
        }
    }

    /** The highest number of requests sent to one host within any 60-second window so far. */
    public int peakRequestsPerMinute() {
        return rate.peak();
    }

    /**
     * The shortest time between two requests to the same host so far, in milliseconds; -1 before
     * any host was asked twice.
     */
    public long shortestGapMillis() {
        return rate.shortestGapMillis();
    }

    private Response attempt(RateLimiter limiter, Exchange exchange, Tally tally)
            throws IOException, InterruptedException {
        if (!limiter.acquirePermission()) {
            checkInterrupted();
            throw new IOException("no request slot for " + redact(exchange.uri())
                    + " within the rate limiter's timeout");
        }
        ConditionalCache.Entry cached = "GET".equals(exchange.method())
                ? cache.find(exchange.uri(), exchange.accept())
                : null;
        Map<String, String> conditions = cached == null ? Map.of() : cached.conditions();
        rate.record(exchange.uri().getHost());
        Response response;
        try {
            response = send(exchange, conditions);
        } catch (IOException e) {
            tally.attempted(0);
            throw e;
        }
        tally.attempted(response.size());
        if (response.status() == 304 && cached != null) {
            tally.notModified();
            return cached.toResponse(exchange.uri(), response.headers);
        }
        if ("GET".equals(exchange.method()) && response.status() == 200) {
            cache.store(exchange.uri(), exchange.accept(), response);
        }
        return response;
    }

    private void afterFailure(Retry.Context<Response> retry, IOException e)
            throws IOException, InterruptedException {
        try {
            retry.onError(e);
        } catch (IOException | RuntimeException thrown) {
            throw thrown;
        } catch (Exception other) {
            throw new IOException(other);
        }
        checkInterrupted();
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("harvest interrupted while waiting to retry");
        }
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private CircuitBreaker breakerFor(String sourceId) {
        return breakers.computeIfAbsent(
                sourceId,
                id -> CircuitBreaker.of(
                        "source-" + id,
                        CircuitBreakerConfig.custom()
                                .slidingWindowType(
                                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                                .slidingWindowSize(BREAKER_WINDOW)
                                .minimumNumberOfCalls(BREAKER_WINDOW / 2)
                                .failureRateThreshold(50)
                                .waitDurationInOpenState(settings.breakerOpenDuration())
                                .permittedNumberOfCallsInHalfOpenState(2)
                                .recordExceptions(IOException.class)
                                .build()));
    }

    /** The host's limiter; when sources share a host, the lowest configured rate applies. */
    private RateLimiter limiterFor(URI uri, int requestsPerMinute) {
        String host = uri.getHost() + ":" + uri.getPort();
        return limiters.compute(host, (h, old) -> {
                    if (old != null && old.requestsPerMinute() <= requestsPerMinute) {
                        return old;
                    }
                    RateLimiterConfig config = RateLimiterConfig.custom()
                            .limitForPeriod(1)
                            .limitRefreshPeriod(permitPeriod(requestsPerMinute))
                            .timeoutDuration(Duration.ofMinutes(10))
                            .build();
                    return new HostLimiter(requestsPerMinute, RateLimiter.of("host-" + h, config));
                })
                .limiter();
    }

    /**
     * One permit per period, the period chosen so that no sliding minute holds more than {@code
     * requestsPerMinute} requests: permits come at period boundaries, so a minute can see one
     * more permit than it holds whole periods.
     */
    static Duration permitPeriod(int requestsPerMinute) {
        long minute = TimeUnit.MINUTES.toNanos(1);
        return requestsPerMinute == 1
                ? Duration.ofNanos(minute).plusSeconds(1)
                : Duration.ofNanos(minute / (requestsPerMinute - 1));
    }

    private Retry retryFor(String sourceId) {
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(
                settings.initialBackoff(), 2.0, settings.initialBackoff().multipliedBy(16));
        IntervalBiFunction<Response> interval = (attempt, outcome) ->
                retryAfterMillis(outcome).orElseGet(() -> backoff.apply(attempt));
        RetryConfig config = RetryConfig.<Response>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnResult(response -> isRetryable(response.status())
                        && retryAfterMillis(Either.right(response))
                                .map(ms -> ms <= settings.maxRetryAfter().toMillis())
                                .orElse(true))
                .retryOnException(
                        e -> e instanceof IOException && !(e instanceof ResponseTooLargeException))
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of("source-" + sourceId, config);
    }

    /** The wait a 429 or 503 response asks for ({@code Retry-After}: seconds or an HTTP date). */
    private static java.util.Optional<Long> retryAfterMillis(Either<Throwable, Response> outcome) {
        if (outcome.isLeft()) {
            return java.util.Optional.empty();
        }
        return outcome.get().findHeader("Retry-After").flatMap(HttpFetcher::parseRetryAfter);
    }

    static java.util.Optional<Long> parseRetryAfter(String value) {
        String text = value.strip();
        try {
            if (text.matches("\\d{1,9}")) {
                return java.util.Optional.of(Long.parseLong(text) * 1000);
            }
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return java.util.Optional.of(
                    Math.max(0, Duration.between(Instant.now(), at).toMillis()));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private Response send(Exchange exchange, Map<String, String> conditions)
            throws IOException, InterruptedException {
        URI uri = exchange.uri();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", exchange.accept());
        conditions.forEach(builder::header);
        if ("POST".equals(exchange.method())) {
            builder.header("Content-Type", exchange.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
        } else {
            builder.GET();
        }
        HttpRequest request = builder.build();

        HttpResponse<InputStream> response =
                client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.maxResponseBytes()) {
                throw new ResponseTooLargeException(uri, settings.maxResponseBytes());
            }
            byte[] body = in.readNBytes(
                    Math.toIntExact(Math.min(settings.maxResponseBytes() + 1, Integer.MAX_VALUE)));
            if (body.length > settings.maxResponseBytes()) {
                throw new ResponseTooLargeException(uri, settings.maxResponseBytes());
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new Response(
                    uri, response.statusCode(), contentType, body, response.headers(), false);
        }
    }

    /**
     * A one-line description of a failed request: the exception's message, or its kind when the
     * JDK gives none (a refused connection is a bare {@code ConnectException}).
     */
    public static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * The URL without its query string, fragment and credentials: what may be logged and recorded.
     */
    public static String redact(URI uri) {
        StringBuilder text = new StringBuilder();
        if (uri.getScheme() != null) {
            text.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            text.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        return text.toString();
    }

    /** The peak number of requests to one host within a sliding minute. Thread-safe. */
    private static final class RequestRate {
        private final Map<String, Deque<Long>> byHost = new LinkedHashMap<>();
        private int peak;
        private long shortestGapNanos = Long.MAX_VALUE;

        synchronized void record(String host) {
            long now = System.nanoTime();
            Deque<Long> times = byHost.computeIfAbsent(host, h -> new ArrayDeque<>());
            if (!times.isEmpty()) {
                shortestGapNanos = Math.min(shortestGapNanos, now - times.peekLast());
            }
            times.addLast(now);
            while (!times.isEmpty() && now - times.peekFirst() >= TimeUnit.MINUTES.toNanos(1)) {
                times.removeFirst();
            }
            peak = Math.max(peak, times.size());
        }

        synchronized int peak() {
            return peak;
        }

        synchronized long shortestGapMillis() {
            return shortestGapNanos == Long.MAX_VALUE
                    ? -1
                    : TimeUnit.NANOSECONDS.toMillis(shortestGapNanos);
        }
    }

    /**
     * The bodies of recent GET responses that carried an {@code ETag} or {@code Last-Modified},
     * least recently used first out once their total size passes the cap. Thread-safe.
     */
    private static final class ConditionalCache {

        record Entry(
                @Nullable String etag,
                @Nullable String lastModified,
                int status,
                @Nullable String contentType,
                byte[] body) {

            Map<String, String> conditions() {
                Map<String, String> headers = new LinkedHashMap<>();
                if (etag != null) {
                    headers.put("If-None-Match", etag);
                }
                if (lastModified != null) {
                    headers.put("If-Modified-Since", lastModified);
                }
                return headers;
            }

            Response toResponse(URI uri, HttpHeaders headers) {
                return new Response(uri, status, contentType, body, headers, true);
            }
        }

        private final long capBytes;
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
        private long sizeBytes;

        ConditionalCache(long capBytes) {
            this.capBytes = capBytes;
        }

        synchronized @Nullable Entry find(URI uri, String accept) {
            return entries.get(uri + " " + accept);
        }

        synchronized void store(URI uri, String accept, Response response) {
            String etag = response.findHeader("ETag").orElse(null);
            String lastModified = response.findHeader("Last-Modified").orElse(null);
            String key = uri + " " + accept;
            Entry old = entries.remove(key);
            if (old != null) {
                sizeBytes -= old.body().length;
            }
            if ((etag == null && lastModified == null) || response.size() > capBytes) {
                return;
            }
            Entry entry = new Entry(
                    etag, lastModified, response.status(), response.contentType(), response.body);
            entries.put(key, entry);
            sizeBytes += response.size();
            var oldest = entries.entrySet().iterator();
            while (sizeBytes > capBytes && oldest.hasNext()) {
                sizeBytes -= oldest.next().getValue().body().length;
                oldest.remove();
            }
        }
    }
}
