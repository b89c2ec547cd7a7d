package org.parvis.bench;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.sql.SQLException;

/**
 * A way to answer the feed question over a {@link BenchDataset}, measured by {@link FeedBench}.
 *
 * <p>{@link #load} is called once, before any {@link #openSession}; each session is used by one
 * thread at a time, several sessions may run at once. {@link #close} frees everything the engine
 * holds, including anything it created outside the process.
 */
interface FeedEngine extends AutoCloseable {

    /** A short name for the report. */
    String name();

    /** Builds the engine's structures from the dataset. */
    void load(BenchDataset dataset) throws Exception;

    /** What the report should say about this engine's set-up, once loaded; null for nothing. */
    default @Nullable String describe() throws SQLException {
        return null;
    }

    /** A session for one thread. */
    Session openSession() throws Exception;

    @Override
    void close() throws IOException, SQLException;

    /** Answers queries for one thread at a time. */
    interface Session extends AutoCloseable {

        FeedAnswer query(BenchQuery query) throws Exception;

        @Override
        default void close() throws IOException, SQLException {}
    }
}
