package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.util.List;

/**
 * A record harvested from a source: a process or a contribution. Its public URL on the origin
 * platform ({@link #id()}) is its global identity; {@link #sourceKey()} is its key for upserts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Process.class, name = "process"),
    @JsonSubTypes.Type(value = Contribution.class, name = "contribution")
})
public sealed interface Item permits Process, Contribution {

    /** The canonical public URL of the item on its origin platform. */
    URI id();

    SourceKey sourceKey();

    LocalizedText title();

    List<TerritoryRef> territories();

    Provenance provenance();

    /** Whether {@code url} is an absolute http(s) URL, the only kind an item's identity can be. */
    static boolean isWebUrl(@Nullable URI url) {
        return url != null
                && url.isAbsolute()
                && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()));
    }

    /** Validates the shared fields; called from the constructors of the implementations. */
    static void requireCommon(URI id, SourceKey sourceKey, Provenance provenance) {
        if (!isWebUrl(id)) {
            throw new IllegalArgumentException("item id '" + id
                    + "' must be the absolute http(s) URL of the item on its platform");
        }
        if (sourceKey == null || provenance == null) {
            throw new IllegalArgumentException(
                    "item " + id + " needs a source key and a provenance");
        }
        if (!sourceKey.sourceId().equals(provenance.sourceId())) {
            throw new IllegalArgumentException("item " + id + " has source key " + sourceKey
                    + " but provenance from source '" + provenance.sourceId() + "'");
        }
    }
}
