package org.parvis.web;

import org.jspecify.annotations.Nullable;
import org.parvis.model.SourceKey;

/**
 * A configured source as the API describes it: its id, display name, platform kind ({@code
 * decidim}, {@code capcollectif}…), base URL, default territory (an area id), data licence and
 * whether it serves bundled sample data rather than a live platform.
 *
 * <p>Immutable and thread-safe.
 */
public record SourceView(
        String id,
        String name,
        String kind,
        String baseUrl,
        @Nullable String territory,
        String licence,
        boolean sample) {

    public SourceView {
        SourceKey.requireSourceId(id);
        if (name == null || kind == null || baseUrl == null || licence == null) {
            throw new IllegalArgumentException(
                    "source '" + id + "' needs a name, kind, base URL and licence");
        }
    }
}
