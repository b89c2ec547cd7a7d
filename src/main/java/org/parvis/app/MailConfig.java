package org.parvis.app;

import org.jspecify.annotations.Nullable;
import org.parvis.alert.AlertSettings;
import org.parvis.alert.MailSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code mail:} block of {@code parvis.yml}, which turns e-mail alerts on, with each key
 * overridable by an environment variable (which wins), so secrets can stay out of the file:
 *
 * <pre>
 * mail:
 *   host: smtp.example.org          # PARVIS_MAIL_HOST (alerts are on when a host is given)
 *   port: 587                       # PARVIS_MAIL_PORT; default 25, 587 or 465 by TLS mode
 *   tls: starttls                   # PARVIS_MAIL_TLS: none | starttls | smtps; default starttls
 *   username: parvis                # PARVIS_MAIL_USERNAME
 *   password: …                     # PARVIS_MAIL_PASSWORD (never logged)
 *   from: Parvis &lt;alertes@example.org&gt;  # PARVIS_MAIL_FROM
 *   publicUrl: https://parvis.example.org  # PARVIS_PUBLIC_URL; links in mails; default
 *                                   # http://localhost:PORT
 *   confirmationTtl: 7d             # PARVIS_MAIL_CONFIRMATION_TTL; unconfirmed requests expire
 * </pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password.
 */
record MailConfig(
        @Nullable String host,
        @Nullable Integer port,
        @Nullable String tls,
        @Nullable String username,
        @Nullable String password,
        @Nullable String from,
        @Nullable String publicUrl,
        @Nullable String confirmationTtl) {

    static final MailConfig NONE = new MailConfig(null, null, null, null, null, null, null, null);

    /** This block with every variable set in {@code env} replacing its key. */
    MailConfig withEnvironment(Map<String, String> env) {
        return new MailConfig(
                pick(env, "PARVIS_MAIL_HOST", host),
                env.containsKey("PARVIS_MAIL_PORT")
                        ? parsePort(env.get("PARVIS_MAIL_PORT"), "PARVIS_MAIL_PORT")
                        : port,
                pick(env, "PARVIS_MAIL_TLS", tls),
                pick(env, "PARVIS_MAIL_USERNAME", username),
                pick(env, "PARVIS_MAIL_PASSWORD", password),
                pick(env, "PARVIS_MAIL_FROM", from),
                pick(env, "PARVIS_PUBLIC_URL", publicUrl),
                pick(env, "PARVIS_MAIL_CONFIRMATION_TTL", confirmationTtl));
    }

    /** Whether alerts are configured (a mail host is given). */
    boolean enabled() {
        return host != null && !host.isBlank();
    }

    /**
     * The alert settings, with links to {@code defaultPublicUrl} unless {@code publicUrl} is set.
     * Throws {@link ParvisConfigException} naming the key and the fix.
     */
    AlertSettings toSettings(URI defaultPublicUrl) {
        try {
            MailSettings.Tls mode =
                    tls == null ? MailSettings.Tls.STARTTLS : MailSettings.Tls.parse(tls);
            int defaultPort = switch (mode) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case SMTPS -> 465;
            };
            if (from == null || from.isBlank()) {
                throw new IllegalArgumentException("'from' is required: the sender of alert mails,"
                        + " e.g. \"Parvis <alertes@example.org>\" (or PARVIS_MAIL_FROM)");
            }
            MailSettings mail = new MailSettings(
                    host == null ? "" : host,
                    port == null ? defaultPort : port,
                    mode,
                    blankToNull(username),
                    blankToNull(password),
                    from.strip(),
                    MailSettings.DEFAULT_TIMEOUT_MILLIS);
            Duration ttl = confirmationTtl == null
                    ? AlertSettings.DEFAULT_CONFIRMATION_TTL
                    : ParvisConfig.parseDuration(confirmationTtl);
            return new AlertSettings(
                    mail,
                    publicUrl == null ? defaultPublicUrl : parseUrl(publicUrl),
                    ttl,
                    AlertSettings.DEFAULT_MAX_PER_ADDRESS,
                    AlertSettings.DEFAULT_MAX_PER_CLIENT);
        } catch (IllegalArgumentException e) {
            throw new ParvisConfigException("mail configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MailConfig[" + host + ":" + port + ", tls " + tls
                + (username == null ? "" : ", user " + username)
                + (password == null ? "" : ", password ***") + ", from " + from + "]";
    }

    private static @Nullable String pick(
            Map<String, String> env, String variable, @Nullable String value) {
        String set = env.get(variable);
        return set == null || set.isBlank() ? value : set.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer parsePort(String text, String where) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ParvisConfigException(
                    where + " '" + text + "' is not a port number; expected e.g. 587", e);
        }
    }

    private static URI parseUrl(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("publicUrl '" + text + "' is not a URL", e);
        }
    }
}
