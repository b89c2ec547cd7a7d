package org.parvis.source;

import org.parvis.model.Contribution;
import org.parvis.model.Derivation;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.TerritoryRef;
import org.parvis.territory.ScopeInput;
import org.parvis.territory.ScopeResolution;
import org.parvis.territory.ScopeResolver;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places harvested items at area ids with the {@link ScopeResolver}, taking the source's configured
 * territory as the organiser's and its {@link SourceConfig#scopes()} as manual mappings.
 *
 * <p>A process whose connector already gave a precise territory (declared by the source, mapped
 * manually or from a geometry) is left alone; otherwise its scope labels decide, and the
 * organiser's
 * territory is the fallback. A contribution is placed from its point or address only when that
 * finds something finer than the organiser (else it inherits its process's territory). Labels that
 * match no place become one {@code unresolved-scope} issue per run and label.
 *
 * <p>Thread-safe: per-source resolvers are cached in a concurrent map.
 */
final class TerritoryPlacement {

    /** Derivations a connector gives only when the source is precise: never overridden. */
    private static final Set<Derivation> PRECISE =
            Set.of(Derivation.DECLARED, Derivation.MANUAL, Derivation.GEOMETRY);

    private final ScopeResolver base;
    private final Map<SourceConfig, ScopeResolver> bySource = new ConcurrentHashMap<>();

    TerritoryPlacement(ScopeResolver base) {
        this.base = base;
    }

    /**
     * The resolver for one source, with its configured mappings.
     *
     * @throws IllegalArgumentException naming the label when a mapping's area is unknown
     */
    ScopeResolver resolverFor(SourceConfig source) {
        return bySource.computeIfAbsent(
                source, s -> s.scopes().isEmpty() ? base : base.withMappings(s.id(), s.scopes()));
    }

    /** The item placed at its areas, or unchanged when nothing better is known. */
    Item place(SourceConfig source, Item item, HarvestContext ctx) {
        if (source.territory() == null) {
            return item;
        }
        try {
            if (item instanceof Process process) {
                return placeProcess(source, process, ctx);
            }
            if (item instanceof Contribution contribution) {
                return placeContribution(source, contribution, ctx);
            }
        } catch (IllegalArgumentException e) {
            ctx.reportOnce("territory-config", source.id(), null, e.getMessage());
        }
        return item;
    }

    private Process placeProcess(SourceConfig source, Process process, HarvestContext ctx) {
        if (process.territories().stream().anyMatch(t -> PRECISE.contains(t.derivation()))) {
            return process;
        }
        ScopeInput input = new ScopeInput(
                source.id(), source.territory(), process.territoryLabels(), null, null);
        ScopeResolution resolution = resolverFor(source).resolve(input);
        reportUnresolved(source, process.id().toString(), resolution, ctx);
        return process.toBuilder().withTerritories(resolution.areas()).build();
    }

    private Contribution placeContribution(
            SourceConfig source, Contribution contribution, HarvestContext ctx) {
        boolean hasPlace = contribution.point() != null
                || (contribution.address() != null && !contribution.address().isBlank());
        if (!hasPlace
                || contribution.territories().stream()
                        .anyMatch(t -> PRECISE.contains(t.derivation()))) {
            return contribution;
        }
        ScopeInput input = new ScopeInput(
                source.id(),
                source.territory(),
                List.of(),
                contribution.point(),
                contribution.address());
        ScopeResolution resolution = resolverFor(source).resolve(input);
        List<TerritoryRef> areas = resolution.areas();
        if (areas.stream().allMatch(t -> t.derivation() == Derivation.ORGANISER)) {
            return contribution;
        }
        return contribution.withTerritories(areas);
    }

    private static void reportUnresolved(
            SourceConfig source, String itemId, ScopeResolution resolution, HarvestContext ctx) {
        for (String label : resolution.unresolvedLabels()) {
            ctx.reportOnce(
                    "unresolved-scope",
                    label,
                    null,
                    "scope label '" + label + "' (first on " + itemId + ") matches no place inside "
                            + source.territory() + "; its items stay at that level. Map it in the "
                            + "source's configuration, e.g. scopes: {\"" + label + "\": "
                            + "fr:commune:…} (find ids with GET /api/v1/places?q=…)");
        }
    }
}
