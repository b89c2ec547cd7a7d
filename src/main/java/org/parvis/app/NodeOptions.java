package org.parvis.app;

import org.jspecify.annotations.Nullable;
import org.parvis.source.SourceConfig;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options every command that opens a node shares: where its data lives and which database to
 * use. A picocli mixin.
 *
 * <p>Not thread-safe (filled in by picocli, then read once).
 */
final class NodeOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "Data directory: SQLite database and search index (default: ${DEFAULT-VALUE}).",
            defaultValue = "parvis-data")
    Path dataDir = Path.of("parvis-data");

    @Option(
            names = "--database",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL database instead of SQLite, e.g. "
                    + "jdbc:postgresql://localhost:5432/parvis"
                    + "?user=parvis&password=… (never logged).")
    @Nullable
    String databaseUrl;

    /** The node settings for these options, creating the data directory when needed. */
    NodeSettings settings(List<SourceConfig> sources) {
        return settings(dataDir, databaseUrl, sources);
    }

    static NodeSettings settings(
            Path dataDir, @Nullable String databaseUrl, List<SourceConfig> sources) {
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql://")) {
            throw new ParvisConfigException("--database '" + databaseUrl.replaceAll("\\?.*", "?…")
                    + "' is not a PostgreSQL JDBC URL; expected "
                    + "jdbc:postgresql://HOST:PORT/DATABASE,"
                    + " or leave it out to use SQLite in the data directory");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ParvisConfigException(
                    "cannot create the data directory " + dataDir.toAbsolutePath() + " ("
                            + e.getMessage() + "); choose a writable one with --data",
                    e);
        }
        return new NodeSettings(dataDir, databaseUrl, sources, Version.current());
    }
}
