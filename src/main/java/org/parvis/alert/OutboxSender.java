package org.parvis.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers the outbox: claims due mails, writes each with fresh link tokens (only their hashes are
 * stored, replacing those of a failed attempt), hands it to SMTP and marks it sent.
 *
 * <h3>Guarantee</h3>
 *
 * A mail leaves the outbox only when marked sent after the SMTP server accepted it, so none is
 * lost: a failure (server down, refused) releases it with a backoff of 1, 2, 4… minutes, at most
 * {@link #MAX_BACKOFF}, and it is tried again until accepted. Claims are leases: a worker that dies
 * mid-send leaves its mails to be claimed again when the lease ends. Each mail is handed to the
 * server once, except when the process stops (or the database fails) between the server's
 * acceptance and the mark: that mail is sent a second time, with the same {@code Message-ID},
 * which lets receiving systems recognise the duplicate. This is at-least-once delivery with
 * duplicates confined to that window.
 *
 * <p>TODO(#7): a permanent refusal of the recipient (SMTP 5xx) is retried like an outage, hourly
 * for ever; it should be recorded and the subscription suspended instead.
 *
 * <p>Not thread-safe: runs are serialised by {@link AlertService}; several processes sharing a
 * PostgreSQL database may each run one, since claims are taken under the database's lock.
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int BATCH = 50;

    /** What one delivery run did. */
    record Report(int sent, int failed, int dropped) {}

    private final AlertStore alerts;
    private final MailComposer composer;
    private final MailTransport transport;
    private final Clock clock;

    OutboxSender(AlertStore alerts, MailComposer composer, MailTransport transport, Clock clock) {
        this.alerts = alerts;
        this.composer = composer;
        this.transport = transport;
        this.clock = clock;
    }

    /** Sends every due mail, batch after batch, until none is due or the server fails. */
    Report deliverDue() {
        int sent = 0;
        int failed = 0;
        int dropped = 0;
        while (true) {
            Instant now = clock.instant();
            List<AlertStore.OutboxEntry> claimed = alerts.claimDue(now, now.plus(LEASE), BATCH);
            if (claimed.isEmpty()) {
                break;
            }
            boolean serverFailed = false;
            for (AlertStore.OutboxEntry entry : claimed) {
                if (serverFailed) {
                    // The server just failed: do not wait for it once per mail.
                    alerts.markFailed(entry.id(), now.plus(backoff(entry.attempts())), "not tried");
                    failed++;
                    continue;
                }
                Outcome outcome = deliver(entry);
                switch (outcome) {
                    case SENT -> sent++;
                    case DROPPED -> dropped++;
                    case FAILED -> {
                        failed++;
                        serverFailed = true;
                    }
                }
            }
            if (serverFailed || claimed.size() < BATCH) {
                break;
            }
        }
        if (sent + failed + dropped > 0) {
            LOG.info("alert mails: {} sent, {} failed, {} dropped", sent, failed, dropped);
        }
        return new Report(sent, failed, dropped);
    }

    private enum Outcome {
        SENT,
        FAILED,
        DROPPED
    }

    private Outcome deliver(AlertStore.OutboxEntry entry) {
        Optional<Subscription> subscription = alerts.findSubscription(entry.subscriptionId());
        if (subscription.isEmpty()) {
            alerts.deleteMail(entry.id());
            return Outcome.DROPPED;
        }
        OutgoingMail mail;
        Instant now = clock.instant();
        Map<String, String> hashes = new LinkedHashMap<>();
        String stopToken = Tokens.newToken();
        hashes.put("unsubscribe", Tokens.sha256(stopToken));
        if (entry.kind() == AlertStore.Kind.CONFIRM) {
            if (subscription.get().isConfirmed()) {
                alerts.deleteMail(entry.id());
                return Outcome.DROPPED;
            }
            String confirmToken = Tokens.newToken();
            hashes.put("confirm", Tokens.sha256(confirmToken));
            mail = composer.confirmation(entry.id(), subscription.get(), confirmToken, stopToken);
        } else {
            List<ItemSnapshot> items = alerts.listItems(entry.id());
            if (items.isEmpty()) {
                alerts.deleteMail(entry.id());
                return Outcome.DROPPED;
            }
            String manageToken = Tokens.newToken();
            hashes.put("manage", Tokens.sha256(manageToken));
            mail = composer.alert(
                    entry.id(),
                    subscription.get(),
                    entry.kind() == AlertStore.Kind.DIGEST,
                    items,
                    manageToken,
                    stopToken,
                    now);
        }
        // The tokens are stored before the mail leaves, so its links work as soon as it arrives.
        alerts.replaceTokens(entry.id(), entry.subscriptionId(), hashes, now);

        try {
            transport.send(mail);
        } catch (MailTransport.MailFailure e) {
            Instant next = clock.instant().plus(backoff(entry.attempts()));
            alerts.markFailed(entry.id(), next, e.getMessage());
            LOG.warn(
                    "alert mail {} ({}) not sent, attempt {}; next try at {}: {}",
                    entry.id(),
                    entry.kind().code(),
                    entry.attempts(),
                    next,
                    e.getMessage());
            return Outcome.FAILED;
        }
        if (!alerts.markSent(entry.id(), clock.instant())) {
            LOG.info("alert mail {} sent while its subscription was deleted", entry.id());
        }
        LOG.debug("alert mail {} ({}) sent", entry.id(), entry.kind().code());
        return Outcome.SENT;
    }

    /** 1, 2, 4… minutes after the {@code attempts}-th failure, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
