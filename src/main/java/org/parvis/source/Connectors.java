package org.parvis.source;

import org.parvis.source.dataspace.DataspaceConnector;
import org.parvis.source.decidim.DecidimConnector;
import org.parvis.source.opendata.DecidimOpenDataConnector;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The connectors of this build, by {@link SourceConfig#kind()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Connectors {

    private final Map<String, Connector> byKind;

    private Connectors(Map<String, Connector> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    /** One connector for every kind in {@link SourceConfig#KINDS}. */
    public static Connectors defaults() {
        return of(
                new UnifiedJsonConnector(),
                new DecidimConnector(),
                new DecidimOpenDataConnector(),
                new DataspaceConnector());
    }

    /** The given connectors; throws when two read the same kind. */
    public static Connectors of(Connector... connectors) {
        Map<String, Connector> byKind = new TreeMap<>();
        for (Connector connector : connectors) {
            if (byKind.put(connector.kind(), connector) != null) {
                throw new IllegalArgumentException(
                        "two connectors read kind '" + connector.kind() + "'");
            }
        }
        return new Connectors(byKind);
    }

    /** The connector for this kind, if the build has one. */
    public Optional<Connector> findConnector(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The connector for this kind; throws naming the kinds this build reads. */
    public Connector getConnector(String kind) {
        return findConnector(kind)
                .orElseThrow(
                        () -> new IllegalArgumentException("no connector reads sources of kind '"
                                + kind + "'; this build reads " + new TreeMap<>(byKind).keySet()));
    }
}
