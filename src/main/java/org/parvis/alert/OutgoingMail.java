package org.parvis.alert;

import org.jspecify.annotations.Nullable;

import java.net.URI;

/**
 * One rendered mail, ready for SMTP: its Message-ID (stable across retries of the same outbox
 * row), recipient, subject, plain-text and HTML bodies, and the one-click unsubscribe URL put in
 * {@code List-Unsubscribe} (RFC 8058); {@code unsubscribeUrl} is null for a confirmation request,
 * which subscribes nobody.
 *
 * <p>Immutable and thread-safe.
 */
record OutgoingMail(
        String messageId,
        String to,
        String subject,
        String text,
        String html,
        @Nullable URI unsubscribeUrl) {

    @Override
    public String toString() {
        // No address: mails are logged by Message-ID only.
        return "OutgoingMail[" + messageId + "]";
    }
}
