package org.parvis.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.store.Change;
import org.parvis.store.Store;
import org.parvis.territory.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Lucene index of processes that answers the feed: which processes concern a place, with
 * which themes, kinds and statuses, in which order, with facet counts.
 *
 * <p><b>Derived from the store.</b> The index replays the store's change log ({@link
 * #catchUp(Store)}) and records, in each Lucene commit, the sequence number of the last change it
 * contains (its {@link #checkpoint()}). The checkpoint only moves with a commit, so after a crash
 * between the store and the index the next {@code catchUp} replays what was lost; replaying is
 * idempotent (upserts replace the document of the same source key, deletes remove it). A failed
 * update rolls the index back to its last commit. {@link #rebuild(Store)} starts over from the
 * store's live items. An index written by another schema version is emptied when opened
 * (checkpoint 0): call {@code rebuild} when {@link #checkpoint()} is 0 and the store is not empty.
 *
 * <p><b>Status at query time.</b> Start and end are kept as epoch milliseconds and the status
 * ({@link ProcessStatus#at}, at millisecond precision) is computed for the time of each search, so
 * a process closes on time without a write.
 *
 * <p><b>Search.</b> The place (and the text, if any) select the candidates through Lucene; one
 * pass over the candidates then checks the theme, kind and status filters, counts facets and keeps
 * the page ({@link FeedCollector}), reading per-segment in-memory copies of the doc values
 * ({@link SegmentColumns}, about 36 bytes per process) rather than the doc values themselves.
 * Unions of large areas (France, a région) come from bit sets cached per segment ({@link
 * AreaQuery}). Each segment is sorted by the path of the item's area from the EU down, so the
 * items of one area are neighbours and a search sweeps them in memory order. Cards are stored with
 * each document, so a search never reads the store.
 *
 * <p><b>Threads.</b> Thread-safe. Searches run concurrently on the latest committed view (a
 * {@link SearcherManager} refreshed after each commit); writes ({@code catchUp}, {@code rebuild},
 * {@code indexAll}) are serialised. Close it once, after the last search.
 *
 * <p>I/O failures surface as {@link UncheckedIOException}.
 */
public final class FeedIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedIndex.class);

    /** Changes read from the log per call. */
    static final int CHANGE_BATCH = 1_000;

    /** Changes applied between two intermediate commits of a long catch-up. */
    static final int COMMIT_EVERY_CHANGES = 20_000;

    private final Directory directory;
    private final String location;
    private final ProcessDocuments documents;
    private final TextAnalysis text = new TextAnalysis();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final SegmentColumns.Cache columns = new SegmentColumns.Cache();
    private volatile Writing writing;
    private volatile long checkpoint;

    /** The writer and the searchers that see its commits; replaced together after a rollback. */
    private record Writing(IndexWriter writer, SearcherManager searchers) {}

    private FeedIndex(Directory directory, String location, Gazetteer gazetteer)
            throws IOException {
        this.directory = directory;
        this.location = location;
        this.documents = new ProcessDocuments(gazetteer);
        this.writing = openWriting();
    }

    /**
     * Opens (or creates) the index in {@code dir}, memory-mapped. Only one process may open a
     * directory at a time.
     */
    public static FeedIndex open(Path dir, Gazetteer gazetteer) {
        try {
            Files.createDirectories(dir);
            FeedIndex index = new FeedIndex(FSDirectory.open(dir), dir.toString(), gazetteer);
            LOG.info(
                    "Opened feed index {}: {} processes, checkpoint {}",
                    dir,
                    index.size(),
                    index.checkpoint());
            return index;
        } catch (LockObtainFailedException e) {
            throw new UncheckedIOException(
                    "feed index " + dir
                            + " is already open in another process; stop it or use another "
                            + "directory",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open feed index " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A new empty index held in memory (tests and benchmarks); lost when closed. */
    public static FeedIndex inMemory(Gazetteer gazetteer) {
        try {
            return new FeedIndex(new ByteBuffersDirectory(), "memory", gazetteer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence number of the last change contained in the last commit; 0 for a new index. */
    public long checkpoint() {
        return checkpoint;
    }

    /** The number of processes the searchers currently see. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * Applies the store's changes after the checkpoint, commits, and makes them searchable.
     * Returns the number of changes read (contributions are read but not indexed).
     */
    public int catchUp(Store store) {
        return catchUp(ChangeLog.of(store), CHANGE_BATCH, COMMIT_EVERY_CHANGES);
    }

    /**
     * Empties the index, indexes every live process of the store, commits at the sequence number
     * of that snapshot, then catches up with the changes made meanwhile. Searches see the old
     * content until the new one is committed.
     */
    public void rebuild(Store store) {
        rebuild(ChangeLog.of(store));
    }

    /**
     * Indexes these processes (replacing any with the same source key) and commits with {@code
     * checkpointSeq} as the checkpoint. For bulk loads and benchmarks.
     */
    public void indexAll(Collection<Process> processes, long checkpointSeq) {
        if (checkpointSeq < 0) {
            throw new IllegalArgumentException(
                    "checkpoint " + checkpointSeq + " is negative; expected 0 or more");
        }
        writeLock.lock();
        try {
            long started = System.nanoTime();
            IndexWriter writer = writing.writer();
            for (Process process : processes) {
                upsert(writer, process);
            }
            commit(checkpointSeq);
            LOG.info(
                    "Indexed {} processes into feed index {} in {} ms",
                    processes.size(),
                    location,
                    elapsedMillis(started));
        } catch (IOException | RuntimeException e) {
            resetToLastCommit(e);
            throw asUnchecked(e);
        } finally {
            writeLock.unlock();
        }
    }

    int catchUp(ChangeLog log, int batchSize, int commitEveryChanges) {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            long from = checkpoint;
            long applied = from;
            int read = 0;
            int sinceCommit = 0;
            IndexWriter writer = writing.writer();
            List<Change> batch = log.listChangesAfter(applied, batchSize);
            while (!batch.isEmpty()) {
                for (Change change : batch) {
                    if (change.seq() <= applied) {
                        throw new IllegalStateException("change log went backwards: change "
                                + change.seq() + " after " + applied
                                + "; the store must list changes in ascending order");
                    }
                    apply(writer, change);
                    applied = change.seq();
                }
                read += batch.size();
                sinceCommit += batch.size();
                if (sinceCommit >= commitEveryChanges) {
                    commit(applied);
                    sinceCommit = 0;
                }
                batch = log.listChangesAfter(applied, batchSize);
            }
            if (applied != checkpoint) {
                commit(applied);
            }
            if (read > 0) {
                LOG.info(
                        "Feed index {} applied {} changes ({} to {}) in {} ms",
                        location,
                        read,
                        from,
                        applied,
                        elapsedMillis(started));
            }
            return read;
        } catch (IOException | RuntimeException e) {
            resetToLastCommit(e);
            throw asUnchecked(e);
        } finally {
            writeLock.unlock();
        }
    }

    void rebuild(ChangeLog log) {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            IndexWriter writer = writing.writer();
            writer.deleteAll();
            long[] count = {0};
            long snapshotSeq = log.forEachLiveItem(item -> {
                if (item instanceof Process process) {
                    add(writer, process);
                    count[0]++;
                }
            });
            commit(snapshotSeq);
            LOG.info(
                    "Rebuilt feed index {}: {} processes at change {} in {} ms",
                    location,
                    count[0],
                    snapshotSeq,
                    elapsedMillis(started));
        } catch (IOException | RuntimeException e) {
            resetToLastCommit(e);
            throw asUnchecked(e);
        } finally {
            writeLock.unlock();
        }
        catchUp(log, CHANGE_BATCH, COMMIT_EVERY_CHANGES);
    }

    /**
     * Runs a search on the latest committed view: one page of hits, the total, facet counts and
     * the next cursor. Throws {@link IllegalArgumentException} naming 'cursor' when the cursor is
     * malformed, altered or from another query.
     */
    public SearchResult search(SearchRequest request) {
        int fingerprint = Cursor.fingerprint(request);
        SortOrder order = request.effectiveSort();
        FeedCollector.After after = request.cursor() == null
                ? null
                : Cursor.decode(request.cursor(), order, fingerprint);
        return withSearcher(searcher -> search(searcher, request, order, fingerprint, after));
    }

    private SearchResult search(
            IndexSearcher searcher,
            SearchRequest request,
            SortOrder order,
            int fingerprint,
            FeedCollector.@Nullable After after)
            throws IOException {
        long nowMillis = request.now().toEpochMilli();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(areaQuery(request.areas()), BooleanClause.Occur.FILTER);
        if (request.text() != null) {
            boolean scored = order == SortOrder.RELEVANCE;
            Query words = text.parse(request.text(), languagesIn(searcher));
            query.add(words, scored ? BooleanClause.Occur.MUST : BooleanClause.Occur.FILTER);
        }
        FeedCollector.Outcome outcome = searcher.search(
                query.build(),
                new FeedCollector.Manager(request, order, after, nowMillis, columns));

        List<FeedCollector.Hit> top = outcome.top();
        int shown = Math.min(top.size(), request.limit());
        List<SearchResult.Hit> hits = new ArrayList<>(shown);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < shown; i++) {
            ProcessCard card = readCard(stored, top.get(i).doc());
            ProcessStatus status = FeedCollector.statusAt(
                    ProcessDocuments.startMillis(card.startAt()),
                    ProcessDocuments.endMillis(card.endAt()),
                    nowMillis);
            hits.add(new SearchResult.Hit(card, status));
        }
        String next = null;
        if (top.size() > request.limit()) {
            FeedCollector.Hit last = top.get(shown - 1);
            next = Cursor.encode(order, fingerprint, last.key(), last.id());
        }
        return new SearchResult(hits, outcome.total(), outcome.facets(), next);
    }

    /** The language buckets the index has text in: a text query skips the others. */
    private static Set<String> languagesIn(IndexSearcher searcher) throws IOException {
        Set<String> present = new HashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(Fields.LANG);
            if (terms != null) {
                TermsEnum languages = terms.iterator();
                for (BytesRef language = languages.next();
                        language != null;
                        language = languages.next()) {
                    present.add(language.utf8ToString());
                }
            }
        }
        return present;
    }

    private Query areaQuery(AreaFilter filter) {
        if (filter instanceof AreaFilter.AnyOf anyOf) {
            SortedSet<String> terms = new TreeSet<>();
            anyOf.areas().forEach(area -> terms.add(area.value()));
            return new AreaQuery(Fields.AREA, terms, columns);
        }
        String area = ((AreaFilter.Within) filter).area().value();
        return new AreaQuery(Fields.WITHIN, new TreeSet<>(Set.of(area)), columns);
    }

    private static ProcessCard readCard(StoredFields stored, int doc) throws IOException {
        Document document = stored.document(doc, Set.of(Fields.CARD));
        return ProcessDocuments.readCard(document.getBinaryValue(Fields.CARD));
    }

    /** Every indexed card by source key, as stored JSON: lets tests compare two indexes. */
    SortedMap<String, String> listStoredCards() {
        return withSearcher(searcher -> {
            SortedMap<String, String> cards = new TreeMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        BytesRef bytes = stored.document(doc, Set.of(Fields.CARD))
                                .getBinaryValue(Fields.CARD);
                        ProcessCard card = ProcessDocuments.readCard(bytes);
                        cards.put(card.sourceKey(), bytes.utf8ToString());
                    }
                }
            }
            return cards;
        });
    }

    private void apply(IndexWriter writer, Change change) throws IOException {
        if (change.type() == Change.Type.DELETE) {
            writer.deleteDocuments(ProcessDocuments.keyTerm(change.sourceKey()));
            return;
        }
        Item item = change.item();
        if (item instanceof Process process) {
            upsert(writer, process);
        }
        // TODO(#2): index contributions (counts and search inside a process).
    }

    private void upsert(IndexWriter writer, Process process) throws IOException {
        Term key = ProcessDocuments.keyTerm(process.sourceKey());
        try {
            writer.updateDocument(key, documents.toDocument(process));
        } catch (IllegalArgumentException e) {
            // Lucene refuses the document (e.g. a term over 32 KB): drop it rather than block the
            // log.
            LOG.error(
                    "Feed index cannot index process {}; it is left out: {}",
                    key.text(),
                    e.getMessage());
            writer.deleteDocuments(key);
        }
    }

    private void add(IndexWriter writer, Process process) {
        try {
            writer.addDocument(documents.toDocument(process));
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "Feed index cannot index process {}; it is left out: {}",
                    process.sourceKey(),
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(long seq) throws IOException {
        Writing current = writing;
        Map<String, String> userData = new HashMap<>();
        userData.put(Fields.COMMIT_CHECKPOINT, Long.toString(seq));
        userData.put(Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION);
        current.writer().setLiveCommitData(userData.entrySet());
        current.writer().commit();
        checkpoint = seq;
        current.searchers().maybeRefreshBlocking();
    }

    /**
     * Opens a writer on the directory at its last commit, and searchers on that writer. An index
     * of another schema version is replaced by an empty one (checkpoint 0).
     */
    private Writing openWriting() throws IOException {
        Map<String, String> userData = new HashMap<>();
        if (DirectoryReader.indexExists(directory)) {
            userData.putAll(SegmentInfos.readLatestCommit(directory).getUserData());
        }
        String schema = userData.get(Fields.COMMIT_SCHEMA);
        boolean current = Fields.SCHEMA_VERSION.equals(schema);
        if (!current && schema != null) {
            LOG.warn(
                    "Feed index {} has schema {}, this version needs {}: emptied, rebuild it "
                            + "from the store",
                    location,
                    schema,
                    Fields.SCHEMA_VERSION);
        }
        IndexWriterConfig config = new IndexWriterConfig(text.fieldAnalyzer())
                .setOpenMode(
                        current
                                ? IndexWriterConfig.OpenMode.APPEND
                                : IndexWriterConfig.OpenMode.CREATE)
                .setIndexSort(new Sort(new SortField(Fields.CLUSTER, SortField.Type.STRING)))
                // Closing must not commit: uncommitted changes are replayed from the store.
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        if (!current) {
            userData.clear();
            userData.put(Fields.COMMIT_CHECKPOINT, "0");
            userData.put(Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION);
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
        }
        checkpoint = Long.parseLong(userData.getOrDefault(Fields.COMMIT_CHECKPOINT, "0"));
        return new Writing(
                writer, new SearcherManager(writer, true, false, new WarmingSearcherFactory()));
    }

    /** Loads the columns of new segments when a searcher opens, before any search needs them. */
    private final class WarmingSearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            for (LeafReaderContext leaf : reader.leaves()) {
                columns.get(leaf.reader());
            }
            return new IndexSearcher(reader);
        }
    }

    /** After a failed update: back to the last commit, as after a crash. */
    private void resetToLastCommit(Exception cause) {
        LOG.warn(
                "Feed index {} update failed; rolling back to checkpoint {}: {}",
                location,
                checkpoint,
                cause.toString());
        Writing failed = writing;
        try {
            failed.writer().rollback();
            writing = openWriting();
            failed.searchers().close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error(
                    "Feed index {} cannot reopen after a failed update; restart the node",
                    location,
                    e);
        }
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> function) {
        try {
            return withSearcherOnce(function);
        } catch (AlreadyClosedException e) {
            // The searchers were replaced by a rollback between reading and acquiring: once more.
            return withSearcherOnce(function);
        }
    }

    private <T> T withSearcherOnce(SearcherFunction<T> function) {
        SearcherManager searchers = writing.searchers();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "feed index " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static RuntimeException asUnchecked(Exception e) {
        return e instanceof RuntimeException runtime
                ? runtime
                : new UncheckedIOException((IOException) e);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Closes the searchers and the writer (dropping uncommitted changes) and the directory. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            Writing current = writing;
            current.searchers().close();
            current.writer().close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot close feed index " + location + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }
}
