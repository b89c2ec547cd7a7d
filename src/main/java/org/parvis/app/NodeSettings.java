package org.parvis.app;

import org.jspecify.annotations.Nullable;
import org.parvis.source.SourceConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What a node is opened with: its data directory (SQLite database, search index), the JDBC URL of
 * a PostgreSQL database when one replaces SQLite, the configured sources and the version string.
 *
 * <p>Immutable and thread-safe.
 */
public record NodeSettings(
        Path dataDir, @Nullable String databaseUrl, List<SourceConfig> sources, String version) {

    public NodeSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("a node needs a data directory");
        }
        sources = List.copyOf(sources);
    }

    /** Whether any source serves sample data (the API then says so). */
    public boolean hasSampleData() {
        return sources.stream().anyMatch(SourceConfig::sample);
    }

    /** The display name of a source, or its id when it is not configured (any more). */
    public String platformName(String sourceId) {
        return sources.stream()
                .filter(source -> source.id().equals(sourceId))
                .map(SourceConfig::name)
                .findFirst()
                .orElse(sourceId);
    }
}
