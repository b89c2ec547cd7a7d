package org.parvis.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jspecify.annotations.Nullable;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Records every answered request in the Micrometer timer {@value #TIMER}, tagged by route
 * template, method and status. Tags never carry raw paths or query strings, and unknown methods
 * are folded into {@code OTHER}, so the number of series stays bounded whatever clients send.
 *
 * <p>Thread-safe.
 */
final class HttpMetrics {

    static final String TIMER = "http.server.requests";

    /** The route tag of requests that matched no route (404, 405, preflight on unknown paths). */
    static final String UNMATCHED = "unmatched";

    /** The route tag of requests Jetty rejected before routing (malformed path, URL too long). */
    static final String REJECTED = "rejected";

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records one request that took {@code millis}; {@code route} is its template, if it matched.
     */
    void record(String method, @Nullable String route, int status, double millis) {
        Timer.builder(TIMER)
                .description(
                        "HTTP requests answered by the API, by route template, method and status")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", route == null ? UNMATCHED : route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Math.max(0, Math.round(millis * 1_000_000)), TimeUnit.NANOSECONDS);
    }
}
