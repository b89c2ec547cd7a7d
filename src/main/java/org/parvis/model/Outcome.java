package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What became of a process's decisions: a Decidim accountability result, a petition's debate, a
 * consultation's published outcome. {@code implementsIds} are the public URLs of the contributions
 * it carries out, so a proposal can be followed to its execution. Its provenance is that of the
 * process holding it.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(
        URI id,
        LocalizedText title,
        @Nullable LocalizedText description,
        @Nullable String statusKey,
        @Nullable LocalizedText statusLabel,
        @Nullable Integer progress,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @JsonProperty("implements") List<URI> implementsIds,
        @Nullable Instant budgetSelectedAt,
        @Nullable Money cost) {

    public Outcome {
        if (!Item.isWebUrl(id)) {
            throw new IllegalArgumentException("outcome id '" + id
                    + "' must be the absolute http(s) URL of the outcome on its platform");
        }
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException(
                    "outcome " + id + " needs a title in at least one language");
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            throw new IllegalArgumentException("outcome " + id + " has progress " + progress
                    + "; expected a percentage from 0 to 100");
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("outcome " + id + " ends (" + endDate
                    + ") before it starts (" + startDate + ")");
        }
        implementsIds = List.copyOf(implementsIds == null ? List.of() : implementsIds);
        for (URI target : implementsIds) {
            if (!Item.isWebUrl(target)) {
                throw new IllegalArgumentException("outcome " + id + " implements '" + target
                        + "', which is not an item's http(s) URL");
            }
        }
    }
}
