package org.parvis.model;

import java.util.regex.Pattern;

/**
 * A theme of the Parvis taxonomy given to an item, with a score in [0, 1] and the evidence that
 * explains it (the source category or the matched words).
 *
 * <p>Immutable and thread-safe.
 */
public record ThemeAssignment(String theme, ThemeMethod method, double score, String evidence) {

    private static final Pattern THEME_ID = Pattern.compile("[a-z][a-z_]{1,40}");

    public ThemeAssignment {
        requireThemeId(theme);
        if (method == null) {
            throw new IllegalArgumentException("theme assignment '" + theme + "' needs a method");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException(
                    "theme score " + score + " for '" + theme + "' out of range; expected 0 to 1");
        }
        evidence = evidence == null ? "" : evidence;
    }

    /**
     * Checks the shape of a theme id (lowercase letters and underscores, e.g. {@code mobilite}).
     */
    public static String requireThemeId(String theme) {
        if (theme == null || !THEME_ID.matcher(theme).matches()) {
            throw new IllegalArgumentException("malformed theme id '" + theme
                    + "'; expected lowercase letters and underscores, e.g. mobilite, cadre_de_vie");
        }
        return theme;
    }
}
