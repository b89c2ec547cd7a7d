package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What lets a citizen follow an item after it was posted: the organiser's answer, links to the
 * items it was derived from or relates to, its cost, and the outcomes that carry it out. Items
 * without any of these hold no follow-up at all ({@link #isEmpty()}).
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FollowUp(
        @Nullable OfficialAnswer answer,
        List<Lineage> lineage,
        @Nullable Money cost,
        List<Outcome> outcomes) {

    public static final FollowUp NONE = new FollowUp(null, List.of(), null, List.of());

    public FollowUp {
        lineage = List.copyOf(lineage == null ? List.of() : lineage);
        outcomes = List.copyOf(outcomes == null ? List.of() : outcomes);
    }

    /** {@code followUp}, or null when it holds nothing, so that items without one omit it. */
    static @Nullable FollowUp orNull(@Nullable FollowUp followUp) {
        return followUp == null || followUp.isEmpty() ? null : followUp;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }
}
