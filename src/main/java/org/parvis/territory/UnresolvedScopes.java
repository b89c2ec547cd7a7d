package org.parvis.territory;

import org.parvis.model.AreaId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scope labels each source used that matched no place ("Quartier Bastide"), recorded once per
 * source and label, so an operator can map them in the source's configuration. Labels that differ
 * only in case, accents or punctuation count as one (the first spelling is kept), as they do in
 * configured mappings.
 *
 * <p>At most {@value #MAX_PER_SOURCE} labels are kept per source, so a source that puts free text
 * in its scopes cannot fill the memory; the overflow is logged once.
 *
 * <p>Thread-safe: harvesters of several sources may record concurrently.
 */
public final class UnresolvedScopes {

    /** The most labels kept for one source. */
    public static final int MAX_PER_SOURCE = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(UnresolvedScopes.class);

    /**
     * One unresolved label.
     *
     * @param sourceId the source that used it
     * @param label its first spelling
     * @param enclosingArea where items carrying it were placed (the organiser's territory)
     * @param firstSeen when it was first recorded
     */
    public record UnresolvedScope(
            String sourceId, String label, AreaId enclosingArea, Instant firstSeen) {}

    private final Clock clock;
    private final Map<String, Map<String, UnresolvedScope>> bySource = new ConcurrentHashMap<>();
    private final Map<String, Boolean> overflowLogged = new ConcurrentHashMap<>();

    /** A registry stamping labels with the system clock. */
    public UnresolvedScopes() {
        this(Clock.systemUTC());
    }

    /** A registry stamping labels with {@code clock}. */
    public UnresolvedScopes(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a label unless the source already used it.
     *
     * @return whether this is the first time the source used it
     */
    public boolean record(String sourceId, String label, AreaId enclosingArea) {
        String key = Names.key(label);
        Map<String, UnresolvedScope> labels =
                bySource.computeIfAbsent(sourceId, k -> new ConcurrentHashMap<>());
        if (labels.containsKey(key)) {
            return false;
        }
        if (labels.size() >= MAX_PER_SOURCE) {
            if (overflowLogged.putIfAbsent(sourceId, Boolean.TRUE) == null) {
                LOG.warn(
                        "Source {} has more than {} unresolved scope labels; further ones are "
                                + "not kept."
                                + " Check that its scope labels are places, or map them in its "
                                + "configuration",
                        sourceId,
                        MAX_PER_SOURCE);
            }
            return false;
        }
        UnresolvedScope scope =
                new UnresolvedScope(sourceId, label.strip(), enclosingArea, clock.instant());
        boolean added = labels.putIfAbsent(key, scope) == null;
        if (added) {
            LOG.info(
                    "Source {}: scope label '{}' matches no place inside {}; its items stay at "
                            + "that level."
                            + " Map the label in the source configuration to place them precisely",
                    sourceId,
                    scope.label(),
                    enclosingArea);
        }
        return added;
    }

    /** The unresolved labels of a source, sorted by label. */
    public List<UnresolvedScope> list(String sourceId) {
        List<UnresolvedScope> list =
                new ArrayList<>(bySource.getOrDefault(sourceId, Map.of()).values());
        list.sort(Comparator.comparing(UnresolvedScope::label));
        return list;
    }

    /** Every unresolved label, sorted by source then label. */
    public List<UnresolvedScope> listAll() {
        List<UnresolvedScope> list = new ArrayList<>();
        bySource.values().forEach(labels -> list.addAll(labels.values()));
        list.sort(Comparator.comparing(UnresolvedScope::sourceId)
                .thenComparing(UnresolvedScope::label));
        return list;
    }
}
