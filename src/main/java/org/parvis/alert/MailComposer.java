package org.parvis.alert;

import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;
import org.parvis.theme.ThemeCatalog;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the mails and describes subscriptions in the subscriber's language: the confirmation
 * request, immediate alerts and digests, each with its links.
 *
 * <p>Thread-safe: immutable.
 */
final class MailComposer {

    private final URI baseUrl;
    private final Gazetteer gazetteer;
    private final ThemeCatalog catalog;

    MailComposer(URI baseUrl, Gazetteer gazetteer, ThemeCatalog catalog) {
        this.baseUrl = baseUrl;
        this.gazetteer = gazetteer;
        this.catalog = catalog;
    }

    /** The Message-ID of an outbox row: the same for every attempt to send it. */
    String messageId(String outboxId) {
        return "<" + outboxId + ".alert@" + baseUrl.getHost() + ">";
    }

    /** A link of a page that takes a token. */
    String link(String path, String token) {
        return baseUrl + path + "?token=" + token;
    }

    /** The confirmation request of a pending subscription. */
    OutgoingMail confirmation(
            String outboxId, Subscription subscription, String confirmToken, String stopToken) {
        Wording words = Wording.of(subscription.language());
        String subject = words.text("confirm.subject");
        Instant expiry = subscription.expiresAt() == null
                ? subscription.createdAt()
                : subscription.expiresAt();
        MailView view = new MailView(
                words.language(),
                subject,
                words.text("confirm.heading"),
                words.text("confirm.intro"),
                describe(subscription.query(), subscription.frequency(), words),
                List.of(),
                link(AlertPaths.CONFIRM, confirmToken),
                words.text("confirm.button"),
                words.text("confirm.ignore", words.date(expiry)),
                null,
                null,
                null,
                null);
        return mail(outboxId, subscription, view, link(AlertPaths.UNSUBSCRIBE, stopToken));
    }

    /** An immediate alert or a digest carrying {@code items}. */
    OutgoingMail alert(
            String outboxId,
            Subscription subscription,
            boolean digest,
            List<ItemSnapshot> items,
            String manageToken,
            String stopToken,
            Instant now) {
        Wording words = Wording.of(subscription.language());
        String place = placeName(subscription.query().place());
        String prefix = !digest
                ? "alert"
                : subscription.frequency() == Frequency.WEEKLY ? "weekly" : "daily";
        String subject;
        if (!digest && items.size() == 1) {
            subject = words.text("alert.subject.one", items.get(0).title());
        } else {
            subject =
                    words.text(prefix + ".subject" + (digest ? "" : ".many"), items.size(), place);
        }
        List<MailItem> shown = new ArrayList<>();
        for (ItemSnapshot item : items) {
            shown.add(show(item, words, now));
        }
        String unsubscribe = link(AlertPaths.UNSUBSCRIBE, stopToken);
        MailView view = new MailView(
                words.language(),
                subject,
                words.text(prefix + ".heading"),
                words.text("alert.intro"),
                describe(subscription.query(), subscription.frequency(), words),
                shown,
                null,
                null,
                words.text("footer"),
                link(AlertPaths.MANAGE, manageToken),
                words.text("manage"),
                unsubscribe,
                words.text("unsubscribe"));
        return mail(outboxId, subscription, view, URI.create(unsubscribe));
    }

    private OutgoingMail mail(
            String outboxId, Subscription subscription, MailView view, String unsubscribe) {
        return mail(outboxId, subscription, view, URI.create(unsubscribe));
    }

    private OutgoingMail mail(
            String outboxId, Subscription subscription, MailView view, URI unsubscribe) {
        return new OutgoingMail(
                messageId(outboxId),
                subscription.email(),
                view.subject(),
                Templates.mailText(view),
                Templates.mailHtml(view),
                unsubscribe);
    }

    private MailItem show(ItemSnapshot item, Wording words, Instant now) {
        List<String> areas = new ArrayList<>();
        for (ItemSnapshot.Area area : item.areas()) {
            areas.add(words.level(area.level()) + " · " + area.name());
        }
        String status = item.startAt() != null && now.isBefore(item.startAt())
                ? words.text("status.upcoming", words.date(item.startAt()))
                : words.text("status.open");
        String deadline = item.endAt() == null
                ? words.text("deadline.none")
                : words.text("deadline.until", words.lastDay(item.endAt()));
        return new MailItem(
                item.title(),
                item.url().toString(),
                words.text("take.part"),
                item.platform(),
                areas.isEmpty() ? words.level(AreaLevel.LOCAL) : String.join(", ", areas),
                status,
                deadline);
    }

    /** A subscription's view for its pages. */
    SubscriptionView view(Subscription subscription) {
        Wording words = Wording.of(subscription.language());
        return new SubscriptionView(
                subscription.query(),
                placeName(subscription.query().place()),
                subscription.frequency(),
                subscription.language(),
                describe(subscription.query(), subscription.frequency(), words),
                subscription.isConfirmed());
    }

    /** One line saying what a subscription follows, e.g. "ce qui concerne Bordeaux · …". */
    String describe(AlertQuery query, Frequency frequency, Wording words) {
        String place = placeName(query.place());
        List<String> parts = new ArrayList<>();
        parts.add(words.text("scope." + query.scopeCode(), place));
        if (query.themes().isEmpty()) {
            parts.add(words.text("themes.all"));
        } else {
            List<String> labels = new ArrayList<>();
            for (String theme : query.listThemes()) {
                labels.add(catalog.label(theme, words.language()));
            }
            parts.add(words.text("themes.some", String.join(", ", labels)));
        }
        if (query.kinds().isEmpty()) {
            parts.add(words.text("kinds.all"));
        } else {
            List<String> kinds = new ArrayList<>();
            for (String code : query.listKinds()) {
                kinds.add(words.text("kind." + code).toLowerCase(Locale.ROOT));
            }
            parts.add(words.text("kinds.some", String.join(", ", kinds)));
        }
        parts.add(words.text("frequency." + frequency.code()));
        return String.join(" · ", parts);
    }

    String placeName(AreaId place) {
        return gazetteer.findPlace(place).map(Place::name).orElse(place.value());
    }
}
