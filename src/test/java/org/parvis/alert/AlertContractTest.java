package org.parvis.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.alert.AlertFixture.BORDEAUX;
import static org.parvis.alert.AlertFixture.GIRONDE;
import static org.parvis.alert.AlertFixture.MERIGNAC;
import static org.parvis.alert.AlertFixture.PARIS_12;
import static org.parvis.alert.AlertFixture.PERIGUEUX;
import static org.parvis.alert.AlertFixture.around;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parvis.alert.AlertFixture.Mail;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.Process;
import org.parvis.model.ProcessType;
import org.parvis.store.JdbcStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * E-mail alerts end to end against a real SMTP server, run on each database by a subclass:
 * double opt-in, matching with the feed's semantics, immediate mails, digests, unsubscribing,
 * expiry, rate limits and delivery through an SMTP outage.
 */
abstract class AlertContractTest {

    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";

    protected AlertFixture fx;

    /** Opens a store on a fresh database. */
    protected abstract JdbcStore openStore();

    /** Drops the database after the store is closed. */
    protected void dropDatabase() {}

    @BeforeEach
    final void open() {
        fx = new AlertFixture(openStore());
    }

    @AfterEach
    final void close() {
        fx.close();
        dropDatabase();
    }

    @Test
    void onlyTheConfirmationIsSentBeforeTheLinkIsFollowed() {
        fx.alerts.subscribe(
                new SubscriptionRequest(ALICE, around(BORDEAUX), Frequency.IMMEDIATE, "fr"),
                "192.0.2.1");
        fx.alerts.runDue();
        fx.harvest(fx.openProcess("berges", BORDEAUX, 30));
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(1);
        Mail confirmation = mails.get(0);
        assertThat(confirmation.subject()).isEqualTo("Confirmez votre alerte Parvis");
        assertThat(confirmation.text())
                .contains("https://parvis.example.org/alerts/confirm?token=")
                .contains("ce qui concerne Bordeaux");
        assertThat(confirmation.html()).contains("Confirmer mon alerte");

        assertThat(fx.alerts.confirm(confirmation.token("/alerts/confirm"))).isPresent();
        fx.harvest(fx.openProcess("parc", BORDEAUX, 30));
        fx.alerts.runDue();

        // The process harvested before the confirmation is not sent; the next one is.
        assertThat(fx.mailsTo(ALICE)).hasSize(2);
        assertThat(fx.mailsTo(ALICE).get(1).text())
                .contains("Consultation parc")
                .doesNotContain("Consultation berges");
    }

    @Test
    void aConfirmationLinkWorksOnceAndOnlyForConfirming() {
        fx.alerts.subscribe(
                new SubscriptionRequest(ALICE, around(BORDEAUX), Frequency.DAILY, "fr"),
                "192.0.2.1");
        fx.alerts.runDue();
        Mail confirmation = fx.mailsTo(ALICE).get(0);
        String token = confirmation.token("/alerts/confirm");

        assertThat(fx.alerts.findByManageToken(token)).isEmpty();
        assertThat(fx.alerts.findPending(token)).isPresent();
        assertThat(fx.alerts.confirm(token)).isPresent();
        assertThat(fx.alerts.confirm(token)).isEmpty();
        assertThat(fx.alerts.confirm("x".repeat(43))).isEmpty();
    }

    @Test
    void immediateMailCarriesExactlyTheNewMatchingProcessesWithLevelDeadlineAndLink() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX, "mobilite"), Frequency.IMMEDIATE);
        Instant now = fx.clock.instant();
        Process commune = AlertFixture.process(
                "velo-bordeaux",
                BORDEAUX,
                now.minus(Duration.ofDays(2)),
                Instant.parse("2027-03-31T22:00:00Z"),
                "mobilite");
        Process departement = fx.openProcess("bus-gironde", GIRONDE, 20, "mobilite");
        Process otherTheme = fx.openProcess("ecoles-bordeaux", BORDEAUX, 20, "education_jeunesse");
        Process elsewhere = fx.openProcess("velo-perigueux", PERIGUEUX, 20, "mobilite");
        Process sibling = fx.openProcess("velo-merignac", MERIGNAC, 20, "mobilite");
        Process closed = AlertFixture.process(
                "velo-ancien",
                BORDEAUX,
                now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1)),
                "mobilite");

        int matches = fx.harvest(commune, departement, otherTheme, elsewhere, sibling, closed);
        fx.alerts.runDue();

        assertThat(matches).isEqualTo(2);
        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(2);
        Mail alert = mails.get(1);
        assertThat(alert.subject()).isEqualTo("Parvis : 2 nouvelles participations — Bordeaux");
        assertThat(alert.text())
                .contains("Consultation velo-bordeaux", "Consultation bus-gironde")
                .doesNotContain("ecoles-bordeaux", "velo-perigueux", "velo-merignac", "ancien")
                .contains("Commune · Bordeaux", "Département · Gironde")
                .contains("jusqu'au 31 mars 2027 inclus")
                .contains("Participer: https://participer.example.fr/processes/velo-bordeaux/"
                        + "participer")
                .contains("https://parvis.example.org/alerts/manage?token=")
                .contains("https://parvis.example.org/alerts/unsubscribe?token=");
        assertThat(alert.html())
                .contains("href=\"https://participer.example.fr/processes/bus-gironde/participer\"")
                .contains("Département · Gironde");
        assertThat(alert.listUnsubscribe())
                .startsWith("<https://parvis.example.org/alerts/unsubscribe?token=");
        assertThat(alert.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void mailsAreWrittenInTheSubscribersLanguage() {
        fx.subscribeAndConfirm(BOB, around(BORDEAUX), Frequency.IMMEDIATE, "en");
        fx.harvest(AlertFixture.process(
                "upcoming",
                BORDEAUX,
                Instant.parse("2027-03-10T23:00:00Z"),
                Instant.parse("2027-04-10T22:00:00Z")));
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(BOB);
        assertThat(mails.get(0).subject()).isEqualTo("Confirm your Parvis alert");
        assertThat(mails.get(1).subject()).isEqualTo("Parvis: new — Consultation upcoming");
        assertThat(mails.get(1).text())
                .contains("Municipality · Bordeaux")
                .contains("Upcoming, opens on 11 March 2027")
                .contains("until 10 April 2027")
                .contains("Take part: ");
    }

    @Test
    void aProcessIsSentAtMostOncePerSubscription() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        Instant start = fx.clock.instant().plus(Duration.ofDays(2));
        Process upcoming =
                AlertFixture.process("futur", BORDEAUX, start, start.plus(Duration.ofDays(30)));
        fx.harvest(upcoming);
        fx.alerts.runDue();

        // Changed at the source, then opened: still the same process for this subscriber.
        fx.harvest(upcoming.toBuilder()
                .withTitle(org.parvis.model.LocalizedText.of("fr", "Nouveau titre"))
                .build());
        fx.clock.advance(Duration.ofDays(3));
        fx.harvest();
        fx.alerts.runDue();

        assertThat(fx.mailsTo(ALICE)).hasSize(2);
    }

    @Test
    void aKnownProcessThatOpensIsSentToSubscribersWhoHaveNotHadIt() {
        Instant start = fx.clock.instant().plus(Duration.ofDays(2));
        fx.harvest(
                AlertFixture.process("bientot", GIRONDE, start, start.plus(Duration.ofDays(30))));
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);

        fx.harvest();
        fx.alerts.runDue();
        assertThat(fx.mailsTo(ALICE)).hasSize(1);

        fx.clock.advance(Duration.ofDays(2).plusHours(1));
        assertThat(fx.harvest()).isEqualTo(1);
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).text()).contains("Consultation bientot", "Ouvert");
    }

    @Test
    void withinScopeAndKindsSelectAsTheFeedDoes() {
        AlertQuery within = new AlertQuery(
                GIRONDE, FeedQuery.Scope.WITHIN, Set.of(), Set.of(ProcessType.CONSULTATION));
        fx.subscribeAndConfirm(ALICE, within, Frequency.IMMEDIATE);
        Process inside = fx.openProcess("merignac", MERIGNAC, 10);
        Process national = fx.openProcess("national", AreaId.FRANCE, 10);
        Process petition = fx.openProcess("petition", BORDEAUX, 10).toBuilder()
                .withProcessType(ProcessType.PETITION)
                .build();

        assertThat(fx.harvest(inside, national, petition)).isEqualTo(1);
        fx.alerts.runDue();

        assertThat(fx.mailsTo(ALICE).get(1).subject())
                .isEqualTo("Parvis : nouveau — Consultation merignac");
    }

    @Test
    void dailyDigestCarriesExactlyTheProcessesMatchedSinceThePreviousDigest() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.DAILY);
        fx.harvest(fx.openProcess("lundi", BORDEAUX, 30));
        fx.clock.set(Instant.parse("2027-03-02T05:59:00Z"));
        fx.alerts.runDue();
        assertThat(fx.mailsTo(ALICE)).hasSize(1);

        fx.clock.set(Instant.parse("2027-03-02T06:00:00Z"));
        fx.alerts.runDue();
        fx.harvest(fx.openProcess("mardi", BORDEAUX, 30), fx.openProcess("loin", PARIS_12, 30));
        fx.alerts.runDue();
        fx.clock.set(Instant.parse("2027-03-03T06:00:00Z"));
        fx.alerts.runDue();
        fx.clock.set(Instant.parse("2027-03-04T06:00:00Z"));
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(1).subject())
                .isEqualTo("Parvis, le résumé du jour : 1 participations — Bordeaux");
        assertThat(mails.get(1).text()).contains("Consultation lundi").doesNotContain("mardi");
        assertThat(mails.get(2).text())
                .contains("Consultation mardi")
                .doesNotContain("Consultation lundi", "loin");
    }

    @Test
    void weeklyDigestComesOnMondayWithTheWeeksProcesses() {
        fx.clock.set(Instant.parse("2027-03-03T09:00:00Z"));
        fx.subscribeAndConfirm(ALICE, around(GIRONDE), Frequency.WEEKLY, "en");
        fx.harvest(fx.openProcess("mercredi", GIRONDE, 30));
        fx.clock.set(Instant.parse("2027-03-05T09:00:00Z"));
        fx.harvest(
                fx.openProcess("vendredi", BORDEAUX, 30), fx.openProcess("commune", MERIGNAC, 30));
        fx.clock.set(Instant.parse("2027-03-07T20:00:00Z"));
        fx.alerts.runDue();
        assertThat(fx.mailsTo(ALICE)).hasSize(1);

        fx.clock.set(Instant.parse("2027-03-08T06:00:00Z"));
        fx.alerts.runDue();
        fx.harvest(fx.openProcess("mardi", GIRONDE, 30));
        fx.clock.set(Instant.parse("2027-03-14T06:00:00Z"));
        fx.alerts.runDue();
        fx.clock.set(Instant.parse("2027-03-15T06:00:00Z"));
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(1).subject()).isEqualTo("Parvis weekly digest: 1 processes — Gironde");
        assertThat(mails.get(1).text())
                .contains("Consultation mercredi")
                .doesNotContain("vendredi", "Consultation commune", "mardi");
        assertThat(mails.get(2).text()).contains("Consultation mardi").doesNotContain("mercredi");
    }

    @Test
    void unsubscribingDeletesTheAddressAndStopsTheMails() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("premier", BORDEAUX, 30));
        fx.alerts.runDue();
        Mail alert = fx.mailsTo(ALICE).get(1);

        assertThat(fx.alerts.unsubscribe(alert.token("/alerts/unsubscribe"))).contains("fr");
        fx.harvest(fx.openProcess("second", BORDEAUX, 30));
        fx.alerts.runDue();

        assertThat(fx.mailsTo(ALICE)).hasSize(2);
        assertThat(countRowsMentioning(ALICE)).isZero();
        assertThat(fx.alerts.unsubscribe(alert.token("/alerts/unsubscribe"))).isEmpty();
        assertThat(fx.alerts.findByManageToken(alert.token("/alerts/manage"))).isEmpty();
    }

    @Test
    void theManageLinkChangesTheSubscription() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("premier", BORDEAUX, 30));
        fx.alerts.runDue();
        String manage = fx.mailsTo(ALICE).get(1).token("/alerts/manage");

        fx.alerts.update(
                manage,
                new SubscriptionRequest(ALICE, around(PERIGUEUX), Frequency.IMMEDIATE, "en"));
        fx.harvest(
                fx.openProcess("bordeaux", BORDEAUX, 30),
                fx.openProcess("perigueux", PERIGUEUX, 30));
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).subject()).isEqualTo("Parvis: new — Consultation perigueux");
    }

    @Test
    void matchesWaitingForADigestGoOutWhenTheSubscriberSwitchesToImmediate() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("premier", BORDEAUX, 30));
        fx.alerts.runDue();
        String manage = fx.mailsTo(ALICE).get(1).token("/alerts/manage");
        fx.alerts.update(
                manage, new SubscriptionRequest(ALICE, around(BORDEAUX), Frequency.WEEKLY, "fr"));
        fx.harvest(fx.openProcess("en-attente", BORDEAUX, 30));
        fx.alerts.runDue();
        assertThat(fx.mailsTo(ALICE)).hasSize(2);

        fx.alerts.update(
                manage,
                new SubscriptionRequest(ALICE, around(BORDEAUX), Frequency.IMMEDIATE, "fr"));
        fx.alerts.runDue();

        assertThat(fx.mailsTo(ALICE)).hasSize(3);
        assertThat(fx.mailsTo(ALICE).get(2).subject())
                .isEqualTo("Parvis : nouveau — Consultation en-attente");
    }

    @Test
    void unconfirmedSubscriptionsExpireWithTheirAddress() {
        fx.alerts.subscribe(
                new SubscriptionRequest(ALICE, around(BORDEAUX), Frequency.IMMEDIATE, "fr"),
                "192.0.2.1");
        fx.alerts.runDue();
        String token = fx.mailsTo(ALICE).get(0).token("/alerts/confirm");

        fx.clock.advance(Duration.ofDays(7).minusSeconds(1));
        fx.alerts.runDue();
        assertThat(countRowsMentioning(ALICE)).isOne();
        fx.clock.advance(Duration.ofSeconds(1));
        fx.alerts.runDue();

        assertThat(countRowsMentioning(ALICE)).isZero();
        assertThat(fx.alerts.confirm(token)).isEmpty();
    }

    @Test
    void subscribingAgainToTheSameQueryKeepsOneSubscription() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE, "en");
        fx.harvest(fx.openProcess("unique", BORDEAUX, 30));
        fx.alerts.runDue();

        List<Mail> mails = fx.mailsTo(ALICE);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).subject()).isEqualTo("Parvis: new — Consultation unique");
    }

    @Test
    void requestsAreLimitedPerAddressAndPerClient() {
        SubscriptionRequest alice =
                new SubscriptionRequest(ALICE, around(BORDEAUX), Frequency.DAILY, "fr");
        for (int i = 0; i < AlertSettings.DEFAULT_MAX_PER_ADDRESS; i++) {
            fx.alerts.subscribe(alice, "192.0.2." + i);
        }
        assertThatThrownBy(() -> fx.alerts.subscribe(alice, "192.0.2.99"))
                .isInstanceOf(RateLimitedException.class);

        for (int i = 0; i < AlertSettings.DEFAULT_MAX_PER_CLIENT; i++) {
            fx.alerts.subscribe(
                    new SubscriptionRequest(
                            "person" + i + "@example.org", around(BORDEAUX), Frequency.DAILY, "fr"),
                    "198.51.100.7");
        }
        assertThatThrownBy(() -> fx.alerts.subscribe(
                        new SubscriptionRequest(
                                "late@example.org", around(BORDEAUX), Frequency.DAILY, "fr"),
                        "198.51.100.7"))
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterSeconds())
                        .isPositive());

        fx.clock.advance(Duration.ofHours(1));
        fx.alerts.subscribe(alice, "192.0.2.99");
    }

    @Test
    void everyMailIsDeliveredExactlyOnceAfterAnSmtpOutage() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.subscribeAndConfirm(BOB, around(GIRONDE), Frequency.IMMEDIATE);
        fx.stopSmtp();

        fx.harvest(fx.openProcess("panne", GIRONDE, 30));
        fx.alerts.subscribe(
                new SubscriptionRequest(
                        "carol@example.org", around(BORDEAUX), Frequency.DAILY, "fr"),
                "192.0.2.3");
        assertThat(fx.alerts.runDue()).isZero();
        assertThat(fx.alerts.countUnsent()).isEqualTo(3);

        // Not yet due again: nothing is tried.
        fx.clock.advance(Duration.ofSeconds(30));
        assertThat(fx.alerts.runDue()).isZero();
        fx.clock.advance(Duration.ofMinutes(1));
        assertThat(fx.alerts.runDue()).isZero();

        fx.restartSmtp();
        fx.clock.advance(Duration.ofMinutes(1));
        assertThat(fx.alerts.runDue()).isZero();
        fx.clock.advance(Duration.ofMinutes(2));
        assertThat(fx.alerts.runDue()).isEqualTo(3);
        fx.clock.advance(Duration.ofHours(2));
        assertThat(fx.alerts.runDue()).isZero();

        List<Mail> mails = fx.mails();
        assertThat(mails).hasSize(3);
        assertThat(mails.stream().map(Mail::messageId).distinct()).hasSize(3);
        assertThat(fx.mailsTo(ALICE))
                .singleElement()
                .satisfies(mail -> assertThat(mail.subject())
                        .isEqualTo("Parvis : nouveau — Consultation panne"));
        assertThat(fx.mailsTo(BOB))
                .singleElement()
                .satisfies(mail -> assertThat(mail.subject())
                        .isEqualTo("Parvis : nouveau — Consultation panne"));
        assertThat(fx.mailsTo("carol@example.org"))
                .singleElement()
                .satisfies(mail ->
                        assertThat(mail.subject()).isEqualTo("Confirmez votre alerte Parvis"));
        assertThat(fx.alerts.countUnsent()).isZero();
    }

    @Test
    void aMailInterruptedAfterTheServerAcceptedItIsSentAgainWithTheSameMessageId() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("coupure", BORDEAUX, 30));
        MailTransport smtp = fx.smtpTransport();
        AlertService dying = fx.withTransport(mail -> {
            smtp.send(mail);
            throw new IllegalStateException("the process stops before marking the mail sent");
        });

        assertThatThrownBy(dying::runDue).isInstanceOf(IllegalStateException.class);
        assertThat(fx.alerts.runDue()).isZero();
        fx.clock.advance(OutboxSender.LEASE);
        assertThat(fx.alerts.runDue()).isOne();
        fx.clock.advance(Duration.ofHours(1));
        assertThat(fx.alerts.runDue()).isZero();

        List<Mail> alerts = fx.mailsTo(ALICE).subList(1, 3);
        assertThat(alerts)
                .extracting(Mail::subject)
                .containsOnly("Parvis : nouveau — Consultation coupure");
        assertThat(alerts.get(0).messageId()).isEqualTo(alerts.get(1).messageId());
    }

    @Test
    void onlyTheHashesOfLinkTokensAreStored() {
        Mail confirmation = fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("jetons", BORDEAUX, 30));
        fx.alerts.runDue();
        Mail alert = fx.mailsTo(ALICE).get(1);
        List<String> tokens = List.of(
                confirmation.token("/alerts/confirm"),
                alert.token("/alerts/manage"),
                alert.token("/alerts/unsubscribe"));

        List<String> stored = fx.store
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT token_hash FROM alert_token")
                        .mapTo(String.class)
                        .list());

        assertThat(tokens).allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(22));
        assertThat(stored)
                .doesNotContainAnyElementsOf(tokens)
                .contains(Tokens.sha256(tokens.get(1)), Tokens.sha256(tokens.get(2)));
    }

    @Test
    void logsNeverShowAnAddress() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
            fx.stopSmtp();
            fx.harvest(fx.openProcess("journal", BORDEAUX, 30));
            fx.alerts.runDue();
            fx.restartSmtp();
            fx.clock.advance(Duration.ofMinutes(5));
            fx.alerts.runDue();
            fx.alerts.unsubscribe(fx.mailsTo(ALICE).get(0).token("/alerts/unsubscribe"));
        } finally {
            root.detachAppender(logs);
        }

        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("alice") || message.contains("@example"));
    }

    /** How many rows of the alert tables hold the address (subscriptions only may). */
    private int countRowsMentioning(String email) {
        return fx.store
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT COUNT(*) FROM alert_subscription WHERE email = :email")
                        .bind("email", email)
                        .mapTo(Integer.class)
                        .one());
    }
}
