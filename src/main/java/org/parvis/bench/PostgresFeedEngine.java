package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Process;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The feed question answered by PostgreSQL with a plain relational design: a {@code process} table
 * (with its finest area level, and a French {@code tsvector} with its GIN index as a real store
 * would have), join tables {@code process_area} and {@code process_theme} with b-tree indexes both
 * ways. Data is loaded with {@code COPY}, indexed after the load, then vacuumed and analysed.
 *
 * <p>One query is one round trip: the processes that match the place are materialised once in a
 * CTE with their status and whether they carry a wanted theme; the first page, the total and the
 * four facet counts ({@link FeedAnswer}) are read from it with {@code GROUP BY}s.
 *
 * <p>Everything lives in a fresh schema named {@code parvis_bench_<random>} that {@link #close}
 * drops. Each session holds its own connection; sessions may run concurrently.
 */
final class PostgresFeedEngine implements FeedEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresFeedEngine.class);

    private static final int COPY_CHUNK_CHARS = 1 << 20;

    // The candidates (place matched) are materialised once with their status and whether they have
    // a wanted theme; each facet then ignores its own filter, as the Lucene feed does.
    private static final String QUERY = """
            WITH c AS MATERIALIZED (
              SELECT p.id, p.kind, p.level, p.end_at,
                     CASE WHEN p.start_at IS NULL AND p.end_at IS NULL THEN 'unknown'
                          WHEN p.start_at > ? THEN 'upcoming'
                          WHEN p.end_at <= ? THEN 'closed'
                          ELSE 'open' END AS status,
                     %s AS themed
              FROM process p
              WHERE EXISTS (SELECT 1 FROM process_area pa
                            WHERE pa.process_id = p.id AND pa.area_id = ANY (?::text[]))
            ),
            m AS MATERIALIZED (
              SELECT id, kind, level, end_at, status FROM c
              WHERE themed AND status IN ('open', 'upcoming')
            )
            SELECT 'page' AS facet, page.id::text AS value,
                   row_number() OVER (ORDER BY page.end_at ASC NULLS LAST, page.id) AS n
              FROM (SELECT id, end_at FROM m ORDER BY end_at ASC NULLS LAST, id LIMIT 20) page
            UNION ALL
            SELECT 'total', NULL, count(*) FROM m
            UNION ALL
            SELECT 'kind', m.kind, count(*) FROM m GROUP BY m.kind
            UNION ALL
            SELECT 'level', m.level, count(*) FROM m GROUP BY m.level
            UNION ALL
            SELECT 'status', c.status, count(*) FROM c WHERE c.themed GROUP BY c.status
            UNION ALL
            SELECT 'theme', pt.theme, count(*)
              FROM c JOIN process_theme pt ON pt.process_id = c.id
              WHERE c.status IN ('open', 'upcoming')
              GROUP BY pt.theme
            """;

    private static final String ANY_THEME = "true";

    private static final String SOME_THEMES = """
            EXISTS (SELECT 1 FROM process_theme pt
                             WHERE pt.process_id = p.id AND pt.theme = ANY (?::text[]))""";

    private final String url;
    private final AreaHierarchy hierarchy;
    private final String schema;
    private @Nullable Connection admin;
    private @Nullable OffsetDateTime now;

    /** An engine on the database at {@code url}; nothing is created before {@link #load}. */
    PostgresFeedEngine(String url, AreaHierarchy hierarchy) {
        this.url = url;
        this.hierarchy = hierarchy;
        this.schema = "parvis_bench_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @Override
    public String name() {
        return FeedBench.POSTGRES;
    }

    String schema() {
        return schema;
    }

    /** The server version and the settings that matter here, for the report. */
    @Override
    public String describe() throws SQLException {
        String sql = "SELECT current_setting('server_version'), current_setting('shared_buffers'),"
                + " current_setting('work_mem'), current_setting('effective_cache_size'),"
                + " current_setting('random_page_cost'), current_setting('jit'),"
                + " current_setting('max_parallel_workers_per_gather')";
        try (Statement statement = requireAdmin().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return String.format(
                    Locale.ROOT,
                    "PostgreSQL %s; shared_buffers %s, work_mem %s, effective_cache_size %s,"
                            + " random_page_cost %s, jit %s, max_parallel_workers_per_gather %s",
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getString(5),
                    rows.getString(6),
                    rows.getString(7));
        }
    }

    private Connection requireAdmin() {
        if (admin == null) {
            throw new IllegalStateException(
                    "the PostgreSQL engine is not loaded; call load() first");
        }
        return admin;
    }

    @Override
    public void load(BenchDataset dataset) throws SQLException {
        now = dataset.now().atOffset(ZoneOffset.UTC);
        admin = connect(url);
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
            statement.execute("""
                    CREATE TABLE process (
                      id bigint PRIMARY KEY,
                      uri text NOT NULL,
                      kind text NOT NULL,
                      start_at timestamptz,
                      end_at timestamptz,
                      published_at timestamptz,
                      title text NOT NULL,
                      summary text,
                      language text NOT NULL,
                      level text NOT NULL,
                      search tsvector GENERATED ALWAYS AS
                        (to_tsvector('french', title || ' ' || coalesce(summary, ''))) STORED)""");
            statement.execute("CREATE TABLE process_area"
                    + " (process_id bigint NOT NULL, area_id text NOT NULL)");
            statement.execute(
                    "CREATE TABLE process_theme (process_id bigint NOT NULL, theme text NOT NULL)");
        }
        LOG.info("created schema {}; copying {} processes", schema, dataset.size());

        copy(
                admin,
                "COPY process (id, uri, kind, start_at, end_at, published_at, title, summary, "
                        + "language, level)"
                        + " FROM STDIN (FORMAT csv)",
                new ProcessRows(dataset.processes()));
        copy(
                admin,
                "COPY process_area (process_id, area_id) FROM STDIN (FORMAT csv)",
                new AreaRows(dataset));
        copy(
                admin,
                "COPY process_theme (process_id, theme) FROM STDIN (FORMAT csv)",
                new ThemeRows(dataset));

        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER TABLE process_area ADD PRIMARY KEY (process_id, area_id)");
            statement.execute(
                    "CREATE INDEX process_area_by_area ON process_area (area_id, process_id)");
            statement.execute("ALTER TABLE process_theme ADD PRIMARY KEY (process_id, theme)");
            statement.execute(
                    "CREATE INDEX process_theme_by_theme ON process_theme (theme, process_id)");
            statement.execute("CREATE INDEX process_by_end ON process (end_at, id)");
            statement.execute("CREATE INDEX process_search ON process USING gin (search)");
            // VACUUM too, so that the visibility map allows index-only scans, as on a settled
            // database.
            statement.execute("VACUUM ANALYZE process, process_area, process_theme");
        }
    }

    private static Connection connect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(true);
        return connection;
    }

    private static void copy(Connection connection, String sql, RowWriter rows)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder chunk = new StringBuilder(COPY_CHUNK_CHARS + 4096);
            rows.writeAll(chunk, () -> {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            });
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public Session openSession() throws SQLException {
        return new PostgresSession(connect(url));
    }

    @Override
    public void close() throws SQLException {
        if (admin == null) {
            return;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            LOG.info("dropped schema {}", schema);
        } finally {
            admin.close();
            admin = null;
        }
    }

    /** One connection with the two prepared forms of the query. */
    private final class PostgresSession implements Session {

        private final Connection connection;
        private final PreparedStatement anyTheme;
        private final PreparedStatement someThemes;

        PostgresSession(Connection connection) throws SQLException {
            this.connection = connection;
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO " + schema);
            }
            this.anyTheme =
                    connection.prepareStatement(String.format(Locale.ROOT, QUERY, ANY_THEME));
            this.someThemes =
                    connection.prepareStatement(String.format(Locale.ROOT, QUERY, SOME_THEMES));
        }

        @Override
        public FeedAnswer query(BenchQuery query) throws SQLException {
            List<AreaId> areas = hierarchy.listMatchingAreas(query.place(), query.scope());
            Array areaArray = connection.createArrayOf(
                    "text", areas.stream().map(AreaId::toString).toArray());
            PreparedStatement statement = query.themes().isEmpty() ? anyTheme : someThemes;
            int parameter = 1;
            statement.setObject(parameter++, now);
            statement.setObject(parameter++, now);
            if (!query.themes().isEmpty()) {
                statement.setArray(
                        parameter++,
                        connection.createArrayOf("text", query.themes().toArray()));
            }
            statement.setArray(parameter, areaArray);
            return read(statement);
        }

        private FeedAnswer read(PreparedStatement statement) throws SQLException {
            long total = 0;
            Map<Long, Integer> page = new TreeMap<>();
            Map<String, Map<String, Long>> facets = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String facet = rows.getString(1);
                    String value = rows.getString(2);
                    long n = rows.getLong(3);
                    switch (facet) {
                        case "page" -> page.put(n, Integer.parseInt(value));
                        case "total" -> total = n;
                        default ->
                            facets.computeIfAbsent(facet, key -> new HashMap<>())
                                    .put(value, n);
                    }
                }
            }
            return new FeedAnswer(total, new ArrayList<>(page.values()), facets);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Writes CSV rows into a buffer, flushing it whenever it is full. */
    private interface RowWriter {

        void writeAll(StringBuilder out, Flush flush) throws SQLException;

        default void flushIfFull(StringBuilder out, Flush flush) throws SQLException {
            if (out.length() >= COPY_CHUNK_CHARS) {
                flush.run();
            }
        }
    }

    private interface Flush {
        void run() throws SQLException;
    }

    private record ProcessRows(List<Process> processes) implements RowWriter {
        @Override
        public void writeAll(StringBuilder out, Flush flush) throws SQLException {
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                out.append(i).append(',');
                quoted(out, p.id().toString()).append(',');
                out.append(p.processType().code()).append(',');
                instant(out, p.startAt()).append(',');
                instant(out, p.endAt()).append(',');
                instant(out, p.publishedAt()).append(',');
                quoted(out, p.title().best(List.of("fr"))).append(',');
                String summary = p.summary() == null ? null : p.summary().best(List.of("fr"));
                if (summary != null) {
                    quoted(out, summary);
                }
                out.append(',')
                        .append(p.languages().isEmpty() ? "und" : p.languages().get(0))
                        .append(',')
                        .append(finestLevel(p))
                        .append('\n');
                flushIfFull(out, flush);
            }
        }
    }

    private record AreaRows(BenchDataset dataset) implements RowWriter {
        @Override
        public void writeAll(StringBuilder out, Flush flush) throws SQLException {
            for (int i = 0; i < dataset.size(); i++) {
                List<AreaId> seen = new ArrayList<>(2);
                for (TerritoryRef territory : dataset.processes().get(i).territories()) {
                    if (!seen.contains(territory.area())) {
                        seen.add(territory.area());
                        out.append(i).append(',');
                        quoted(out, territory.area().toString()).append('\n');
                    }
                }
                flushIfFull(out, flush);
            }
        }
    }

    private record ThemeRows(BenchDataset dataset) implements RowWriter {
        @Override
        public void writeAll(StringBuilder out, Flush flush) throws SQLException {
            for (int i = 0; i < dataset.size(); i++) {
                List<String> seen = new ArrayList<>(3);
                for (ThemeAssignment theme : dataset.processes().get(i).themes()) {
                    if (!seen.contains(theme.theme())) {
                        seen.add(theme.theme());
                        out.append(i).append(',').append(theme.theme()).append('\n');
                    }
                }
                flushIfFull(out, flush);
            }
        }
    }

    /** The finest level among the areas of a process: what the level facet counts. */
    private static String finestLevel(Process process) {
        return process.territories().stream()
                .map(territory -> territory.area().level())
                .min(Comparator.naturalOrder())
                .map(AreaLevel::code)
                .orElse(AreaLevel.LOCAL.code());
    }

    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static StringBuilder instant(StringBuilder out, @Nullable Instant instant) {
        return instant == null ? out : out.append(instant);
    }
}
