package org.parvis.web;

import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;
import org.parvis.theme.Theme;
import org.parvis.theme.ThemeCatalog;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/themes}: the theme list with labels in one language ({@code lang}, else the
 * best match of {@code Accept-Language}, else English), all labels, and where each theme fits in
 * EU data themes, EuroVoc domains and SDGs.
 *
 * <p>Immutable and thread-safe.
 */
final class ThemesEndpoint {

    static final String PATH = "/api/v1/themes";

    static final String DEFAULT_LANGUAGE = "en";

    private final ThemeCatalog catalog;

    ThemesEndpoint(ThemeCatalog catalog) {
        this.catalog = catalog;
    }

    /** The body of {@code GET /api/v1/themes}. */
    record ThemeList(String language, List<ThemeView> themes) {}

    /**
     * One theme as the API shows it; {@code labels} follow {@link ThemeCatalog#LABEL_LANGUAGES}.
     */
    record ThemeView(
            String id,
            String label,
            Map<String, String> labels,
            List<String> euDataThemes,
            List<String> eurovocDomains,
            List<Integer> sdgs) {}

    void handle(Context ctx) {
        QueryParams params =
                QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of("lang"));
        String language = params.findSingle("lang")
                .map(ThemesEndpoint::requireLanguage)
                .orElseGet(() -> negotiate(ctx.header("Accept-Language")));

        List<ThemeView> views = new ArrayList<>();
        for (Theme theme : catalog.listThemes()) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String labelLanguage : ThemeCatalog.LABEL_LANGUAGES) {
                labels.put(labelLanguage, theme.label(labelLanguage));
            }
            views.add(new ThemeView(
                    theme.id(),
                    theme.label(language),
                    labels,
                    theme.euDataThemes(),
                    theme.eurovocDomains(),
                    theme.sdgs()));
        }
        ctx.header("Vary", "Accept-Language");
        Responses.json(ctx, new ThemeList(language, views));
    }

    private static String requireLanguage(String lang) {
        String normalised = lang.strip().toLowerCase(Locale.ROOT);
        if (!ThemeCatalog.LABEL_LANGUAGES.contains(normalised)) {
            throw Problem.badParameter(
                            "lang",
                            lang,
                            "parameter 'lang' is '" + Problem.shown(lang)
                                    + "'; theme labels exist in "
                                    + String.join(", ", ThemeCatalog.LABEL_LANGUAGES)
                                    + "; give one of these or leave 'lang' out to use "
                                    + "Accept-Language",
                            ThemeCatalog.LABEL_LANGUAGES)
                    .toException();
        }
        return normalised;
    }

    /** The best label language for an {@code Accept-Language} header; English when none fits. */
    static String negotiate(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return DEFAULT_LANGUAGE;
        }
        try {
            // A malformed header is a client's quirk, not an error: fall back to the default.
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String best = Locale.lookupTag(ranges, ThemeCatalog.LABEL_LANGUAGES);
            return best == null ? DEFAULT_LANGUAGE : best;
        } catch (IllegalArgumentException | IllformedLocaleException e) {
            return DEFAULT_LANGUAGE;
        }
    }
}
