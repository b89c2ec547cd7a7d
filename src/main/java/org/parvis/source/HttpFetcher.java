package org.parvis.source;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of the harvesters: GET requests with an explicit connect timeout, a
 * per-request timeout, a descriptive {@code User-Agent} and a cap on the size of a response body.
 * URLs are logged and recorded through {@link #redact} only, since query strings may carry keys.
 *
 * <p>Thread-safe: one instance is shared by every source (the JDK client pools connections).
 *
 * <p>TODO(#4): add a politeness delay per host, retries with backoff honouring {@code Retry-After}
 * and a circuit breaker per source.
 */
public final class HttpFetcher {

    private final Settings settings;
    private final HttpClient client;

    /**
     * How the client behaves.
     *
     * @param connectTimeout time allowed to open a connection
     * @param requestTimeout time allowed from sending the request to receiving the response headers
     * @param maxResponseBytes responses with a larger body are refused
     * @param userAgent sent with every request, e.g. {@code Parvis/1.0 (+https://…)}
     */
    public record Settings(
            Duration connectTimeout,
            Duration requestTimeout,
            long maxResponseBytes,
            String userAgent) {

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
            return new Settings(connectTimeout, requestTimeout, max, userAgent);
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

        Response(URI uri, int status, @Nullable String contentType, byte[] body) {
            this.uri = uri;
            this.status = status;
            this.contentType = contentType;
            this.body = body.clone();
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
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends a GET request and reads the whole body, whatever the status.
     *
     * @throws ResponseTooLargeException when the body exceeds the size cap
     * @throws IOException when the connection fails or times out
     */
    public Response get(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept)
                .GET()
                .build();

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
            return new Response(uri, response.statusCode(), contentType, body);
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
}
