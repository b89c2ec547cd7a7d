package org.parvis.alert;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.Json;
import org.parvis.model.ProcessType;
import org.parvis.store.JdbcStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alert tables of migration V3 in the node's database (SQLite or PostgreSQL): subscriptions,
 * hashed tokens, matched items, the outbox and the matcher's checkpoint.
 *
 * <p>Every write runs in the store's write transaction ({@link JdbcStore#inWriteTransaction}),
 * which holds the database's write lock from its first statement and queues this process's
 * writers: on SQLite a transaction that read first could not be upgraded to a write while another
 * connection writes; on PostgreSQL it serialises alert writers, so two workers never claim the
 * same mail, and alert writes queue behind harvests instead of spinning against them.
 *
 * <p>Thread-safe: each call opens its own handle from the store's pool.
 */
final class AlertStore {

    private static final DateTimeFormatter INSTANT_TEXT =
            new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private static final String SUBSCRIPTION_COLUMNS =
            "s.id, s.email, s.place, s.scope, s.themes, s.kinds, s.frequency, s.language,"
                    + " s.created_at, s.expires_at, s.confirmed_at, s.next_digest_at";

    /** The kinds of mail in the outbox. */
    enum Kind {
        CONFIRM,
        IMMEDIATE,
        DIGEST;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A claimed outbox row. */
    record OutboxEntry(String id, String subscriptionId, Kind kind, int attempts) {}

    /** The matcher's view of a process. */
    record ProcessRow(String key, @Nullable Instant startAt, boolean opened) {}

    /** A process matched for a subscription, to insert. */
    record Match(String subscriptionId, ItemSnapshot item, String reason) {}

    /** Where the matcher stopped: the last change applied and when it last ran. */
    record Checkpoint(long lastChangeSeq, @Nullable Instant matchedAt) {}

    private final JdbcStore store;
    private final Jdbi jdbi;

    AlertStore(JdbcStore store) {
        this.store = store;
        this.jdbi = store.jdbi();
    }

    // Subscriptions

    /** Stores a pending subscription and its confirmation mail in one transaction. */
    void insertPending(Subscription subscription, String outboxId, Instant now) {
        inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO alert_subscription (id, email, place, scope, themes,"
                            + " kinds, frequency, language, created_at, expires_at,"
                            + " confirmed_at, next_digest_at) VALUES (:id, :email, :place,"
                            + " :scope, :themes, :kinds, :frequency, :language, :createdAt,"
                            + " :expiresAt, NULL, NULL)")
                    .bind("id", subscription.id())
                    .bind("email", subscription.email())
                    .bind("place", subscription.query().place().value())
                    .bind("scope", subscription.query().scopeCode())
                    .bind("themes", String.join(",", subscription.query().listThemes()))
                    .bind("kinds", String.join(",", subscription.query().listKinds()))
                    .bind("frequency", subscription.frequency().code())
                    .bind("language", subscription.language())
                    .bind("createdAt", format(subscription.createdAt()))
                    .bind("expiresAt", format(subscription.expiresAt()))
                    .execute();
            insertOutbox(handle, outboxId, subscription.id(), Kind.CONFIRM, now);
            return null;
        });
    }

    /** The subscription a token of one of {@code purposes} belongs to. */
    Optional<Subscription> findByToken(String tokenHash, Collection<String> purposes) {
        return withHandle(handle -> handle.createQuery("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM alert_token t JOIN alert_subscription s"
                        + " ON s.id = t.subscription_id"
                        + " WHERE t.token_hash = :hash AND t.purpose IN (<purposes>)")
                .bind("hash", tokenHash)
                .bindList("purposes", List.copyOf(purposes))
                .map((rs, ctx) -> readSubscription(rs))
                .findOne());
    }

    Optional<Subscription> findSubscription(String id) {
        return withHandle(handle -> handle.createQuery("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM alert_subscription s" + " WHERE s.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> readSubscription(rs))
                .findOne());
    }

    /**
     * Confirms a pending subscription that has not expired. When the same address already has a
     * confirmed subscription to the same query, that one takes the new frequency and language and
     * the pending one is deleted, so nobody gets the same process twice. Returns the id of the
     * confirmed subscription, empty when the pending one is gone or expired.
     */
    Optional<String> confirm(String id, Instant now, NextDigest nextDigest) {
        return inWriteTransaction(handle -> {
            Optional<Subscription> found = handle.createQuery("SELECT " + SUBSCRIPTION_COLUMNS
                            + " FROM alert_subscription s WHERE s.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> readSubscription(rs))
                    .findOne();
            if (found.isEmpty()) {
                return Optional.<String>empty();
            }
            Subscription pending = found.get();
            if (pending.isConfirmed()) {
                return Optional.of(pending.id());
            }
            if (pending.expiresAt() != null && !now.isBefore(pending.expiresAt())) {
                return Optional.<String>empty();
            }
            Optional<Subscription> twin = handle
                    .createQuery("SELECT " + SUBSCRIPTION_COLUMNS
                            + " FROM alert_subscription s WHERE s.email = :email"
                            + " AND s.confirmed_at IS NOT NULL AND s.id <> :id")
                    .bind("email", pending.email())
                    .bind("id", id)
                    .map((rs, ctx) -> readSubscription(rs))
                    .list()
                    .stream()
                    .filter(other -> other.query().equals(pending.query()))
                    .findFirst();
            Instant next = nextDigest.after(pending.frequency(), now);
            if (twin.isPresent()) {
                handle.createUpdate("UPDATE alert_subscription SET frequency = :frequency,"
                                + " language = :language, next_digest_at = :next WHERE id = :id")
                        .bind("frequency", pending.frequency().code())
                        .bind("language", pending.language())
                        .bind("next", format(next))
                        .bind("id", twin.get().id())
                        .execute();
                deleteSubscription(handle, id);
                return Optional.of(twin.get().id());
            }
            handle.createUpdate("UPDATE alert_subscription SET confirmed_at = :now,"
                            + " expires_at = NULL, next_digest_at = :next WHERE id = :id")
                    .bind("now", format(now))
                    .bind("next", format(next))
                    .bind("id", id)
                    .execute();
            handle.createUpdate("DELETE FROM alert_token WHERE subscription_id = :id"
                            + " AND purpose = 'confirm'")
                    .bind("id", id)
                    .execute();
            return Optional.of(id);
        });
    }

    /** Changes the query, frequency and language of a subscription. */
    void update(String id, AlertQuery query, Frequency frequency, String language, Instant next) {
        inWriteTransaction(handle -> handle.createUpdate("UPDATE alert_subscription SET"
                        + " place = :place, scope = :scope, themes = :themes, kinds = :kinds,"
                        + " frequency = :frequency, language = :language,"
                        + " next_digest_at = CASE WHEN frequency = :frequency"
                        + " THEN next_digest_at ELSE :next END WHERE id = :id")
                .bind("place", query.place().value())
                .bind("scope", query.scopeCode())
                .bind("themes", String.join(",", query.listThemes()))
                .bind("kinds", String.join(",", query.listKinds()))
                .bind("frequency", frequency.code())
                .bind("language", language)
                .bind("next", format(next))
                .bind("id", id)
                .execute());
    }

    /** Deletes a subscription with everything about it; false when it was already gone. */
    boolean delete(String id) {
        return inWriteTransaction(handle -> deleteSubscription(handle, id));
    }

    private static boolean deleteSubscription(Handle handle, String id) {
        // Children first: the foreign keys cascade too, but this does not depend on it.
        for (String table : List.of("alert_token", "alert_item", "alert_outbox")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE subscription_id = :id")
                    .bind("id", id)
                    .execute();
        }
        return handle.createUpdate("DELETE FROM alert_subscription WHERE id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }

    /** Deletes the pending subscriptions whose confirmation delay is over; returns how many. */
    int deleteExpired(Instant now) {
        return inWriteTransaction(handle -> {
            List<String> ids = handle.createQuery("SELECT id FROM alert_subscription"
                            + " WHERE confirmed_at IS NULL AND expires_at <= :now")
                    .bind("now", format(now))
                    .mapTo(String.class)
                    .list();
            for (String id : ids) {
                deleteSubscription(handle, id);
            }
            return ids.size();
        });
    }

    /** Every confirmed subscription. */
    List<Subscription> listConfirmed() {
        return withHandle(handle -> handle.createQuery("SELECT " + SUBSCRIPTION_COLUMNS
                        + " FROM alert_subscription s WHERE s.confirmed_at IS NOT NULL"
                        + " ORDER BY s.id")
                .map((rs, ctx) -> readSubscription(rs))
                .list());
    }

    // Matching

    Checkpoint readCheckpoint() {
        return withHandle(handle -> handle.createQuery(
                        "SELECT last_change_seq, matched_at FROM alert_state WHERE id = 1")
                .map((rs, ctx) -> new Checkpoint(rs.getLong(1), parse(rs.getString(2))))
                .one());
    }

    /** The matcher's rows for these process keys, by key. */
    Map<String, ProcessRow> findProcesses(Collection<String> keys) {
        Map<String, ProcessRow> rows = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            withHandle(handle -> {
                handle.createQuery("SELECT item_key, start_at, opened FROM alert_process"
                                + " WHERE item_key IN (<keys>)")
                        .bindList("keys", chunk)
                        .map((rs, ctx) -> new ProcessRow(
                                rs.getString(1), parse(rs.getString(2)), rs.getInt(3) == 1))
                        .forEach(row -> rows.put(row.key(), row));
                return null;
            });
        }
        return rows;
    }

    /** The processes not yet seen open whose start has come. */
    List<ProcessRow> listOpening(Instant now) {
        return withHandle(handle -> handle.createQuery("SELECT item_key, start_at, opened"
                        + " FROM alert_process WHERE opened = 0 AND start_at <= :now")
                .bind("now", format(now))
                .map((rs, ctx) -> new ProcessRow(rs.getString(1), parse(rs.getString(2)), false))
                .list());
    }

    /**
     * Records one matching run in one transaction: the processes' new state, the removed ones, the
     * matches (a match already recorded for the subscription is skipped), one immediate mail per
     * immediate subscription that got new matches, and the checkpoint. Returns the number of new
     * matches.
     */
    int recordRun(
            Collection<ProcessRow> processes,
            Collection<String> removed,
            List<Match> matches,
            Set<String> immediateSubscriptions,
            Checkpoint checkpoint) {
        return inWriteTransaction(handle -> {
            for (ProcessRow row : processes) {
                handle.createUpdate("INSERT INTO alert_process (item_key, start_at, opened)"
                                + " VALUES (:key, :startAt, :opened) ON CONFLICT (item_key)"
                                + " DO UPDATE SET start_at = excluded.start_at,"
                                + " opened = excluded.opened")
                        .bind("key", row.key())
                        .bind("startAt", format(row.startAt()))
                        .bind("opened", row.opened() ? 1 : 0)
                        .execute();
            }
            for (String key : removed) {
                handle.createUpdate("DELETE FROM alert_process WHERE item_key = :key")
                        .bind("key", key)
                        .execute();
            }

            String now = format(checkpoint.matchedAt());
            Map<String, String> mails = new HashMap<>();
            int inserted = 0;
            for (Match match : matches) {
                String outboxId = immediateSubscriptions.contains(match.subscriptionId())
                        ? mails.computeIfAbsent(match.subscriptionId(), id -> Tokens.newId())
                        : null;
                int count = handle.createUpdate("INSERT INTO alert_item (subscription_id,"
                                + " item_key, reason, matched_at, content, outbox_id)"
                                + " VALUES (:subscription, :key, :reason, :now, :content,"
                                + " :outboxId)"
                                + " ON CONFLICT (subscription_id, item_key) DO NOTHING")
                        .bind("subscription", match.subscriptionId())
                        .bind("key", match.item().key())
                        .bind("reason", match.reason())
                        .bind("now", now)
                        .bind("content", writeJson(match.item()))
                        .bind("outboxId", outboxId)
                        .execute();
                inserted += count;
                if (count > 0 && outboxId != null) {
                    insertOutboxOnce(handle, outboxId, match.subscriptionId(), now);
                }
            }

            handle.createUpdate("UPDATE alert_state SET last_change_seq = :seq,"
                            + " matched_at = :now WHERE id = 1")
                    .bind("seq", checkpoint.lastChangeSeq())
                    .bind("now", now)
                    .execute();
            return inserted;
        });
    }

    private static void insertOutboxOnce(Handle handle, String id, String subscription, String at) {
        int exists = handle.createQuery("SELECT COUNT(*) FROM alert_outbox WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
        if (exists == 0) {
            insertOutbox(handle, id, subscription, Kind.IMMEDIATE, parse(at));
        }
    }

    // Digests

    /**
     * Puts the pending matches of every daily or weekly subscription whose digest is due into one
     * digest mail each, and moves each due subscription's next digest on. Matches left pending by
     * a subscription that switched to immediate mails go out in an immediate mail. Returns the
     * number of mails queued.
     */
    int queueDueDigests(Instant now, NextDigest nextDigest) {
        return inWriteTransaction(handle -> {
            List<String> switched = handle.createQuery("SELECT DISTINCT i.subscription_id"
                            + " FROM alert_item i JOIN alert_subscription s"
                            + " ON s.id = i.subscription_id"
                            + " WHERE i.outbox_id IS NULL AND s.frequency = 'immediate'")
                    .mapTo(String.class)
                    .list();
            for (String id : switched) {
                String outboxId = Tokens.newId();
                handle.createUpdate("UPDATE alert_item SET outbox_id = :outboxId"
                                + " WHERE subscription_id = :id AND outbox_id IS NULL")
                        .bind("outboxId", outboxId)
                        .bind("id", id)
                        .execute();
                insertOutbox(handle, outboxId, id, Kind.IMMEDIATE, now);
            }

            List<Subscription> due = handle.createQuery("SELECT " + SUBSCRIPTION_COLUMNS
                            + " FROM alert_subscription s WHERE s.confirmed_at IS NOT NULL"
                            + " AND s.frequency IN ('daily', 'weekly')"
                            + " AND s.next_digest_at <= :now")
                    .bind("now", format(now))
                    .map((rs, ctx) -> readSubscription(rs))
                    .list();
            int queued = switched.size();
            for (Subscription subscription : due) {
                String outboxId = Tokens.newId();
                int items = handle.createUpdate("UPDATE alert_item SET outbox_id = :outboxId"
                                + " WHERE subscription_id = :id AND outbox_id IS NULL")
                        .bind("outboxId", outboxId)
                        .bind("id", subscription.id())
                        .execute();
                if (items > 0) {
                    insertOutbox(handle, outboxId, subscription.id(), Kind.DIGEST, now);
                    queued++;
                }
                handle.createUpdate("UPDATE alert_subscription SET next_digest_at = :next"
                                + " WHERE id = :id")
                        .bind("next", format(nextDigest.after(subscription.frequency(), now)))
                        .bind("id", subscription.id())
                        .execute();
            }
            return queued;
        });
    }

    // Outbox

    private static void insertOutbox(
            Handle handle, String id, String subscriptionId, Kind kind, Instant now) {
        handle.createUpdate("INSERT INTO alert_outbox (id, subscription_id, kind, created_at,"
                        + " attempts, next_attempt_at, claimed_until, sent_at, last_error)"
                        + " VALUES (:id, :subscription, :kind, :now, 0, :now, NULL, NULL, NULL)")
                .bind("id", id)
                .bind("subscription", subscriptionId)
                .bind("kind", kind.code())
                .bind("now", format(now))
                .execute();
    }

    /**
     * Claims up to {@code limit} unsent mails that are due and not claimed by a live lease: each is
     * leased until {@code leaseUntil} and its attempt counted.
     */
    List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        return inWriteTransaction(handle -> {
            List<OutboxEntry> due = handle.createQuery("SELECT id, subscription_id, kind, attempts"
                            + " FROM alert_outbox WHERE sent_at IS NULL"
                            + " AND next_attempt_at <= :now"
                            + " AND (claimed_until IS NULL OR claimed_until <= :now)"
                            + " ORDER BY next_attempt_at, id LIMIT :limit")
                    .bind("now", format(now))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new OutboxEntry(
                            rs.getString(1),
                            rs.getString(2),
                            Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                            rs.getInt(4) + 1))
                    .list();
            List<OutboxEntry> claimed = new ArrayList<>();
            for (OutboxEntry entry : due) {
                int count = handle.createUpdate("UPDATE alert_outbox SET claimed_until = :lease,"
                                + " attempts = attempts + 1 WHERE id = :id AND sent_at IS NULL"
                                + " AND (claimed_until IS NULL OR claimed_until <= :now)")
                        .bind("lease", format(leaseUntil))
                        .bind("id", entry.id())
                        .bind("now", format(now))
                        .execute();
                if (count == 1) {
                    claimed.add(entry);
                }
            }
            return claimed;
        });
    }

    /** The items a mail carries, in the order they were matched. */
    List<ItemSnapshot> listItems(String outboxId) {
        return withHandle(handle -> handle.createQuery("SELECT content FROM alert_item"
                        + " WHERE outbox_id = :id ORDER BY matched_at, item_key")
                .bind("id", outboxId)
                .mapTo(String.class)
                .map(AlertStore::readSnapshot)
                .list());
    }

    /**
     * Replaces the tokens a mail's previous attempt carried by {@code hashes} (purpose → SHA-256),
     * so a mail sent after retries leaves one set of valid tokens.
     */
    void replaceTokens(
            String outboxId, String subscriptionId, Map<String, String> hashes, Instant now) {
        inWriteTransaction(handle -> {
            handle.createUpdate("DELETE FROM alert_token WHERE outbox_id = :outboxId")
                    .bind("outboxId", outboxId)
                    .execute();
            for (Map.Entry<String, String> token : hashes.entrySet()) {
                handle.createUpdate("INSERT INTO alert_token (token_hash, subscription_id,"
                                + " purpose, outbox_id, created_at)"
                                + " VALUES (:hash, :subscription, :purpose, :outboxId, :now)")
                        .bind("hash", token.getValue())
                        .bind("subscription", subscriptionId)
                        .bind("purpose", token.getKey())
                        .bind("outboxId", outboxId)
                        .bind("now", format(now))
                        .execute();
            }
            return null;
        });
    }

    /** Marks a mail sent; false when its row is gone (the subscriber left meanwhile). */
    boolean markSent(String outboxId, Instant now) {
        return inWriteTransaction(handle -> handle.createUpdate("UPDATE alert_outbox"
                                + " SET sent_at = :now, claimed_until = NULL, last_error = NULL"
                                + " WHERE id = :id")
                        .bind("now", format(now))
                        .bind("id", outboxId)
                        .execute()
                > 0);
    }

    /** Releases a mail that failed, to be tried again at {@code nextAttempt}. */
    void markFailed(String outboxId, Instant nextAttempt, String error) {
        inWriteTransaction(handle -> handle.createUpdate("UPDATE alert_outbox"
                        + " SET claimed_until = NULL, next_attempt_at = :next, last_error = :error"
                        + " WHERE id = :id")
                .bind("next", format(nextAttempt))
                .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
                .bind("id", outboxId)
                .execute());
    }

    /** Drops a mail that can no longer be written (e.g. a digest whose items are gone). */
    void deleteMail(String outboxId) {
        inWriteTransaction(handle -> handle.createUpdate("DELETE FROM alert_outbox WHERE id = :id")
                .bind("id", outboxId)
                .execute());
    }

    /** How many mails wait to be sent. */
    int countUnsent() {
        return withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL")
                .mapTo(Integer.class)
                .one());
    }

    // Plumbing

    private <T> T inWriteTransaction(HandleCallback<T, RuntimeException> work) {
        return store.inWriteTransaction(work);
    }

    private <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            return work.withHandle(handle);
        }
    }

    private static Subscription readSubscription(ResultSet rs) throws SQLException {
        AlertQuery query = new AlertQuery(
                AreaId.parse(rs.getString(3)),
                FeedQuery.Scope.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                new LinkedHashSet<>(split(rs.getString(5))),
                kinds(split(rs.getString(6))));
        return new Subscription(
                rs.getString(1),
                rs.getString(2),
                query,
                Frequency.parse(rs.getString(7)),
                rs.getString(8),
                Instant.parse(rs.getString(9)),
                parse(rs.getString(10)),
                parse(rs.getString(11)),
                parse(rs.getString(12)));
    }

    private static Set<ProcessType> kinds(List<String> codes) {
        Set<ProcessType> kinds = EnumSet.noneOf(ProcessType.class);
        codes.forEach(code -> kinds.add(ProcessType.parse(code)));
        return kinds;
    }

    private static List<String> split(@Nullable String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    private static String writeJson(ItemSnapshot item) {
        try {
            return Json.mapper().writeValueAsString(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ItemSnapshot readSnapshot(String json) {
        try {
            return Json.mapper().readValue(json, ItemSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored alert item is not readable: " + e, e);
        }
    }

    static @Nullable String format(@Nullable Instant instant) {
        return instant == null ? null : INSTANT_TEXT.format(instant);
    }

    private static @Nullable Instant parse(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** When the next digest of a frequency is due after an instant; null for immediate. */
    @FunctionalInterface
    interface NextDigest {
        @Nullable
        Instant after(Frequency frequency, Instant now);
    }
}
