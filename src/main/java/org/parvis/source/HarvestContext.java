package org.parvis.source;

import org.jspecify.annotations.Nullable;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Item;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.store.BatchResult;
import org.parvis.store.SourceIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link Connector} works with during one harvest of one source: the shared HTTP client
 * (through {@link #get}, which counts requests and bytes for the run's record), the sink for the
 * items it reads ({@link #emit}, written to the store in batches) and the sink for the problems it
 * meets ({@link #report}).
 *
 * <p>Created by the {@link Harvester} for one run. Its methods are synchronised, so a connector may
 * fetch pages from several threads, but the context must not outlive its run.
 */
public final class HarvestContext {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestContext.class);

    /** Issues kept per run; a source with more gets one summary issue for the rest. */
    static final int MAX_ISSUES = 500;

    /** Writes one batch of items to the store. */
    @FunctionalInterface
    interface BatchWriter {
        BatchResult write(List<Item> batch, HarvestContext ctx);
    }

    private final SourceConfig source;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final int batchSize;
    private final BatchWriter writer;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final HttpFetcher.Tally tally = new HttpFetcher.Tally() {
        @Override
        public void attempted(long bodyBytes) {
            requests.incrementAndGet();
            bytes.addAndGet(bodyBytes);
        }

        @Override
        public void retrying(String reason) {
            retries.incrementAndGet();
        }

        @Override
        public void notModified() {
            notModified.incrementAndGet();
        }
    };
    private final List<Item> pending = new ArrayList<>();
    private final Set<SourceKey> seen = new LinkedHashSet<>();
    private final List<SourceIssue> issues = new ArrayList<>();
    private final Set<String> reportedOnce = new java.util.HashSet<>();
    private int issuesDropped;
    private BatchResult written = BatchResult.EMPTY;

    HarvestContext(
            SourceConfig source,
            HttpFetcher fetcher,
            Clock clock,
            int batchSize,
            BatchWriter writer) {
        this.source = source;
        this.fetcher = fetcher;
        this.clock = clock;
        this.batchSize = batchSize;
        this.writer = writer;
    }

    /** The source being harvested. */
    public SourceConfig source() {
        return source;
    }

    /** The current time, from the harvester's clock. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * GETs a URL through the shared client ({@link HttpFetcher#fetch}: rate-limited, retried,
     * revalidated) and counts the requests and their bytes for this run.
     *
     * @return the last response, whatever its status, once retries are spent
     * @throws IOException when every attempt failed, the source's circuit breaker is open or the
     *     body exceeds the size cap
     */
    public HttpFetcher.Response get(URI uri, String accept)
            throws IOException, InterruptedException {
        return fetcher.fetch(
                HttpFetcher.Policy.of(source), HttpFetcher.Exchange.get(uri, accept), tally);
    }

    /**
     * POSTs a body (e.g. a GraphQL query) through the shared client, as {@link #get} does.
     *
     * @throws IOException as {@link #get}
     */
    public HttpFetcher.Response post(URI uri, String contentType, byte[] body, String accept)
            throws IOException, InterruptedException {
        return fetcher.fetch(
                HttpFetcher.Policy.of(source),
                HttpFetcher.Exchange.post(uri, contentType, body, accept),
                tally);
    }

    /**
     * The provenance of a record read now from {@code retrievedFrom} (its query string is dropped)
     * under the source's licence.
     */
    public Provenance provenance(
            URI retrievedFrom, HarvestMethod method, @Nullable Instant sourceUpdatedAt) {
        return new Provenance(
                source.id(),
                now(),
                URI.create(HttpFetcher.redact(retrievedFrom)),
                method,
                sourceUpdatedAt,
                source.licence(),
                List.of());
    }

    /**
     * Hands over one record read from the source. Records of another source and repeated keys are
     * reported as issues and skipped; the rest are written to the store in batches.
     */
    public synchronized void emit(Item item) {
        SourceKey key = item.sourceKey();
        if (!key.sourceId().equals(source.id())) {
            report(
                    "foreign-record",
                    key.toString(),
                    null,
                    "record " + item.id() + " is keyed for source '" + key.sourceId() + "', not '"
                            + source.id() + "'; the connector must key records by the source id");
            return;
        }
        if (!seen.add(key)) {
            report(
                    "duplicate-record",
                    key.toString(),
                    null,
                    "the source lists " + key + " twice; kept the first");
            return;
        }
        pending.add(SourceDefaults.apply(source, item));
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /**
     * Files a problem met while harvesting.
     *
     * @param type a short kebab-case kind, e.g. {@code bad-record}, {@code http-status}
     * @param recordRef the record concerned (its source key or public URL), if known
     * @param url the URL concerned, if any; recorded without its query string
     * @param message what is wrong, with enough detail to fix it at the source
     */
    public synchronized void report(
            String type, @Nullable String recordRef, @Nullable URI url, String message) {
        LOG.debug("{}: {} {} {}", source.id(), type, recordRef == null ? "" : recordRef, message);
        if (issues.size() >= MAX_ISSUES) {
            issuesDropped++;
            return;
        }
        String where = url == null ? null : HttpFetcher.redact(url);
        issues.add(new SourceIssue(source.id(), now(), type, recordRef, where, message));
    }

    /**
     * Files a problem unless one of the same type and record was already filed in this run, so a
     * label shared by many records is reported once.
     *
     * @return whether the problem was filed now
     */
    public synchronized boolean reportOnce(
            String type, @Nullable String recordRef, @Nullable URI url, String message) {
        if (!reportedOnce.add(type + '\u0000' + recordRef)) {
            return false;
        }
        report(type, recordRef, url, message);
        return true;
    }

    /** Writes the pending items, if any; returns what the batch did. */
    synchronized BatchResult flush() {
        if (pending.isEmpty()) {
            return BatchResult.EMPTY;
        }
        BatchResult result = writer.write(List.copyOf(pending), this);
        pending.clear();
        written = written.plus(result);
        return result;
    }

    synchronized Set<SourceKey> seen() {
        return Set.copyOf(seen);
    }

    synchronized BatchResult written() {
        return written;
    }

    synchronized List<SourceIssue> issues() {
        List<SourceIssue> all = new ArrayList<>(issues);
        if (issuesDropped > 0) {
            all.add(new SourceIssue(
                    source.id(),
                    now(),
                    "issues-truncated",
                    null,
                    null,
                    issuesDropped
                            + " more issues in this run were not recorded; fix the ones "
                            + "above first"));
        }
        return all;
    }

    long requests() {
        return requests.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Requests sent again after a failure, in this run. */
    long retries() {
        return retries.get();
    }

    /** Conditional requests answered 304, in this run. */
    long notModified() {
        return notModified.get();
    }
}
