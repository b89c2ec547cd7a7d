package org.parvis.alert;

import org.parvis.model.ProcessType;
import org.parvis.theme.Theme;
import org.parvis.theme.ThemeCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The small HTML pages behind the subscription form and the links in mails: "check your inbox",
 * confirm, change, unsubscribe, and the answers to invalid links and refused requests, in French
 * or English. A link opened with GET only shows a button; the change happens on POST, so a mail
 * scanner that follows links confirms or unsubscribes nothing.
 *
 * <p>Thread-safe: immutable.
 */
public final class AlertPages {

    /** Where the pages send people back to. */
    static final String BACK_URL = "/";

    /**
     * The site's style sheet without its version: served too, only cached for less long. The web
     * layer passes the versioned URL with {@link #withStyleSheet}.
     */
    static final String DEFAULT_STYLE_SHEET = "/static/parvis.css";

    private final ThemeCatalog catalog;
    private final String styleSheet;

    /** The pages, labelling themes from {@code catalog}. */
    AlertPages(ThemeCatalog catalog) {
        this(catalog, DEFAULT_STYLE_SHEET);
    }

    private AlertPages(ThemeCatalog catalog, String styleSheet) {
        this.catalog = catalog;
        this.styleSheet = styleSheet;
    }

    /**
     * These pages linking the style sheet at {@code href} (a path on this node: the pages'
     * Content-Security-Policy allows styles from this origin only).
     */
    public AlertPages withStyleSheet(String href) {
        return new AlertPages(catalog, href);
    }

    /** The answer to a subscription request, the same for every address. */
    public String subscribed(String language) {
        Wording words = Wording.of(language);
        return simple(words, "page.subscribed.title", words.text("page.subscribed.text"));
    }

    /** The page of a confirmation link: what is followed, and the button that confirms. */
    public String confirmForm(SubscriptionView subscription, String token) {
        Wording words = Wording.of(subscription.language());
        return Templates.page(new PageView(
                styleSheet,
                words.language(),
                words.text("page.confirm.title"),
                List.of(words.text("page.confirm.text"), subscription.description()),
                AlertPaths.CONFIRM,
                token,
                words.text("confirm.button"),
                null,
                BACK_URL,
                words.text("page.back")));
    }

    public String confirmed(SubscriptionView subscription) {
        Wording words = Wording.of(subscription.language());
        return Templates.page(new PageView(
                styleSheet,
                words.language(),
                words.text("page.confirmed.title"),
                List.of(words.text("page.confirmed.text"), subscription.description()),
                null,
                null,
                null,
                null,
                BACK_URL,
                words.text("page.back")));
    }

    /** An unknown, used or expired link. */
    public String invalidLink(String language) {
        Wording words = Wording.of(language);
        return simple(words, "page.invalid.title", words.text("page.invalid.text"));
    }

    /** The page of an unsubscribe link: the button that unsubscribes. */
    public String unsubscribeForm(SubscriptionView subscription, String token) {
        Wording words = Wording.of(subscription.language());
        return Templates.page(new PageView(
                styleSheet,
                words.language(),
                words.text("page.unsubscribe.title"),
                List.of(words.text("page.unsubscribe.text"), subscription.description()),
                AlertPaths.UNSUBSCRIBE,
                token,
                words.text("unsubscribe"),
                null,
                BACK_URL,
                words.text("page.back")));
    }

    public String unsubscribed(String language) {
        Wording words = Wording.of(language);
        return simple(words, "page.unsubscribed.title", words.text("page.unsubscribed.text"));
    }

    /**
     * The form that changes a subscription, in the subscription's language, with a note when a
     * change was just saved: every choice is labelled in words, and what the subscription follows
     * is ticked.
     */
    public String manage(SubscriptionView subscription, String token, boolean saved) {
        Wording words = Wording.of(subscription.language());
        AlertQuery query = subscription.query();
        List<PageView.Choice> scopes = new ArrayList<>();
        for (String scope : SubscriptionRequest.SCOPES) {
            scopes.add(new PageView.Choice(
                    scope,
                    words.text("option.scope." + scope),
                    scope.equals(query.scopeCode()),
                    null));
        }
        List<PageView.Choice> themes = new ArrayList<>();
        for (Theme theme : catalog.listThemes()) {
            themes.add(new PageView.Choice(
                    theme.id(),
                    theme.label(words.language()),
                    query.themes().contains(theme.id()),
                    null));
        }
        List<PageView.Choice> kinds = new ArrayList<>();
        for (ProcessType kind : ProcessType.values()) {
            kinds.add(new PageView.Choice(
                    kind.code(),
                    words.text("kind." + kind.code()),
                    query.kinds().contains(kind),
                    null));
        }
        List<PageView.Choice> frequencies = new ArrayList<>();
        for (Frequency frequency : Frequency.values()) {
            frequencies.add(new PageView.Choice(
                    frequency.code(),
                    words.text("option.frequency." + frequency.code()),
                    frequency == subscription.frequency(),
                    null));
        }
        List<PageView.Choice> languages = new ArrayList<>();
        for (String language : SubscriptionRequest.LANGUAGES) {
            // Each language is named in itself, so that a reader of the other one finds it.
            languages.add(new PageView.Choice(
                    language,
                    Wording.languageName(language),
                    language.equals(subscription.language()),
                    language.equals(words.language()) ? null : language));
        }
        PageView.ManageForm form = new PageView.ManageForm(
                AlertPaths.MANAGE,
                token,
                query.place().value(),
                words.text("field.place"),
                words.text("field.place.hint", subscription.placeName()),
                words.text("field.scope"),
                scopes,
                words.text("field.themes"),
                words.text("field.themes.hint"),
                themes,
                words.text("field.kinds"),
                words.text("field.kinds.hint"),
                kinds,
                words.text("field.frequency"),
                frequencies,
                words.text("field.language"),
                languages,
                words.text("page.manage.save"),
                AlertPaths.UNSUBSCRIBE,
                words.text("unsubscribe"));
        List<String> paragraphs = saved
                ? List.of(words.text("page.manage.saved"), subscription.description())
                : List.of(subscription.description());
        return Templates.page(new PageView(
                styleSheet,
                words.language(),
                words.text("page.manage.title"),
                paragraphs,
                null,
                null,
                null,
                form,
                BACK_URL,
                words.text("page.back")));
    }

    /** A refused request (bad field, too many requests), with the reason. */
    public String refused(String language, boolean rateLimited, String reason) {
        Wording words = Wording.of(language);
        return simple(words, rateLimited ? "page.limited.title" : "page.error.title", reason);
    }

    private String simple(Wording words, String titleKey, String text) {
        return Templates.page(new PageView(
                styleSheet,
                words.language(),
                words.text(titleKey),
                List.of(text),
                null,
                null,
                null,
                null,
                BACK_URL,
                words.text("page.back")));
    }
}
