package org.parvis.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;
import org.parvis.model.Contribution;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The {@link Store} on a relational database: embedded SQLite (one file, WAL mode) or PostgreSQL,
 * through one HikariCP pool, with the schema kept by Flyway from one set of migrations in {@code
 * db/migration} that runs unchanged on both.
 *
 * <h3>Portability choices</h3>
 *
 * <ul>
 *   <li>Change sequence numbers are assigned by the store, not by an auto-increment column (whose
 *       type differs between the two databases). Every write transaction first updates the single
 *       row of {@code change_seq}; that row lock serialises writers, even across processes sharing
 *       a PostgreSQL database, so sequence numbers are gap-free and become visible in commit
 *       order: a reader paging with {@link #listChangesAfter} never skips a change that commits
 *       later with a lower number.
 *   <li>Instants are fixed-width ISO-8601 UTC text (nine fraction digits): exact, readable and
 *       ordered as text on both databases.
 *   <li>Upserts use {@code INSERT … ON CONFLICT … DO UPDATE}, the same text on both.
 * </ul>
 *
 * <h3>Change payloads</h3>
 *
 * The change log stores no copy of the item: {@link #listChangesAfter} joins each UPSERT with
 * the item's row, so it carries the <em>latest</em> stored state of the item, which is the state
 * the change wrote or a newer one. A tombstoned item keeps its last content for this purpose.
 * Consumers should key what they derive by {@link SourceKey}, since a record's public URL may
 * change between versions.
 *
 * <h3>Upserts</h3>
 *
 * An item is unchanged when the SHA-256 of its canonical JSON without {@code
 * provenance.retrievedAt} equals the stored one; an unchanged item is not written at all, so its
 * stored {@code retrievedAt} is when this content was first read. A tombstoned item that
 * reappears is revived and counts as inserted. A batch is all or nothing: an item whose public
 * URL belongs to a live item under another source key fails the whole batch with an {@link
 * IllegalArgumentException} naming both keys (a tombstoned item frees its URL).
 *
 * <h3>Snapshots</h3>
 *
 * {@link #forEachLiveItem} streams rows inside one repeatable-read transaction; the consumer may
 * call the store (other connections), but on SQLite a long-open reader delays WAL checkpoints.
 *
 * <h3>Thread-safety</h3>
 *
 * Thread-safe. Writes are serialised by a lock in this process and by the {@code change_seq} row
 * in the database; reads run concurrently on pooled connections. {@link #close()} releases the
 * pool.
 */
public final class JdbcStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private static final DateTimeFormatter INSTANT_TEXT =
            new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;
    private static final int STREAM_FETCH_SIZE = 500;
    private static final int CHUNK_SIZE = 500;

    private static final String SELECT_STORED_STATES = """
            SELECT source_key, id, content_hash, deleted_at FROM item
            WHERE source_key IN (<keys>)""";
    private static final String SELECT_LIVE_OWNERS = """
            SELECT id, source_key FROM item WHERE deleted_at IS NULL AND id IN (<ids>)""";
    private static final String UPSERT_ITEM = """
            INSERT INTO item (source_key, id, source_id, type, process_id, created_at, content,
                              content_hash, first_seen_at, updated_at, deleted_at)
            VALUES (:key, :id, :sourceId, :type, :processId, :createdAt, :content,
                    :hash, :now, :now, NULL)
            ON CONFLICT (source_key) DO UPDATE SET
                id = excluded.id, source_id = excluded.source_id, type = excluded.type,
                process_id = excluded.process_id, created_at = excluded.created_at,
                content = excluded.content, content_hash = excluded.content_hash,
                updated_at = excluded.updated_at, deleted_at = NULL""";
    private static final String MARK_DELETED = """
            UPDATE item SET deleted_at = :now, updated_at = :now WHERE source_key = :key""";
    private static final String SELECT_CHANGES = """
            SELECT c.seq, c.type, c.source_key, c.item_id, c.changed_at, i.content
            FROM change_log c LEFT JOIN item i ON i.source_key = c.source_key
            WHERE c.seq > :after ORDER BY c.seq LIMIT :limit""";
    private static final String INSERT_CHANGE = """
            INSERT INTO change_log (seq, type, source_key, item_id, changed_at)
            VALUES (:seq, :type, :key, :itemId, :at)""";
    private static final String UPSERT_RUN = """
            INSERT INTO harvest_run (source_id, started_at, ended_at, outcome, requests, bytes,
                                     items_new, items_changed, items_unchanged, items_removed,
                                     error, retries, not_modified)
            VALUES (:sourceId, :startedAt, :endedAt, :outcome, :requests, :bytes,
                    :itemsNew, :itemsChanged, :itemsUnchanged, :itemsRemoved, :error,
                    :retries, :notModified)
            ON CONFLICT (source_id, started_at) DO UPDATE SET
                ended_at = excluded.ended_at, outcome = excluded.outcome,
                requests = excluded.requests, bytes = excluded.bytes,
                items_new = excluded.items_new, items_changed = excluded.items_changed,
                items_unchanged = excluded.items_unchanged,
                items_removed = excluded.items_removed, error = excluded.error,
                retries = excluded.retries, not_modified = excluded.not_modified""";
    private static final String INSERT_ISSUE = """
            INSERT INTO source_issue (source_id, run_started_at, issue_index, issued_at, type,
                                      record_ref, url, message)
            VALUES (:sourceId, :startedAt, :index, :at, :type, :recordRef, :url, :message)""";
    private static final String SELECT_RUN = """
            SELECT started_at, ended_at, outcome, requests, bytes, items_new, items_changed,
                   items_unchanged, items_removed, error, retries, not_modified
            FROM harvest_run WHERE source_id = :sourceId""";
    private static final String SELECT_ISSUES = """
            SELECT issued_at, type, record_ref, url, message
            FROM source_issue WHERE source_id = :sourceId""";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private JdbcStore(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.description = description;
    }

    /**
     * Opens the store at {@code location}, creating the SQLite file and its directory if needed
     * and bringing the schema up to date. Throws {@link IllegalStateException} when the database
     * cannot be reached or migrated.
     */
    public static JdbcStore open(StoreLocation location) {
        long start = System.nanoTime();
        HikariDataSource dataSource = createPool(location);
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException(
                    "cannot bring the schema of the store at " + location.describe()
                            + " up to date: " + e.getMessage(),
                    e);
        }
        LOG.info(
                "Store opened at {} in {} ms",
                location.describe(),
                (System.nanoTime() - start) / 1_000_000);
        return new JdbcStore(dataSource, location.describe());
    }

    private static HikariDataSource createPool(StoreLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parvis-store");
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        // Connections are opened on demand: most of the time one is enough.
        config.setMinimumIdle(1);
        if (location.isSqlite()) {
            createParentDirectory(location.findSqliteFile().orElseThrow());

            // sqlite-jdbc reads pragmas from the connection properties. WAL lets readers run
            // beside the writer; NORMAL sync is safe from corruption in WAL mode and what it may
            // lose on power failure is re-harvested.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty(
                    "busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(4);
        } else {
            config.setMaximumPoolSize(8);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot connect to the store at " + location.describe() + ": " + e.getMessage()
                            + "; check that the database runs and that the URL, user and password"
                            + " are right",
                    e);
        }
    }

    private static void createParentDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }

    /**
     * The database behind this store, for features that keep tables of their own in the same
     * migrations (e-mail alerts). They must not write the tables of the store itself, and must
     * open their own handles ({@link Jdbi#open()}) rather than join a handle open on the thread.
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public BatchResult upsertAll(Collection<? extends Item> items) {
        for (Item item : items) {
            if (item == null) {
                throw new IllegalArgumentException(
                        "cannot upsert a null item; nothing was written");
            }
        }
        List<Item> batch = List.copyOf(items);
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        long start = System.nanoTime();
        BatchResult result = inWriteTransaction(handle -> {
            ChangeAppender log = new ChangeAppender(handle, now());
            BatchResult total = BatchResult.EMPTY;
            for (int from = 0; from < batch.size(); from += CHUNK_SIZE) {
                List<Item> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK_SIZE));
                total = total.plus(upsertChunk(handle, chunk, log));
            }
            log.finish();
            return total;
        });
        LOG.debug(
                "Upserted {} items ({} new, {} changed, {} unchanged) in {} ms",
                batch.size(),
                result.inserted(),
                result.changed(),
                result.unchanged(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /**
     * Upserts a chunk with two reads (the stored state of its keys and the live owners of its URLs)
     * and one batch of writes, so that re-harvesting unchanged items costs no write at all. The
     * in-memory state is updated item by item, which gives the same result as writing the items
     * one after the other (duplicates inside a batch included).
     */
    private BatchResult upsertChunk(Handle handle, List<Item> chunk, ChangeAppender log) {
        Map<String, StoredState> stored = new HashMap<>();
        handle.createQuery(SELECT_STORED_STATES)
                .bindList(
                        "keys",
                        chunk.stream()
                                .map(i -> i.sourceKey().toString())
                                .distinct()
                                .toList())
                .map((rs, ctx) -> new StoredState(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) != null))
                .forEach(state -> stored.put(state.sourceKey(), state));
        Map<String, String> liveKeyById = new HashMap<>();
        handle.createQuery(SELECT_LIVE_OWNERS)
                .bindList(
                        "ids",
                        chunk.stream().map(i -> i.id().toString()).distinct().toList())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> liveKeyById.put(entry.getKey(), entry.getValue()));

        PreparedBatch writes = handle.prepareBatch(UPSERT_ITEM);
        int inserted = 0;
        int changed = 0;
        int unchanged = 0;
        for (Item item : chunk) {
            String key = item.sourceKey().toString();
            String id = item.id().toString();
            String owner = liveKeyById.get(id);
            if (owner != null && !owner.equals(key)) {
                throw new IllegalArgumentException("item " + id + " arrives under source key " + key
                        + " but is already stored under source key " + owner
                        + "; one public URL must have one source key: fix how the connector builds"
                        + " the key or the URL. Nothing of this batch was written.");
            }
            String content = ItemJson.write(item);
            String hash = ItemJson.contentHash(content);
            StoredState before = stored.get(key);
            if (before != null && !before.tombstoned() && before.contentHash().equals(hash)) {
                unchanged++;
                continue;
            }
            if (before == null || before.tombstoned()) {
                inserted++;
            } else {
                changed++;
                liveKeyById.remove(before.id(), key);
            }
            writes.bind("key", key)
                    .bind("id", id)
                    .bind("sourceId", item.sourceKey().sourceId())
                    .bind("type", item instanceof Process ? "process" : "contribution")
                    .bind(
                            "processId",
                            item instanceof Contribution c ? c.process().toString() : null)
                    .bind("createdAt", format(createdAt(item)))
                    .bind("content", content)
                    .bind("hash", hash)
                    .bind("now", log.at)
                    .add();
            log.append(Change.Type.UPSERT, item.sourceKey(), item.id());
            stored.put(key, new StoredState(key, id, hash, false));
            liveKeyById.put(id, key);
        }
        if (writes.size() > 0) {
            writes.execute();
        }
        return new BatchResult(inserted, changed, unchanged);
    }

    private static @Nullable Instant createdAt(Item item) {
        if (item instanceof Contribution contribution) {
            return contribution.createdAt();
        }
        return ((Process) item).publishedAt();
    }

    /** What the store holds for a source key before a chunk is written. */
    private record StoredState(
            String sourceKey, String id, String contentHash, boolean tombstoned) {}

    @Override
    public int tombstoneMissing(String sourceId, Collection<SourceKey> seen) {
        SourceKey.requireSourceId(sourceId);
        Set<String> seenKeys = new HashSet<>();
        for (SourceKey key : seen) {
            if (!key.sourceId().equals(sourceId)) {
                throw new IllegalArgumentException(
                        "key " + key + " listed as seen is not from source '" + sourceId
                                + "'; pass only the keys of that source");
            }
            seenKeys.add(key.toString());
        }
        int removed = inWriteTransaction(handle -> {
            ChangeAppender log = new ChangeAppender(handle, now());
            List<String[]> live = handle.createQuery(
                            "SELECT source_key, id FROM item WHERE source_id = :sourceId AND "
                                    + "deleted_at IS NULL")
                    .bind("sourceId", sourceId)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            PreparedBatch deletes = handle.prepareBatch(MARK_DELETED);
            for (String[] row : live) {
                if (!seenKeys.contains(row[0])) {
                    deletes.bind("now", log.at).bind("key", row[0]).add();
                    log.append(Change.Type.DELETE, SourceKey.parse(row[0]), URI.create(row[1]));
                }
            }
            int count = deletes.size();
            if (count > 0) {
                deletes.execute();
            }
            log.finish();
            return count;
        });
        LOG.info("Source {}: tombstoned {} items no longer listed", sourceId, removed);
        return removed;
    }

    @Override
    public boolean tombstone(SourceKey key) {
        return inWriteTransaction(handle -> {
            ChangeAppender log = new ChangeAppender(handle, now());
            Optional<String> id = handle.createQuery(
                            "SELECT id FROM item WHERE source_key = :key AND deleted_at IS NULL")
                    .bind("key", key.toString())
                    .mapTo(String.class)
                    .findOne();
            if (id.isEmpty()) {
                return false;
            }
            handle.createUpdate(MARK_DELETED)
                    .bind("now", log.at)
                    .bind("key", key.toString())
                    .execute();
            log.append(Change.Type.DELETE, key, URI.create(id.get()));
            log.finish();
            return true;
        });
    }

    @Override
    public Optional<Item> findItem(URI id) {
        return withHandle(handle -> handle.createQuery(
                        "SELECT content FROM item WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id.toString())
                .mapTo(String.class)
                .findOne()
                .map(ItemJson::read));
    }

    @Override
    public Optional<Item> findItem(SourceKey key) {
        return withHandle(handle -> handle.createQuery(
                        "SELECT content FROM item WHERE source_key = :key AND deleted_at IS NULL")
                .bind("key", key.toString())
                .mapTo(String.class)
                .findOne()
                .map(ItemJson::read));
    }

    @Override
    public List<Contribution> listContributions(URI processId) {
        return withHandle(handle -> handle.createQuery("SELECT content FROM item"
                        + " WHERE process_id = :processId AND type = 'contribution'"
                        + " AND deleted_at IS NULL"
                        + " ORDER BY COALESCE(created_at, first_seen_at), source_key")
                .bind("processId", processId.toString())
                .mapTo(String.class)
                .map(json -> (Contribution) ItemJson.read(json))
                .list());
    }

    @Override
    public List<Change> listChangesAfter(long afterSeq, int limit) {
        if (afterSeq < 0 || limit <= 0) {
            throw new IllegalArgumentException("cannot list changes after #" + afterSeq
                    + ", at most " + limit + "; expected a sequence number ≥ 0 and a limit ≥ 1");
        }
        return withHandle(handle -> handle.createQuery(SELECT_CHANGES)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> readChange(rs))
                .list());
    }

    private static Change readChange(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        Change.Type type = Change.Type.valueOf(rs.getString(2));
        String content = rs.getString(6);
        if (type == Change.Type.UPSERT && content == null) {
            throw new IllegalStateException("change #" + seq + " upserted " + rs.getString(3)
                    + " but the item row is missing; the store was edited outside Parvis");
        }
        return new Change(
                seq,
                type,
                SourceKey.parse(rs.getString(3)),
                URI.create(rs.getString(4)),
                type == Change.Type.UPSERT ? ItemJson.read(content) : null,
                Instant.parse(rs.getString(5)));
    }

    @Override
    public long lastChangeSeq() {
        return withHandle(JdbcStore::readLastSeq);
    }

    private static long readLastSeq(Handle handle) {
        return handle.createQuery("SELECT last_seq FROM change_seq WHERE id = 1")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public long forEachLiveItem(Consumer<Item> consumer) {
        // One repeatable-read transaction: the sequence number and the rows come from the same
        // snapshot. On PostgreSQL the fetch size inside a transaction makes the driver use a
        // cursor instead of loading every row.
        return withHandle(readHandle ->
                readHandle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                    long seq = readLastSeq(handle);
                    handle.createQuery("SELECT content FROM item WHERE deleted_at IS NULL")
                            .setFetchSize(STREAM_FETCH_SIZE)
                            .mapTo(String.class)
                            .forEach(json -> consumer.accept(ItemJson.read(json)));
                    return seq;
                }));
    }

    @Override
    public Map<String, Long> countLiveItemsBySource() {
        return withHandle(handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            handle.createQuery("SELECT source_id, COUNT(*) FROM item WHERE deleted_at IS NULL"
                            + " GROUP BY source_id ORDER BY source_id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    @Override
    public void recordRun(HarvestRun run) {
        for (SourceIssue issue : run.issues()) {
            if (!issue.sourceId().equals(run.sourceId())) {
                throw new IllegalArgumentException("issue '" + issue.message() + "' of source '"
                        + issue.sourceId() + "' cannot be recorded with a run of source '"
                        + run.sourceId() + "'");
            }
        }
        String startedAt = format(run.startedAt());
        inWriteTransaction(handle -> {
            // Recording the same run again replaces it and its issues.
            handle.createUpdate("DELETE FROM source_issue WHERE source_id = :sourceId AND "
                            + "run_started_at = :startedAt")
                    .bind("sourceId", run.sourceId())
                    .bind("startedAt", startedAt)
                    .execute();
            handle.createUpdate(UPSERT_RUN)
                    .bind("sourceId", run.sourceId())
                    .bind("startedAt", startedAt)
                    .bind("endedAt", format(run.endedAt()))
                    .bind("outcome", run.outcome().name())
                    .bind("requests", run.requests())
                    .bind("bytes", run.bytes())
                    .bind("itemsNew", run.itemsNew())
                    .bind("itemsChanged", run.itemsChanged())
                    .bind("itemsUnchanged", run.itemsUnchanged())
                    .bind("itemsRemoved", run.itemsRemoved())
                    .bind("error", run.error())
                    .bind("retries", run.retries())
                    .bind("notModified", run.notModified())
                    .execute();
            PreparedBatch issues = handle.prepareBatch(INSERT_ISSUE);
            int index = 0;
            for (SourceIssue issue : run.issues()) {
                issues.bind("sourceId", run.sourceId())
                        .bind("startedAt", startedAt)
                        .bind("index", index++)
                        .bind("at", format(issue.at()))
                        .bind("type", issue.type())
                        .bind("recordRef", issue.recordRef())
                        .bind("url", issue.url())
                        .bind("message", issue.message())
                        .add();
            }
            if (issues.size() > 0) {
                issues.execute();
            }
            return null;
        });
    }

    @Override
    public Optional<HarvestRun> findLastRun(String sourceId) {
        return findRun(sourceId, "");
    }

    @Override
    public Optional<HarvestRun> findLastSuccessfulRun(String sourceId) {
        return findRun(sourceId, " AND outcome = 'SUCCESS'");
    }

    private Optional<HarvestRun> findRun(String sourceId, String condition) {
        return withHandle(handle -> {
            Optional<RunRow> row = handle.createQuery(
                            SELECT_RUN + condition + " ORDER BY started_at DESC LIMIT 1")
                    .bind("sourceId", sourceId)
                    .map((rs, ctx) -> new RunRow(rs))
                    .findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            List<SourceIssue> issues = handle.createQuery(
                            SELECT_ISSUES + " AND run_started_at = :startedAt ORDER BY issue_index")
                    .bind("sourceId", sourceId)
                    .bind("startedAt", row.get().startedAt)
                    .map((rs, ctx) -> readIssue(sourceId, rs))
                    .list();
            return Optional.of(row.get().toRun(sourceId, issues));
        });
    }

    private static SourceIssue readIssue(String sourceId, ResultSet rs) throws SQLException {
        return new SourceIssue(
                sourceId,
                Instant.parse(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5));
    }

    /** A {@code harvest_run} row, read before its issues. */
    private static final class RunRow {
        final String startedAt;
        final String endedAt;
        final HarvestRun.Outcome outcome;
        final long requests;
        final long bytes;
        final int itemsNew;
        final int itemsChanged;
        final int itemsUnchanged;
        final int itemsRemoved;
        final @Nullable String error;
        final long retries;
        final long notModified;

        RunRow(ResultSet rs) throws SQLException {
            startedAt = rs.getString(1);
            endedAt = rs.getString(2);
            outcome = HarvestRun.Outcome.valueOf(rs.getString(3));
            requests = rs.getLong(4);
            bytes = rs.getLong(5);
            itemsNew = rs.getInt(6);
            itemsChanged = rs.getInt(7);
            itemsUnchanged = rs.getInt(8);
            itemsRemoved = rs.getInt(9);
            error = rs.getString(10);
            retries = rs.getLong(11);
            notModified = rs.getLong(12);
        }

        HarvestRun toRun(String sourceId, List<SourceIssue> issues) {
            return new HarvestRun(
                    sourceId,
                    Instant.parse(startedAt),
                    Instant.parse(endedAt),
                    outcome,
                    requests,
                    bytes,
                    itemsNew,
                    itemsChanged,
                    itemsUnchanged,
                    itemsRemoved,
                    error,
                    issues,
                    retries,
                    notModified);
        }
    }

    @Override
    public List<SourceIssue> listIssues(String sourceId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException(
                    "cannot list " + limit + " issues; expected a limit ≥ 1");
        }
        return withHandle(handle -> handle.createQuery(SELECT_ISSUES
                        + " ORDER BY issued_at DESC, run_started_at DESC, issue_index "
                        + "DESC LIMIT :limit")
                .bind("sourceId", sourceId)
                .bind("limit", limit)
                .map((rs, ctx) -> readIssue(sourceId, rs))
                .list());
    }

    @Override
    public void close() {
        dataSource.close();
        LOG.info("Store at {} closed", description);
    }

    @Override
    public String toString() {
        return "JdbcStore[" + description + "]";
    }

    /**
     * Runs {@code work} in a write transaction. The lock queues this process's writers instead of
     * letting them poll SQLite's busy handler; the {@code change_seq} update taken first holds the
     * database's write lock (row lock on PostgreSQL, write lock on SQLite) until commit. Features
     * with tables of their own in this database (alerts) write through here too, so that they
     * queue behind harvests rather than spin against them.
     */
    public <T> T inWriteTransaction(HandleCallback<T, RuntimeException> work) {
        writeLock.lock();
        try {
            return withHandle(writeHandle -> writeHandle.inTransaction(handle -> {
                handle.createUpdate("UPDATE change_seq SET last_seq = last_seq WHERE id = 1")
                        .execute();
                return work.withHandle(handle);
            }));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} on a handle of its own. {@link Jdbi#withHandle} would reuse a handle
     * already open on this thread, so a store call made from inside a {@link #forEachLiveItem}
     * consumer would silently join the snapshot transaction.
     */
    private <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            return work.withHandle(handle);
        }
    }

    private String now() {
        return format(Instant.now());
    }

    private static @Nullable String format(@Nullable Instant instant) {
        return instant == null ? null : INSTANT_TEXT.format(instant);
    }

    /**
     * Appends changes with consecutive sequence numbers inside one write transaction, in one JDBC
     * batch written by {@link #finish()}.
     */
    private static final class ChangeAppender {
        private final Handle handle;
        private final String at;
        private final long firstSeq;
        private final PreparedBatch rows;
        private long lastSeq;

        ChangeAppender(Handle handle, String at) {
            this.handle = handle;
            this.at = at;
            this.firstSeq = readLastSeq(handle);
            this.lastSeq = firstSeq;
            this.rows = handle.prepareBatch(INSERT_CHANGE);
        }

        void append(Change.Type type, SourceKey key, URI itemId) {
            lastSeq++;
            rows.bind("seq", lastSeq)
                    .bind("type", type.name())
                    .bind("key", key.toString())
                    .bind("itemId", itemId.toString())
                    .bind("at", at)
                    .add();
        }

        void finish() {
            if (lastSeq != firstSeq) {
                rows.execute();
                handle.createUpdate("UPDATE change_seq SET last_seq = :seq WHERE id = 1")
                        .bind("seq", lastSeq)
                        .execute();
            }
        }
    }
}
