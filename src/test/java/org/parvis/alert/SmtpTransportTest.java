package org.parvis.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an SMTP failure may say in logs and in the outbox. */
class SmtpTransportTest {

    @Test
    void aServerReplyQuotingTheRecipientLosesTheAddress() {
        String reply = "550 5.1.1 <camille.durand@example.org>: Recipient address rejected:"
                + " User unknown in virtual mailbox table (camille.durand@example.org)";

        String shown = SmtpTransport.withoutAddresses(reply);

        assertThat(shown)
                .doesNotContain("camille", "example.org")
                .contains("550 5.1.1", "Recipient address rejected", "<address>");
    }

    @Test
    void aFailureWithoutDetailSaysSo() {
        assertThat(SmtpTransport.withoutAddresses(null)).isEqualTo("no detail");
    }
}
