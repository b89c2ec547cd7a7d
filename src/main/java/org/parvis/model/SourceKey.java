package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The id of a record within its source, namespaced by the Parvis source id: {@code
 * lyon-decidim:Proposal/345}. Stable even when the record's public URL changes shape.
 *
 * <p>Immutable and thread-safe.
 */
public record SourceKey(String sourceId, String nativeId) {

    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public SourceKey {
        requireSourceId(sourceId);
        if (nativeId == null || nativeId.isBlank() || nativeId.length() > 500) {
            throw new IllegalArgumentException("native id of a record from source '" + sourceId
                    + "' must be 1 to 500 characters, got '" + nativeId + "'");
        }
    }

    /** Checks a source id: lowercase letters, digits and hyphens, at most 63 characters. */
    public static String requireSourceId(String sourceId) {
        if (sourceId == null || !SOURCE_ID.matcher(sourceId).matches()) {
            throw new IllegalArgumentException("malformed source id '" + sourceId
                    + "'; expected 1 to 63 lowercase letters, digits or hyphens, e.g. "
                    + "bordeaux-decidim");
        }
        return sourceId;
    }

    /** Parses {@code sourceId:nativeId}. */
    @JsonCreator
    public static SourceKey parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "malformed source key '" + text + "'; expected <sourceId>:<native id>");
        }
        return new SourceKey(text.substring(0, colon), text.substring(colon + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return sourceId + ":" + nativeId;
    }
}
