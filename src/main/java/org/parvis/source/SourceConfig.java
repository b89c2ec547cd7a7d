package org.parvis.source;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.Licence;
import org.parvis.model.SourceKey;
import org.parvis.source.dataspace.DataspaceConnector;
import org.parvis.source.decidim.DecidimConnector;
import org.parvis.source.opendata.DecidimOpenDataConnector;
import org.parvis.theme.ThemeClassifier;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A configured platform instance or feed that Parvis harvests: its short id (the namespace of its
 * records' {@link SourceKey}s), the connector kind that reads it, where it lives, what to call it,
 * the defaults its records fall back on (organiser, territory), its languages, how often to
 * harvest it and the licence of its data. {@code sample} marks demonstration data, never real.
 *
 * <p>Optional per-source tuning: {@code categoryThemes} maps the source's own category labels to
 * theme ids (comma-separated, or {@code -} for none), overriding the built-in mapping; {@code
 * scopes} maps scope labels the gazetteer cannot place ("Quartier Bastide") to area ids; {@code
 * requestsPerMinute} caps the request rate to the source's host.
 *
 * <p>Validated on construction; every message names the source, the bad value and what is
 * allowed. Immutable and thread-safe.
 */
public record SourceConfig(
        String id,
        String kind,
        URI baseUrl,
        String name,
        @Nullable String organiserName,
        @Nullable AreaId territory,
        List<String> locales,
        Duration interval,
        Licence licence,
        boolean sample,
        Map<String, String> categoryThemes,
        Map<String, AreaId> scopes,
        int requestsPerMinute) {

    /** The connector kinds this build can harvest. */
    public static final Set<String> KINDS = Set.of(
            UnifiedJsonConnector.KIND,
            DecidimConnector.KIND,
            DecidimOpenDataConnector.KIND,
            DataspaceConnector.KIND);

    /** The shortest harvest interval accepted, so that no platform is polled aggressively. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** Requests per minute to one host unless configured otherwise. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

    /** The highest request rate accepted per source, so that no platform is hammered. */
    public static final int MAX_REQUESTS_PER_MINUTE = 6_000;

    public SourceConfig {
        SourceKey.requireSourceId(id);
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("source '" + id + "': unknown kind '" + kind
                    + "'; expected one of " + new TreeSet<>(KINDS));
        }
        baseUrl = requireBaseUrl(id, baseUrl);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "source '" + id + "' needs a display name, e.g. \"Participation Lyon\"");
        }
        name = name.strip();
        organiserName =
                organiserName == null || organiserName.isBlank() ? null : organiserName.strip();
        locales = requireLocales(id, locales);
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("source '" + id + "': harvest interval " + interval
                    + " is too short; expected at least " + MIN_INTERVAL + " (e.g. 6h)");
        }
        if (licence == null) {
            throw new IllegalArgumentException("source '" + id
                    + "' needs a licence; use id 'unknown' when the platform states none");
        }
        categoryThemes = requireCategoryThemes(id, categoryThemes);
        scopes = requireScopes(id, scopes);
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            throw new IllegalArgumentException("source '" + id + "': requestsPerMinute "
                    + requestsPerMinute + " is out of range; expected 1 to "
                    + MAX_REQUESTS_PER_MINUTE + " (default " + DEFAULT_REQUESTS_PER_MINUTE + ")");
        }
    }

    /** A source without category overrides or scope mappings, at the default request rate. */
    public SourceConfig(
            String id,
            String kind,
            URI baseUrl,
            String name,
            @Nullable String organiserName,
            @Nullable AreaId territory,
            List<String> locales,
            Duration interval,
            Licence licence,
            boolean sample) {
        this(
                id,
                kind,
                baseUrl,
                name,
                organiserName,
                territory,
                locales,
                interval,
                licence,
                sample,
                Map.of(),
                Map.of(),
                DEFAULT_REQUESTS_PER_MINUTE);
    }

    /** The same source with these category → theme overrides. */
    public SourceConfig withCategoryThemes(Map<String, String> overrides) {
        return new SourceConfig(
                id,
                kind,
                baseUrl,
                name,
                organiserName,
                territory,
                locales,
                interval,
                licence,
                sample,
                overrides,
                scopes,
                requestsPerMinute);
    }

    /** The same source with these scope label → area mappings. */
    public SourceConfig withScopes(Map<String, AreaId> labelToArea) {
        return new SourceConfig(
                id,
                kind,
                baseUrl,
                name,
                organiserName,
                territory,
                locales,
                interval,
                licence,
                sample,
                categoryThemes,
                labelToArea,
                requestsPerMinute);
    }

    /** The same source harvested every {@code period}. */
    public SourceConfig withInterval(Duration period) {
        return new SourceConfig(
                id,
                kind,
                baseUrl,
                name,
                organiserName,
                territory,
                locales,
                period,
                licence,
                sample,
                categoryThemes,
                scopes,
                requestsPerMinute);
    }

    /** The same source with another request rate cap. */
    public SourceConfig withRequestsPerMinute(int rate) {
        return new SourceConfig(
                id,
                kind,
                baseUrl,
                name,
                organiserName,
                territory,
                locales,
                interval,
                licence,
                sample,
                categoryThemes,
                scopes,
                rate);
    }

    /** The URL of {@code relative} (a path, possibly with a query) below the base URL. */
    public URI resolve(String relative) {
        String path = relative.startsWith("/") ? relative.substring(1) : relative;
        return URI.create(baseUrl + "/" + path);
    }

    private static URI requireBaseUrl(String id, @Nullable URI url) {
        if (url == null
                || !url.isAbsolute()
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("source '" + id + "': base URL '" + url
                    + "' must be an absolute http(s) URL, e.g. https://participer.example.fr");
        }
        if (url.getRawQuery() != null
                || url.getRawFragment() != null
                || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "source '" + id + "': base URL '" + HttpFetcher.redact(url)
                            + "' must not carry a query, fragment or credentials; give the "
                            + "platform's root URL");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    private static Map<String, String> requireCategoryThemes(
            String id, @Nullable Map<String, String> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return Map.of();
        }
        try {
            ThemeClassifier.requireValidOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "source '" + id + "': categoryThemes " + e.getMessage(), e);
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    private static Map<String, AreaId> requireScopes(
            String id, @Nullable Map<String, AreaId> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return Map.of();
        }
        scopes.forEach((label, area) -> {
            if (label == null || label.isBlank() || area == null) {
                throw new IllegalArgumentException("source '" + id + "': scope mapping '" + label
                        + "' → " + area + " needs a label and an area id, e.g. "
                        + "\"Quartier Bastide\": fr:commune:33063");
            }
        });
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
    }

    private static List<String> requireLocales(String id, @Nullable List<String> locales) {
        if (locales == null || locales.isEmpty()) {
            return List.of("fr");
        }
        for (String locale : locales) {
            if (locale == null || !locale.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new IllegalArgumentException("source '" + id + "': malformed language tag '"
                        + locale + "'; expected e.g. fr, en, pt-BR");
            }
        }
        return List.copyOf(locales);
    }
}
