package org.parvis.alert;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How to reach the SMTP server: host, port, transport security, optional credentials and the
 * sender address. {@link #toString()} never shows the password.
 *
 * <p>Immutable and thread-safe.
 */
public record MailSettings(
        String host,
        int port,
        Tls tls,
        @Nullable String username,
        @Nullable String password,
        String from,
        int timeoutMillis) {

    /** Transport security. */
    public enum Tls {
        /** Plain SMTP (a relay on the same machine or a test server). */
        NONE,
        /** Plain connection upgraded with STARTTLS, which is required (usually port 587). */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        SMTPS;

        public static final List<String> CODES = Arrays.stream(values())
                .map(tls -> tls.name().toLowerCase(Locale.ROOT))
                .toList();

        /** The mode with this lowercase code; throws naming the codes otherwise. */
        public static Tls parse(String code) {
            String value = code.strip().toLowerCase(Locale.ROOT);
            if (!CODES.contains(value)) {
                throw new IllegalArgumentException(
                        "unknown TLS mode '" + code + "'; expected one of " + CODES);
            }
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static final int DEFAULT_TIMEOUT_MILLIS = 20_000;

    public MailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(
                    "the SMTP host is empty; give e.g. smtp.example.org");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(
                    "SMTP port " + port + " is out of range; expected 1 to 65535 (e.g. 587)");
        }
        if (tls == null) {
            throw new IllegalArgumentException(
                    "the TLS mode is missing; expected one of " + Tls.CODES);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException(
                    "give both an SMTP username and a password, or neither");
        }
        if (from == null || !from.contains("@")) {
            throw new IllegalArgumentException("the sender address '" + from
                    + "' is not an address; give e.g. \"Parvis <alerts@example.org>\"");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException(
                    "SMTP timeout " + timeoutMillis + " ms must be positive");
        }
        host = host.strip();
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", tls " + tls
                + (username == null ? "" : ", user " + username + ", password ***") + ", from "
                + from + "]";
    }
}
