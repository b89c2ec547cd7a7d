package org.parvis.source;

import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Item;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;
import org.parvis.model.ThemeAssignment;
import org.parvis.store.BatchResult;
import org.parvis.store.HarvestRun;
import org.parvis.store.HarvestRun.Outcome;
import org.parvis.store.SourceIssue;
import org.parvis.store.Store;
import org.parvis.territory.ScopeResolver;
import org.parvis.theme.ThemeClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Harvests one source at a time: runs its connector, writes what it lists to the {@link Store} in
 * batches (telling the {@link HarvestListener} after each), tombstones the source's items that were
 * not listed — only after a complete listing — and records the run.
 *
 * <p>Outcomes: {@link Outcome#SUCCESS} when the listing was complete; {@link Outcome#PARTIAL} when
 * it was not but records were read (they are kept, nothing is removed); {@link Outcome#FAILED} when
 * nothing could be read. A harvest never throws for a failing platform or store: the failure is in
 * the returned run.
 *
 * <p>Thread-safe: different sources may be harvested concurrently. Callers must not harvest the
 * same source twice at once (the scheduler runs each source's harvests one after the other).
 */
public final class Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    /** Items written per store transaction. */
    public static final int DEFAULT_BATCH_SIZE = 200;

    private final Store store;
    private final Connectors connectors;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final HarvestListener listener;
    private final MeterRegistry meters;
    private final int batchSize;
    private final ThemeClassifier classifier = ThemeClassifier.loadDefault();
    private final @Nullable TerritoryPlacement placement;

    public Harvester(
            Store store,
            Connectors connectors,
            HttpFetcher fetcher,
            Clock clock,
            HarvestListener listener,
            MeterRegistry meters) {
        this(store, connectors, fetcher, clock, listener, meters, null, DEFAULT_BATCH_SIZE);
    }

    /**
     * A harvester that also places every item with {@code scopes}: scope labels, coordinates and
     * addresses resolved inside each source's configured territory.
     */
    public Harvester(
            Store store,
            Connectors connectors,
            HttpFetcher fetcher,
            Clock clock,
            HarvestListener listener,
            MeterRegistry meters,
            ScopeResolver scopes) {
        this(store, connectors, fetcher, clock, listener, meters, scopes, DEFAULT_BATCH_SIZE);
    }

    Harvester(
            Store store,
            Connectors connectors,
            HttpFetcher fetcher,
            Clock clock,
            HarvestListener listener,
            MeterRegistry meters,
            int batchSize) {
        this(store, connectors, fetcher, clock, listener, meters, null, batchSize);
    }

    Harvester(
            Store store,
            Connectors connectors,
            HttpFetcher fetcher,
            Clock clock,
            HarvestListener listener,
            MeterRegistry meters,
            @Nullable ScopeResolver scopes,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.store = store;
        this.connectors = connectors;
        this.fetcher = fetcher;
        this.clock = clock;
        this.listener = listener;
        this.meters = meters;
        this.batchSize = batchSize;
        this.placement = scopes == null ? null : new TerritoryPlacement(scopes);
    }

    /**
     * Checks that a source's configured scope mappings name known areas.
     *
     * @throws IllegalArgumentException naming the source, the label and the bad area
     */
    public static void requireValidScopes(ScopeResolver scopes, SourceConfig source) {
        scopes.withMappings(source.id(), source.scopes());
    }

    /** Harvests {@code source} once and returns the recorded run. */
    public HarvestRun harvest(SourceConfig source) {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        HarvestContext ctx = new HarvestContext(
                source, fetcher, clock, batchSize, (batch, run) -> write(source, batch, run));

        // List the source; whatever goes wrong is kept as the run's error.
        Listing listing;
        try {
            Connector connector = connectors.getConnector(source.kind());
            listing = connector.list(source, ctx);
            ctx.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listing = Listing.incomplete("harvest interrupted");
        } catch (RuntimeException e) {
            LOG.error("harvest of {} stopped by an unexpected error", source.id(), e);
            listing = Listing.incomplete("unexpected error: " + e);
        }

        // Removals are inferred only from a complete listing.
        int removed = 0;
        if (listing.isComplete()) {
            try {
                removed = removeMissing(source, ctx.seen());
            } catch (RuntimeException e) {
                LOG.error("removing the items {} no longer lists failed", source.id(), e);
                listing = Listing.incomplete("removing unlisted items failed: " + e);
            }
        }

        HarvestRun run = record(source, startedAt, listing, ctx, removed);
        logSummary(run, (System.nanoTime() - startNanos) / 1_000_000);
        count(run, Duration.ofNanos(System.nanoTime() - startNanos));
        return run;
    }

    private BatchResult write(SourceConfig source, List<Item> batch, HarvestContext ctx) {
        // Every item is placed, and every process carries explained themes, whatever its source
        // called its scopes and categories.
        List<Item> classified = batch.stream()
                .map(item -> placement == null ? item : placement.place(source, item, ctx))
                .map(item -> item instanceof Process process
                        ? classify(process, source.categoryThemes())
                        : item)
                .toList();
        BatchResult result = store.upsertAll(classified);
        notifyListener(source, result, 0);
        return result;
    }

    /**
     * The classifier's themes, plus those the record already carried for other themes: a record
     * that travelled through another node or an export keeps the themes given there.
     */
    private Process classify(Process process, Map<String, String> overrides) {
        Process classified = classifier.reclassify(process, overrides);
        Set<String> found = classified.themes().stream()
                .map(ThemeAssignment::theme)
                .collect(java.util.stream.Collectors.toSet());
        List<ThemeAssignment> themes = new java.util.ArrayList<>(classified.themes());
        process.themes().stream()
                .filter(theme -> !found.contains(theme.theme()))
                .forEach(themes::add);
        return classified.toBuilder().withThemes(themes).build();
    }

    private int removeMissing(SourceConfig source, Set<SourceKey> seen) {
        int removed = store.tombstoneMissing(source.id(), seen);
        if (removed > 0) {
            notifyListener(source, BatchResult.EMPTY, removed);
        }
        return removed;
    }

    private void notifyListener(SourceConfig source, BatchResult batch, int removed) {
        try {
            listener.afterBatch(source, batch, removed);
        } catch (RuntimeException e) {
            LOG.warn(
                    "harvest listener failed after a batch of {}; the harvest goes on",
                    source.id(),
                    e);
        }
    }

    private HarvestRun record(
            SourceConfig source,
            Instant startedAt,
            Listing listing,
            HarvestContext ctx,
            int removed) {
        Outcome outcome;
        if (listing.isComplete()) {
            outcome = Outcome.SUCCESS;
        } else if (written(ctx.written()) > 0) {
            outcome = Outcome.PARTIAL;
        } else {
            outcome = Outcome.FAILED;
        }
        BatchResult written = ctx.written();
        List<SourceIssue> issues = ctx.issues();
        HarvestRun run = new HarvestRun(
                source.id(),
                startedAt,
                clock.instant(),
                outcome,
                ctx.requests(),
                ctx.bytes(),
                written.inserted(),
                written.changed(),
                written.unchanged(),
                removed,
                listing.problem(),
                issues,
                ctx.retries(),
                ctx.notModified());
        try {
            store.recordRun(run);
        } catch (RuntimeException e) {
            LOG.error("could not record the harvest run of {}", source.id(), e);
        }
        return run;
    }

    private static int written(BatchResult result) {
        return result.inserted() + result.changed() + result.unchanged();
    }

    private static void logSummary(HarvestRun run, long millis) {
        String format = "harvest {} {}: {} new, {} changed, {} unchanged, {} removed, {} issues;"
                + " {} requests ({} retries, {} not modified), {} bytes in {} ms{}";
        Object[] args = {
            run.sourceId(),
            run.outcome().name().toLowerCase(Locale.ROOT),
            run.itemsNew(),
            run.itemsChanged(),
            run.itemsUnchanged(),
            run.itemsRemoved(),
            run.issues().size(),
            run.requests(),
            run.retries(),
            run.notModified(),
            run.bytes(),
            millis,
            run.error() == null ? "" : " — " + run.error()
        };
        if (run.outcome() == Outcome.SUCCESS) {
            LOG.info(format, args);
        } else {
            LOG.warn(format, args);
        }
    }

    private void count(HarvestRun run, Duration duration) {
        String outcome = run.outcome().name().toLowerCase(Locale.ROOT);
        meters.counter("parvis.harvest.runs", "source", run.sourceId(), "outcome", outcome)
                .increment();
        meters.timer("parvis.harvest.duration", "source", run.sourceId()).record(duration);
        meters.counter("parvis.harvest.items", "source", run.sourceId(), "change", "new")
                .increment(run.itemsNew());
        meters.counter("parvis.harvest.items", "source", run.sourceId(), "change", "changed")
                .increment(run.itemsChanged());
        meters.counter("parvis.harvest.items", "source", run.sourceId(), "change", "removed")
                .increment(run.itemsRemoved());
        meters.counter("parvis.harvest.issues", "source", run.sourceId())
                .increment(run.issues().size());
    }
}
