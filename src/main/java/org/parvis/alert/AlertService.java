package org.parvis.alert;

import org.parvis.feed.FeedService;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.store.JdbcStore;
import org.parvis.territory.Gazetteer;
import org.parvis.theme.ThemeCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * E-mail alerts of a node: subscribe with double opt-in, confirm, change, unsubscribe; match new
 * and newly opened processes after each harvest; queue immediate mails and daily or weekly
 * digests in the outbox; deliver the outbox over SMTP.
 *
 * <p>Nothing is sent to an address before its confirmation link is followed, except the
 * confirmation request itself; unconfirmed subscriptions are deleted after {@link
 * AlertSettings#confirmationTtl()}. A subscription request gets the same answer whether or not the
 * address is known, and requests are limited per address and per client. Unsubscribing deletes
 * the address with everything about it. Logs never show an address.
 *
 * <p>Digests are due at 07:00 Europe/Paris, every day or every Monday, and carry every match
 * since the previous digest.
 *
 * <p>Thread-safe. Matching and delivery are each serialised by a lock; {@link #startWorker} runs
 * expiry, digests and delivery on a thread of its own until closed.
 */
public final class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    static final LocalTime DIGEST_TIME = LocalTime.of(7, 0);

    private final AlertStore alerts;
    private final AlertMatcher matcher;
    private final OutboxSender sender;
    private final MailComposer composer;
    private final AlertPages pages;
    private final Gazetteer gazetteer;
    private final ThemeCatalog catalog;
    private final AlertSettings settings;
    private final Clock clock;
    private final RateLimiter limiter;
    private final ReentrantLock matching = new ReentrantLock();
    private final ReentrantLock delivering = new ReentrantLock();

    /** Wakes the delivery worker when a mail is queued outside a harvest; none until started. */
    private volatile Runnable wakeDelivery = () -> {};

    AlertService(
            JdbcStore store,
            FeedService feed,
            Gazetteer gazetteer,
            AlertSettings settings,
            MailTransport transport,
            Clock clock) {
        this.alerts = new AlertStore(store);
        this.gazetteer = gazetteer;
        this.catalog = ThemeCatalog.loadDefault();
        this.settings = settings;
        this.clock = clock;
        this.composer = new MailComposer(settings.publicBaseUrl(), gazetteer, catalog);
        this.matcher = new AlertMatcher(alerts, store, feed, clock);
        this.sender = new OutboxSender(alerts, composer, transport, clock);
        this.pages = new AlertPages(catalog);
        this.limiter = new RateLimiter(clock, Duration.ofHours(1));
    }

    /**
     * Alerts over the node's store and feed, sending through the SMTP server of {@code settings}.
     * {@code clock} dates everything (matching, digests, expiry, retries).
     */
    public static AlertService create(
            JdbcStore store,
            FeedService feed,
            Gazetteer gazetteer,
            AlertSettings settings,
            Clock clock) {
        AlertService service = new AlertService(
                store, feed, gazetteer, settings, new SmtpTransport(settings.mail(), clock), clock);
        LOG.info(
                "e-mail alerts on: SMTP {}:{} ({}), links to {}",
                settings.mail().host(),
                settings.mail().port(),
                settings.mail().tls().name().toLowerCase(java.util.Locale.ROOT),
                settings.publicBaseUrl());
        return service;
    }

    /** The theme catalogue subscriptions are validated against. */
    public ThemeCatalog catalog() {
        return catalog;
    }

    /** The HTML pages of the subscription links. */
    public AlertPages pages() {
        return pages;
    }

    /**
     * Records a pending subscription and queues its confirmation mail. Answers the same way for a
     * known and an unknown address. Throws {@link InvalidSubscriptionException} (field {@code
     * place}) for a place the gazetteer does not know, and {@link RateLimitedException} when the
     * address or the client {@code clientAddress} sent too many requests in the last hour.
     */
    public void subscribe(SubscriptionRequest request, String clientAddress) {
        requireKnownPlace(request.query().place());
        long wait = limiter.tryAcquire(Map.of(
                "address:" + Tokens.sha256(request.email()),
                settings.maxRequestsPerAddressPerHour(),
                "client:" + clientAddress,
                settings.maxRequestsPerClientPerHour()));
        if (wait > 0) {
            throw new RateLimitedException(
                    "too many subscription requests for this address or from this client; try"
                            + " again in " + wait + " s",
                    wait);
        }

        Instant now = clock.instant();
        Subscription subscription = new Subscription(
                Tokens.newId(),
                request.email(),
                request.query(),
                request.frequency(),
                request.language(),
                now,
                now.plus(settings.confirmationTtl()),
                null,
                null);
        alerts.insertPending(subscription, Tokens.newId(), now);
        LOG.info(
                "alerts: subscription {} requested by address {}, pending confirmation",
                subscription.id(),
                Tokens.logTag(request.email()));
        wakeDelivery.run();
    }

    /** The pending subscription a confirmation token belongs to, if still valid. */
    public Optional<SubscriptionView> findPending(String confirmToken) {
        return alerts.findByToken(Tokens.sha256(confirmToken), List.of("confirm"))
                .filter(this::notExpired)
                .map(composer::view);
    }

    /**
     * Confirms the subscription of a confirmation token; empty when the token is unknown, used or
     * expired.
     */
    public Optional<SubscriptionView> confirm(String confirmToken) {
        Optional<Subscription> pending =
                alerts.findByToken(Tokens.sha256(confirmToken), List.of("confirm"));
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> confirmed =
                alerts.confirm(pending.get().id(), clock.instant(), AlertService::nextDigest);
        confirmed.ifPresent(id -> LOG.info("alerts: subscription {} confirmed", id));
        return confirmed.flatMap(alerts::findSubscription).map(composer::view);
    }

    /** The subscription a manage token belongs to. */
    public Optional<SubscriptionView> findByManageToken(String manageToken) {
        return alerts.findByToken(Tokens.sha256(manageToken), List.of("manage"))
                .map(composer::view);
    }

    /**
     * The subscription an unsubscribe link (or a manage link's unsubscribe button) belongs to.
     */
    public Optional<SubscriptionView> findByUnsubscribeToken(String token) {
        return alerts.findByToken(Tokens.sha256(token), List.of("unsubscribe", "manage"))
                .map(composer::view);
    }

    /**
     * Replaces the query, frequency and language of the subscription of a manage token (the
     * address in {@code changes} is ignored: it cannot be changed, only unsubscribed). Empty when
     * the token is unknown.
     */
    public Optional<SubscriptionView> update(String manageToken, SubscriptionRequest changes) {
        Optional<Subscription> found =
                alerts.findByToken(Tokens.sha256(manageToken), List.of("manage"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        requireKnownPlace(changes.query().place());
        Instant next = nextDigest(changes.frequency(), clock.instant());
        alerts.update(
                found.get().id(), changes.query(), changes.frequency(), changes.language(), next);
        LOG.info("alerts: subscription {} changed", found.get().id());
        return alerts.findSubscription(found.get().id()).map(composer::view);
    }

    /** A subscription follows a place of the gazetteer; local areas have no feed of their own. */
    private void requireKnownPlace(AreaId place) {
        if (place.level() == AreaLevel.LOCAL || gazetteer.findPlace(place).isEmpty()) {
            throw new InvalidSubscriptionException(
                    "place",
                    place.value(),
                    "unknown place '" + place + "': no area has this id; browse area ids from"
                            + " GET /api/v1/places?q=…",
                    List.of());
        }
    }

    /**
     * Deletes the subscription of an unsubscribe or manage token, address included. Returns the
     * language it was in, empty when the token is unknown (already unsubscribed).
     */
    public Optional<String> unsubscribe(String token) {
        Optional<Subscription> found =
                alerts.findByToken(Tokens.sha256(token), List.of("unsubscribe", "manage"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        alerts.delete(found.get().id());
        LOG.info(
                "alerts: subscription {} deleted by its subscriber", found.get().id());
        return Optional.of(found.get().language());
    }

    /**
     * Matches the processes the last harvests brought against the confirmed subscriptions, queues
     * immediate mails, and returns the number of new matches. Call once the feed's index has
     * caught up with the store.
     */
    public int afterHarvest() {
        matching.lock();
        try {
            return matcher.match().matches();
        } finally {
            matching.unlock();
        }
    }

    /**
     * Deletes expired unconfirmed subscriptions, queues the digests that are due and delivers the
     * outbox. Returns the number of mails sent.
     */
    public int runDue() {
        delivering.lock();
        try {
            Instant now = clock.instant();
            int expired = alerts.deleteExpired(now);
            if (expired > 0) {
                LOG.info("alerts: {} unconfirmed subscriptions expired and were deleted", expired);
            }
            alerts.queueDueDigests(now, AlertService::nextDigest);
            return sender.deliverDue().sent();
        } finally {
            delivering.unlock();
        }
    }

    /** How many mails wait in the outbox (not yet accepted by the SMTP server). */
    public int countUnsent() {
        return alerts.countUnsent();
    }

    /**
     * Runs {@link #runDue()} every {@code interval} on a daemon thread, and right after each
     * {@link #afterHarvest()} call made through the returned worker. Closing stops it.
     */
    public Worker startWorker(Duration interval) {
        return new Worker(interval);
    }

    /** The background delivery of a node. Thread-safe; closing stops it. */
    public final class Worker implements AutoCloseable {

        private final ScheduledExecutorService executor;

        private Worker(Duration interval) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "parvis-alerts");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(
                    this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            wakeDelivery = this::wake;
        }

        /** Runs a delivery now on the worker's thread (a confirmation request was queued). */
        private void wake() {
            if (!executor.isShutdown()) {
                executor.execute(this::runQuietly);
            }
        }

        /** Matches after a harvest, then delivers at once on the worker's thread. */
        public void afterHarvest() {
            try {
                AlertService.this.afterHarvest();
            } catch (RuntimeException e) {
                LOG.error("alerts: matching after the harvest failed; the next harvest retries", e);
            }
            wake();
        }

        private void runQuietly() {
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.error("alerts: delivery run failed; it runs again at the next interval", e);
            }
        }

        @Override
        public void close() {
            wakeDelivery = () -> {};
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("alerts: delivery did not stop within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean notExpired(Subscription subscription) {
        return subscription.expiresAt() == null
                || clock.instant().isBefore(subscription.expiresAt());
    }

    /** The next digest after {@code now}: 07:00 Paris time the next day, or next Monday. */
    static Instant nextDigest(Frequency frequency, Instant now) {
        ZonedDateTime local = now.atZone(Wording.ZONE);
        ZonedDateTime next = local.with(DIGEST_TIME);
        if (frequency == Frequency.WEEKLY) {
            next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            if (!next.isAfter(local)) {
                next = next.plusWeeks(1);
            }
        } else if (!next.isAfter(local)) {
            next = next.plusDays(1);
        }
        return next.toInstant();
    }
}
