package org.parvis.alert;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What the mail templates ({@code src/main/jte/alert/mail*.jte}) draw: a confirmation request
 * ({@code confirmUrl} set) or an alert or digest ({@code items} set, with manage and unsubscribe
 * links), every text already in the subscriber's language.
 *
 * <p>Immutable and thread-safe. Public for the compiled templates only.
 */
public record MailView(
        String language,
        String subject,
        String heading,
        String intro,
        String query,
        List<MailItem> items,
        @Nullable String confirmUrl,
        @Nullable String confirmLabel,
        @Nullable String notice,
        @Nullable String manageUrl,
        @Nullable String manageLabel,
        @Nullable String unsubscribeUrl,
        @Nullable String unsubscribeLabel) {

    public MailView {
        items = List.copyOf(items);
    }
}
