package org.parvis.theme;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the theme classifier reads about one item: its title and description (plain text or HTML),
 * their language when known (BCP 47, e.g. {@code fr}; guessed from the text when null or not
 * supported), the source's own category labels, taxonomy terms or hashtags, and the source's
 * category overrides (source label → comma-separated theme ids, or {@code -} for "no theme").
 *
 * <p>Immutable and thread-safe.
 */
public record ClassificationInput(
        String title,
        String description,
        @Nullable String language,
        List<String> categories,
        Map<String, String> categoryOverrides) {

    public ClassificationInput {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        categories = categories == null
                ? List.of()
                : categories.stream()
                        .filter(label -> label != null && !label.isBlank())
                        .toList();
        if (categoryOverrides == null) {
            categoryOverrides = Map.of();
        } else {
            Map<String, String> copy = new HashMap<>();
            categoryOverrides.forEach((label, themes) -> {
                if (label == null || themes == null) {
                    throw new IllegalArgumentException(
                            "category override '" + label + "' → '" + themes
                                    + "' has a null side; map each source label to theme ids, or "
                                    + "to - for none");
                }
                copy.put(label, themes);
            });
            categoryOverrides = Map.copyOf(copy);
        }
    }

    /** An item with text only: no categories, no overrides. */
    public static ClassificationInput ofText(
            String title, String description, @Nullable String language) {
        return new ClassificationInput(title, description, language, List.of(), Map.of());
    }
}
