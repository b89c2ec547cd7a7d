package org.parvis.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedService;
import org.parvis.index.FeedIndex;
import org.parvis.model.AreaId;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;
import org.parvis.store.JdbcStore;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.Gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alerts over a real store, the real French gazetteer, an in-memory feed index, a hand-moved
 * clock and a real SMTP server (GreenMail) on a loopback port that can be stopped and started
 * again on the same port. {@link #harvest} writes processes, catches the index up and matches.
 *
 * <p>Not thread-safe; one per test.
 */
public final class AlertFixture implements AutoCloseable {

    public static final AreaId BORDEAUX = AreaId.commune("33063");
    public static final AreaId MERIGNAC = AreaId.commune("33281");
    public static final AreaId METROPOLE = AreaId.epci("243300316");
    public static final AreaId GIRONDE = AreaId.departement("33");
    public static final AreaId PERIGUEUX = AreaId.commune("24322");
    public static final AreaId PARIS_12 = AreaId.arrondissement("75112");

    /** Monday 1 March 2027, 10:00 in Paris. */
    public static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

    public static final URI PUBLIC_URL = URI.create("https://parvis.example.org");

    private static Gazetteer gazetteer;

    public final MutableClock clock = new MutableClock(START);
    public final JdbcStore store;
    public final FeedIndex index;
    public final AlertService alerts;
    private final FeedService feed;
    private final AlertSettings settings;
    private final int smtpPort;
    private GreenMail smtp;

    public AlertFixture(JdbcStore store) {
        this.store = store;
        this.index = FeedIndex.inMemory(gazetteer());
        this.feed = new FeedService(gazetteer(), index, clock, source -> "Plateforme test");
        this.smtpPort = freePort();
        this.smtp = startSmtp(smtpPort);
        MailSettings mail = new MailSettings(
                "127.0.0.1",
                smtpPort,
                MailSettings.Tls.NONE,
                null,
                null,
                "Parvis <alertes@parvis.example.org>",
                5_000);
        this.settings = AlertSettings.of(mail, PUBLIC_URL);
        this.alerts = AlertService.create(store, feed, gazetteer(), settings, clock);
    }

    /** The feed the alerts match with. */
    public FeedService feed() {
        return feed;
    }

    /** The real gazetteer, loaded once per test run. */
    public static synchronized Gazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = FrenchGazetteer.loadDefault();
        }
        return gazetteer;
    }

    @Override
    public void close() {
        smtp.stop();
        index.close();
        store.close();
    }

    // Harvests

    /** Stores the processes as a harvest would, catches the index up and runs the matcher. */
    public int harvest(Process... processes) {
        if (processes.length > 0) {
            store.upsertAll(Arrays.asList(processes));
        }
        index.catchUp(store);
        return alerts.afterHarvest();
    }

    /** An open or upcoming consultation with one territory, a window and themes. */
    public static Process process(
            String slug, AreaId area, Instant start, Instant end, String... themes) {
        URI id = URI.create("https://participer.example.fr/processes/" + slug);
        ProcessBuilder builder = ProcessBuilder.create()
                .withId(id)
                .withSourceKey(new SourceKey("test-source", "process/" + slug))
                .withProcessType(ProcessType.CONSULTATION)
                .withTitle(LocalizedText.of("fr", "Consultation " + slug))
                .withWindow(start, end)
                .withParticipateUrl(URI.create(id + "/participer"))
                .addTerritory(TerritoryRef.of(area, Derivation.DECLARED))
                .withProvenance(new Provenance(
                        "test-source",
                        START,
                        null,
                        HarvestMethod.UNIFIED_JSON,
                        null,
                        new Licence("CC0-1.0", null, null),
                        List.of()));
        for (String theme : themes) {
            builder.addTheme(new ThemeAssignment(theme, ThemeMethod.SOURCE_MAPPING, 1.0, "test"));
        }
        return builder.build();
    }

    /** A process open from a week ago to {@code days} days from the clock's now. */
    public Process openProcess(String slug, AreaId area, int days, String... themes) {
        Instant now = clock.instant();
        return process(
                slug, area, now.minusSeconds(7 * 86_400), now.plusSeconds(days * 86_400L), themes);
    }

    // Subscriptions

    public static AlertQuery around(AreaId place, String... themes) {
        return new AlertQuery(place, FeedQuery.Scope.AROUND, Set.of(themes), Set.of());
    }

    /** Subscribes, sends the confirmation and confirms through its link; returns the mail. */
    public Mail subscribeAndConfirm(String email, AlertQuery query, Frequency frequency) {
        return subscribeAndConfirm(email, query, frequency, "fr");
    }

    public Mail subscribeAndConfirm(
            String email, AlertQuery query, Frequency frequency, String language) {
        int before = mails().size();
        alerts.subscribe(new SubscriptionRequest(email, query, frequency, language), "192.0.2.1");
        alerts.runDue();
        List<Mail> received = mails();
        Mail confirmation = received.get(received.size() - 1);
        if (received.size() != before + 1 || !confirmation.to().equals(email)) {
            throw new AssertionError("expected one confirmation mail to " + email);
        }
        if (alerts.confirm(confirmation.token("/alerts/confirm")).isEmpty()) {
            throw new AssertionError("the confirmation link of " + email + " did not confirm");
        }
        return confirmation;
    }

    /**
     * A second service over the same database whose mails go through {@code transport}, the way
     * another process of the node would (e.g. one that dies while sending).
     */
    AlertService withTransport(MailTransport transport) {
        return new AlertService(store, feed, gazetteer(), settings, transport, clock);
    }

    /** The real SMTP transport of this fixture. */
    MailTransport smtpTransport() {
        return new SmtpTransport(settings.mail(), clock);
    }

    // SMTP

    public void stopSmtp() {
        smtp.stop();
    }

    /** Starts a fresh SMTP server on the same port (the stopped one's mails are forgotten). */
    public void restartSmtp() {
        smtp = startSmtp(smtpPort);
    }

    /** Every mail the running SMTP server received, in order. */
    public List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mails.add(Mail.of(message));
        }
        return mails;
    }

    /** The mails received for one address. */
    public List<Mail> mailsTo(String email) {
        return mails().stream().filter(mail -> mail.to().equals(email)).toList();
    }

    private static GreenMail startSmtp(int port) {
        GreenMail server =
                new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A received mail: headers, subject, both parts. */
    public record Mail(
            String messageId,
            String to,
            String subject,
            String listUnsubscribe,
            String listUnsubscribePost,
            String text,
            String html) {

        private static final Pattern LINK =
                Pattern.compile("https?://[^/\\s]+(/alerts/[a-z]+)\\?token=([A-Za-z0-9_-]+)");

        public static Mail of(MimeMessage message) {
            try {
                MimeMultipart parts = (MimeMultipart) message.getContent();
                return new Mail(
                        message.getHeader("Message-ID", null),
                        message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString(),
                        message.getSubject(),
                        message.getHeader("List-Unsubscribe", null),
                        message.getHeader("List-Unsubscribe-Post", null),
                        (String) parts.getBodyPart(0).getContent(),
                        (String) parts.getBodyPart(1).getContent());
            } catch (MessagingException | IOException e) {
                throw new AssertionError("unreadable mail", e);
            }
        }

        /** The token of the first link to {@code path} in the plain-text part. */
        public String token(String path) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                if (matcher.group(1).equals(path)) {
                    return matcher.group(2);
                }
            }
            throw new AssertionError("no link to " + path + " in:\n" + text);
        }

        /** The path and query of the {@code List-Unsubscribe} URL. */
        public String unsubscribePathAndQuery() {
            String url = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
            URI uri = URI.create(url);
            return uri.getRawPath() + "?" + uri.getRawQuery();
        }
    }
}
