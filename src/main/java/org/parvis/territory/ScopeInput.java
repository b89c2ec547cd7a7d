package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.GeoPoint;

import java.util.List;

/**
 * What a source says about where an item applies, for {@link ScopeResolver}: the source, the
 * territory its organiser governs (configured per source), the territorial labels of the item
 * (Decidim scopes, areas or taxonomies, CAP Collectif districts, Consul geozones), and optionally
 * a point and a postal address.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sourceId the configured source id, e.g. {@code bordeaux-decidim}
 * @param organiserTerritory the organiser's territory, e.g. {@code fr:epci:243300316}
 * @param labels territorial labels as the source spells them (blank ones are ignored)
 * @param point coordinates of the item, if any
 * @param address a postal address, if any
 */
public record ScopeInput(
        String sourceId,
        AreaId organiserTerritory,
        List<String> labels,
        @Nullable GeoPoint point,
        @Nullable String address) {

    public ScopeInput {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("a scope input needs the source id");
        }
        if (organiserTerritory == null) {
            throw new IllegalArgumentException("source " + sourceId
                    + " has no organiser territory; configure its area id (e.g. fr:commune:33063)");
        }
        if (labels == null) {
            labels = List.of();
        }
        for (String label : labels) {
            if (label == null) {
                throw new IllegalArgumentException(
                        "source " + sourceId + " passed a null scope label");
            }
        }
        labels = List.copyOf(labels);
    }

    /** An input with labels only. */
    public static ScopeInput ofLabels(
            String sourceId, AreaId organiserTerritory, String... labels) {
        return new ScopeInput(sourceId, organiserTerritory, List.of(labels), null, null);
    }
}
