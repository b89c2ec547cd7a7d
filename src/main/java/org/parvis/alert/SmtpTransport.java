package org.parvis.alert;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Sends mails over SMTP with Angus Mail: one connection per mail, STARTTLS required or SMTPS when
 * configured, authentication when credentials are given, bounded connect/read/write timeouts.
 * Each mail is {@code multipart/alternative} (plain text, then HTML) with its own Message-ID,
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC
 * 8058), and {@code Auto-Submitted: auto-generated} (RFC 3834).
 *
 * <p>Thread-safe: the session is immutable and every send opens its own connection.
 */
final class SmtpTransport implements MailTransport {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"']+@[^\\s<>\"']+");

    private final MailSettings settings;
    private final Session session;
    private final Clock clock;

    SmtpTransport(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(MailSettings settings) {
        String protocol = settings.tls() == MailSettings.Tls.SMTPS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", String.valueOf(settings.port()));
        properties.put(prefix + "connectiontimeout", String.valueOf(settings.timeoutMillis()));
        properties.put(prefix + "timeout", String.valueOf(settings.timeoutMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(settings.timeoutMillis()));
        properties.put(prefix + "auth", String.valueOf(settings.username() != null));
        if (settings.tls() == MailSettings.Tls.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.tls() != MailSettings.Tls.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public void send(OutgoingMail mail) throws MailFailure {
        try {
            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }

            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);

            if (settings.username() == null) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.username(), settings.password());
            }
        } catch (MessagingException e) {
            // The message names the server and the SMTP reply, never the credentials.
            throw new MailFailure(
                    "SMTP server " + settings.host() + ":" + settings.port() + " did not accept "
                            + mail.messageId() + ": " + withoutAddresses(e.getMessage()),
                    e);
        }
    }

    /** Server replies may quote the recipient; logs and the outbox must not. */
    static String withoutAddresses(@Nullable String text) {
        return text == null ? "no detail" : ADDRESS.matcher(text).replaceAll("<address>");
    }

    /** A message that keeps the Message-ID it is given instead of generating one on save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
