package org.parvis.web;

import java.util.function.BiConsumer;

/**
 * The headers every API answer carries: no content sniffing, a content security policy that lets
 * a JSON answer load and embed nothing, no referrer, and open CORS for reading (the data is open;
 * no credentials are ever involved).
 *
 * <p>Stateless and thread-safe.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** Sets the headers through {@code setter} (name, value). */
    static void apply(BiConsumer<String, String> setter) {
        setter.accept("X-Content-Type-Options", "nosniff");
        setter.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setter.accept("Referrer-Policy", "no-referrer");
        setter.accept("Access-Control-Allow-Origin", "*");
    }
}
