package org.parvis.theme;

import java.util.Map;
import org.parvis.model.ThemeAssignment;

/**
 * A theme of the Parvis taxonomy: a stable lowercase id and its labels by language.
 *
 * <p>Immutable and thread-safe.
 */
public record Theme(String id, Map<String, String> labels) {

    public Theme {
        ThemeAssignment.requireThemeId(id);
        labels = Map.copyOf(labels);
        if (!labels.containsKey("fr") || !labels.containsKey("en")) {
            throw new IllegalArgumentException("theme '" + id + "' needs at least French and English labels");
        }
    }

    /** The label in {@code language}, falling back to English. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.get("en"));
    }
}
