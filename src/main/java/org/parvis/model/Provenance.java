package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Where, when and how a record was read, and under which licence. {@code retrievedFrom} never
 * carries a query string (it may hold secrets). {@code via} lists the nodes a record travelled
 * through when it was not read at its origin.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        String sourceId,
        Instant retrievedAt,
        @Nullable URI retrievedFrom,
        HarvestMethod method,
        @Nullable Instant sourceUpdatedAt,
        Licence licence,
        List<String> via) {

    public Provenance {
        SourceKey.requireSourceId(sourceId);
        if (retrievedAt == null || method == null || licence == null) {
            throw new IllegalArgumentException("provenance of source '" + sourceId
                    + "' needs retrievedAt, method and licence (use Licence.UNKNOWN)");
        }
        if (retrievedFrom != null && retrievedFrom.getRawQuery() != null) {
            retrievedFrom = URI.create(retrievedFrom
                    .toString()
                    .substring(0, retrievedFrom.toString().indexOf('?')));
        }
        via = via == null ? List.of() : List.copyOf(via);
    }
}
