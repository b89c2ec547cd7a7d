package org.parvis.alert;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What the alert pages ({@code src/main/jte/alert/page.jte}) draw: a title, paragraphs, and
 * optionally a one-button form (confirm, unsubscribe) or the form that changes a subscription.
 *
 * <p>Immutable and thread-safe. Public for the compiled templates only.
 */
public record PageView(
        String styleSheet,
        String language,
        String title,
        List<String> paragraphs,
        @Nullable String formAction,
        @Nullable String token,
        @Nullable String buttonLabel,
        @Nullable ManageForm manage,
        String backUrl,
        String backLabel) {

    public PageView {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The fields of the change form, with their current values and labels. */
    public record ManageForm(
            String action,
            String token,
            String place,
            String placeLabel,
            String scope,
            List<String> scopes,
            String scopeLabel,
            String themes,
            String themesLabel,
            String kinds,
            String kindsLabel,
            String frequency,
            List<String> frequencies,
            String frequencyLabel,
            String language,
            List<String> languages,
            String languageLabel,
            String saveLabel,
            String unsubscribeAction,
            String unsubscribeLabel) {

        public ManageForm {
            scopes = List.copyOf(scopes);
            frequencies = List.copyOf(frequencies);
            languages = List.copyOf(languages);
        }
    }
}
