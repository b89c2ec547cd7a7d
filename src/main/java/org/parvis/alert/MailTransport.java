package org.parvis.alert;

/**
 * Hands a mail to a mail server. Returns only once the server has accepted it.
 *
 * <p>Implementations are thread-safe.
 */
interface MailTransport {

    /** Sends {@code mail}; throws {@link MailFailure} when the server did not accept it. */
    void send(OutgoingMail mail) throws MailFailure;

    /** The mail server refused or could not be reached; the outbox retries later. */
    final class MailFailure extends Exception {

        MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
