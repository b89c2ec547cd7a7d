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

    /**
     * One checkbox or radio button of the change form: the value posted, its label, whether it is
     * ticked, and the label's language when it is not the page's (a language's own name).
     */
    public record Choice(
            String value,
            String label,
            boolean checked,
            @Nullable String lang) {}

    /**
     * The change form, posting the fields of a subscription request: the place (an area id), one
     * radio group each for scope and frequency and language, and checkboxes for themes and kinds
     * (none ticked follows every one). Each group has a legend; the themes and kinds have a hint.
     */
    public record ManageForm(
            String action,
            String token,
            String place,
            String placeLabel,
            String placeHint,
            String scopeLegend,
            List<Choice> scopes,
            String themesLegend,
            String themesHint,
            List<Choice> themes,
            String kindsLegend,
            String kindsHint,
            List<Choice> kinds,
            String frequencyLegend,
            List<Choice> frequencies,
            String languageLegend,
            List<Choice> languages,
            String saveLabel,
            String unsubscribeAction,
            String unsubscribeLabel) {

        public ManageForm {
            scopes = List.copyOf(scopes);
            themes = List.copyOf(themes);
            kinds = List.copyOf(kinds);
            frequencies = List.copyOf(frequencies);
            languages = List.copyOf(languages);
        }
    }
}
