package org.parvis.alert;

import java.net.URI;
import java.time.Duration;

/**
 * How a node runs alerts: the SMTP server, the public base URL put in links (e.g. {@code
 * https://parvis.example.org}), how long an unconfirmed subscription waits, and the request
 * limits per address and per client.
 *
 * <p>Immutable and thread-safe.
 */
public record AlertSettings(
        MailSettings mail,
        URI publicBaseUrl,
        Duration confirmationTtl,
        int maxRequestsPerAddressPerHour,
        int maxRequestsPerClientPerHour) {

    public static final Duration DEFAULT_CONFIRMATION_TTL = Duration.ofDays(7);
    public static final int DEFAULT_MAX_PER_ADDRESS = 3;
    public static final int DEFAULT_MAX_PER_CLIENT = 20;

    public AlertSettings {
        if (mail == null || publicBaseUrl == null || confirmationTtl == null) {
            throw new IllegalArgumentException(
                    "alerts need mail settings, a public base URL and a confirmation delay");
        }
        String scheme = publicBaseUrl.getScheme();
        if (scheme == null
                || !(scheme.equals("http") || scheme.equals("https"))
                || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("public base URL '" + publicBaseUrl
                    + "' is not an http(s) URL; give the address people reach the node at,"
                    + " e.g. https://parvis.example.org");
        }
        String text = publicBaseUrl.toString();
        publicBaseUrl =
                URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (confirmationTtl.isNegative() || confirmationTtl.isZero()) {
            throw new IllegalArgumentException(
                    "confirmation delay " + confirmationTtl + " must be positive, e.g. 7d");
        }
        if (maxRequestsPerAddressPerHour < 1 || maxRequestsPerClientPerHour < 1) {
            throw new IllegalArgumentException("subscription request limits must be at least 1");
        }
    }

    /** Default delay and limits. */
    public static AlertSettings of(MailSettings mail, URI publicBaseUrl) {
        return new AlertSettings(
                mail,
                publicBaseUrl,
                DEFAULT_CONFIRMATION_TTL,
                DEFAULT_MAX_PER_ADDRESS,
                DEFAULT_MAX_PER_CLIENT);
    }
}
