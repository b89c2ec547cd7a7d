package org.parvis.alert;

import org.parvis.feed.FeedItem;
import org.parvis.feed.FeedResult;
import org.parvis.feed.FeedService;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.store.Change;
import org.parvis.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Finds what each confirmed subscription should hear about after a harvest.
 *
 * <p>Candidates are the processes that are <em>new</em> (never seen by the matcher) and open or
 * upcoming, and those that <em>newly opened</em>: seen before while upcoming and now open, either
 * because a re-harvest changed their dates or because their start has come. They are read from
 * the store's change log after the matcher's checkpoint, and from the matcher's own table of
 * processes not yet open.
 *
 * <p>Which candidates a subscription gets is decided by the feed itself: each distinct saved query
 * is run as a {@link org.parvis.feed.FeedQuery} (open and upcoming processes) and the candidates
 * among its results match, so an alert selects exactly what the feed shows for the same place,
 * scope, themes and kinds. The run, its matches and the checkpoint are recorded in one
 * transaction; a run that fails is repeated whole by the next one, and the store's primary key
 * makes sure a process is recorded at most once per subscription.
 *
 * <p>The feed's index must have caught up with the store before {@link #match()} runs.
 *
 * <p>TODO(#7): each distinct query pages through its whole feed when some candidate is not in
 * it, which costs one feed page per 100 matching processes and query; a filter by source keys in
 * the feed query would make it one page. TODO(#7): remind followers a few days before a matched
 * process closes.
 *
 * <p>Not thread-safe: runs are serialised by {@link AlertService}.
 */
final class AlertMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);

    private static final int CHANGES_PER_PAGE = 500;

    /** What one run did. */
    record Report(int candidates, int subscriptions, int matches) {}

    private final AlertStore alerts;
    private final Store store;
    private final FeedService feed;
    private final Clock clock;

    AlertMatcher(AlertStore alerts, Store store, FeedService feed, Clock clock) {
        this.alerts = alerts;
        this.store = store;
        this.feed = feed;
        this.clock = clock;
    }

    Report match() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        AlertStore.Checkpoint checkpoint = alerts.readCheckpoint();
        long upTo = store.lastChangeSeq();

        // The processes written or removed since the checkpoint, latest state only.
        Map<String, Process> written = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        long seq = checkpoint.lastChangeSeq();
        while (seq < upTo) {
            List<Change> changes = store.listChangesAfter(seq, CHANGES_PER_PAGE);
            if (changes.isEmpty()) {
                break;
            }
            for (Change change : changes) {
                if (change.seq() > upTo) {
                    break;
                }
                String key = change.sourceKey().toString();
                if (change.item() instanceof Process process) {
                    written.put(key, process);
                    removed.remove(key);
                } else if (change.type() == Change.Type.DELETE) {
                    written.remove(key);
                    removed.add(key);
                }
                seq = change.seq();
            }
        }

        // New or newly opened: decided against what the matcher saw before.
        Map<String, String> candidates = new HashMap<>();
        Map<String, AlertStore.ProcessRow> rows = new HashMap<>();
        Map<String, AlertStore.ProcessRow> known = alerts.findProcesses(written.keySet());
        for (Map.Entry<String, Process> entry : written.entrySet()) {
            Process process = entry.getValue();
            ProcessStatus status = ProcessStatus.at(process.startAt(), process.endAt(), now);
            AlertStore.ProcessRow before = known.get(entry.getKey());
            boolean live = status == ProcessStatus.OPEN || status == ProcessStatus.UPCOMING;
            if (before == null && live) {
                candidates.put(entry.getKey(), "new");
            } else if (before != null && !before.opened() && status == ProcessStatus.OPEN) {
                candidates.put(entry.getKey(), "opened");
            }
            rows.put(
                    entry.getKey(),
                    new AlertStore.ProcessRow(
                            entry.getKey(), process.startAt(), status != ProcessStatus.UPCOMING));
        }
        for (AlertStore.ProcessRow opening : alerts.listOpening(now)) {
            if (!rows.containsKey(opening.key()) && !removed.contains(opening.key())) {
                candidates.putIfAbsent(opening.key(), "opened");
                rows.put(
                        opening.key(),
                        new AlertStore.ProcessRow(opening.key(), opening.startAt(), true));
            }
        }

        List<Subscription> subscriptions =
                candidates.isEmpty() ? List.of() : alerts.listConfirmed();
        List<AlertStore.Match> matches = new ArrayList<>();
        Set<String> immediate = new HashSet<>();
        Map<String, List<Subscription>> byQuery = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions) {
            byQuery.computeIfAbsent(subscription.query().key(), k -> new ArrayList<>())
                    .add(subscription);
            if (subscription.frequency() == Frequency.IMMEDIATE) {
                immediate.add(subscription.id());
            }
        }
        for (List<Subscription> group : byQuery.values()) {
            for (FeedItem item : matching(group.get(0).query(), candidates.keySet())) {
                ItemSnapshot snapshot = ItemSnapshot.of(item);
                String reason = candidates.get(item.sourceKey());
                for (Subscription subscription : group) {
                    matches.add(new AlertStore.Match(subscription.id(), snapshot, reason));
                }
            }
        }

        int recorded = alerts.recordRun(
                rows.values(),
                removed,
                matches,
                immediate,
                new AlertStore.Checkpoint(Math.max(seq, checkpoint.lastChangeSeq()), now));
        Report report = new Report(candidates.size(), subscriptions.size(), recorded);
        if (report.candidates() > 0) {
            LOG.info(
                    "alerts: {} new or newly opened processes, {} subscriptions in {} queries,"
                            + " {} new matches in {} ms",
                    report.candidates(),
                    report.subscriptions(),
                    byQuery.size(),
                    report.matches(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return report;
    }

    /**
     * The candidates among the feed's open and upcoming processes for {@code query}. Pages through
     * the feed until every candidate is found or the feed ends.
     */
    private List<FeedItem> matching(AlertQuery query, Set<String> candidates) {
        List<FeedItem> found = new ArrayList<>();
        String cursor = null;
        try {
            do {
                FeedResult page = feed.query(query.toFeedQuery(cursor));
                for (FeedItem item : page.items()) {
                    if (candidates.contains(item.sourceKey())) {
                        found.add(item);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null && found.size() < candidates.size());
        } catch (NoSuchElementException | IllegalArgumentException e) {
            // A place dropped from the gazetteer: the subscription stays, matching nothing.
            LOG.warn("alerts: query {} cannot be run: {}", query.key(), e.getMessage());
        }
        return found;
    }
}
