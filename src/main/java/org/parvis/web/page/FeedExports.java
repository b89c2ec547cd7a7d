package org.parvis.web.page;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedItem;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Item;
import org.parvis.model.MeetingDetails;
import org.parvis.model.Process;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes one page of a feed as Atom (RFC 4287, with Rome) and as iCalendar (RFC 5545, with
 * ical4j).
 *
 * <p>Atom: one entry per process, its id the process's public URL, {@code updated} the last time
 * the process changed ({@link #updatedAt}). iCalendar: each meeting of a listed process is a
 * timed event (in UTC), each closing date an all-day event on the process's last day
 * (Europe/Paris); uids are stable across requests, so calendar apps update rather than duplicate.
 *
 * <p>Stateless and thread-safe.
 */
final class FeedExports {

    static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    static final String ICS_TYPE = "text/calendar; charset=utf-8";
    static final String PRODUCT_ID = "-//Parvis//Parvis feed//FR";

    /** A listed process with what the exports need beyond its card. */
    record Listed(FeedItem card, @Nullable Process process, List<Contribution> meetings) {
        Listed {
            meetings = List.copyOf(meetings);
        }
    }

    private FeedExports() {}

    /**
     * When a process last changed, as far as Parvis can tell: the latest of the origin's own
     * update dates and the instant Parvis first read the current content (the store keeps that
     * instant while the content stays the same, so re-harvesting an unchanged process does not
     * move it).
     */
    static Instant updatedAt(FeedItem card, @Nullable Process process) {
        if (process == null) {
            return card.startAt() != null ? card.startAt() : Instant.EPOCH;
        }
        Instant latest = process.provenance().retrievedAt();
        for (Instant other :
                new Instant[] {process.updatedAt(), process.provenance().sourceUpdatedAt()}) {
            if (other != null && other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }

    /**
     * The Atom document.
     *
     * @param selfUrl absolute URL of this feed
     * @param pageUrl absolute URL of the matching web page
     * @param baseUrl absolute URL of the node, without a trailing slash, for item page links
     */
    static String atom(
            String title,
            String selfUrl,
            String pageUrl,
            String baseUrl,
            Lang lang,
            List<Listed> entries,
            java.util.function.Function<FeedItem, String> itemPath,
            java.util.function.Function<FeedItem, String> entrySummary,
            Instant now) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(selfUrl);
        feed.setTitle(title);
        feed.setLanguage(lang.code());
        feed.setAlternateLinks(List.of(link("alternate", "text/html", pageUrl)));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", selfUrl)));
        Person node = new Person();
        node.setName("Parvis");
        node.setUri(baseUrl + "/");
        feed.setAuthors(List.<SyndPerson>of(node));
        feed.setGenerator(generator());

        Instant latest = null;
        List<Entry> atomEntries = new ArrayList<>();
        for (Listed entry : entries) {
            FeedItem card = entry.card();
            Instant updated = updatedAt(card, entry.process());
            latest = latest == null || updated.isAfter(latest) ? updated : latest;

            Entry atomEntry = new Entry();
            atomEntry.setId(card.id().toString());
            atomEntry.setTitle(card.title());
            atomEntry.setUpdated(Date.from(updated));
            Process process = entry.process();
            if (process != null && process.publishedAt() != null) {
                atomEntry.setPublished(Date.from(process.publishedAt()));
            }
            atomEntry.setAlternateLinks(
                    List.of(link("alternate", null, participateUrl(card).toString())));
            atomEntry.setOtherLinks(
                    List.of(link("related", "text/html", baseUrl + itemPath.apply(card))));
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(entrySummary.apply(card));
            atomEntry.setSummary(summary);
            Person author = new Person();
            author.setName(card.organiser() != null ? card.organiser() : card.platform());
            atomEntry.setAuthors(List.<SyndPerson>of(author));
            List<Category> categories = new ArrayList<>();
            categories.add(category(card.kind().code()));
            card.themes().forEach(theme -> categories.add(category(theme)));
            atomEntry.setCategories(categories);
            atomEntry.setRights(card.licence().id());
            atomEntries.add(atomEntry);
        }
        feed.setEntries(atomEntries);
        // RFC 4287 requires atom:updated; an empty feed changed when it was asked.
        feed.setUpdated(Date.from(latest == null ? now : latest));
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed " + selfUrl, e);
        }
    }

    /**
     * The iCalendar document.
     *
     * @param calendarName shown by calendar apps as the calendar's name
     * @param host the node's host name, for uids
     */
    static String calendar(
            String calendarName,
            String host,
            List<Listed> entries,
            java.util.function.Function<FeedItem, String> closingSummary,
            java.util.function.Function<FeedItem, String> itemUrl,
            Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        for (Listed entry : entries) {
            FeedItem card = entry.card();
            Instant updated = updatedAt(card, entry.process());
            if (card.endAt() != null) {
                LocalDate last = Formats.lastDate(card.endAt());
                VEvent closing = new VEvent(last, last.plusDays(1), closingSummary.apply(card));
                closing.add(new Uid(uid("closing", card.id(), host)));
                closing.replace(new DtStamp(now));
                closing.add(new LastModified(updated));
                closing.add(new Url(participateUrl(card)));
                closing.add(new Description(itemUrl.apply(card)));
                calendar.add(closing);
            }
            for (Contribution meeting : entry.meetings()) {
                MeetingDetails details = meeting.meeting();
                if (details == null) {
                    continue;
                }
                String title = meeting.title().best(List.of());
                String summary = title.isEmpty() ? card.title() : title + " — " + card.title();
                VEvent event = details.endAt() == null
                        ? new VEvent(details.startAt(), summary)
                        : new VEvent(details.startAt(), details.endAt(), summary);
                event.add(new Uid(uid("meeting", meeting.id(), host)));
                event.replace(new DtStamp(now));
                event.add(new Url(meeting.id()));
                URI online = Item.isWebUrl(details.onlineUrl()) ? details.onlineUrl() : null;
                String where = details.address() != null
                        ? details.address()
                        : online != null ? online.toString() : null;
                if (where != null) {
                    event.add(new Location(where));
                }
                StringBuilder description = new StringBuilder(itemUrl.apply(card));
                if (online != null) {
                    description.append('\n').append(online);
                }
                event.add(new Description(description.toString()));
                calendar.add(event);
            }
        }
        // The outputter folds lines at 75 octets and ends them with CRLF, as RFC 5545 asks.
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calendar", e);
        }
        return out.toString();
    }

    /** The meetings among a process's contributions. */
    static List<Contribution> meetingsOf(List<Contribution> contributions) {
        return contributions.stream()
                .filter(c -> c.kind() == ContributionKind.MEETING && c.meeting() != null)
                .toList();
    }

    /** Where to take part: the card's link when it is a web link, else the process page. */
    static URI participateUrl(FeedItem card) {
        return PageUrls.webLink(card.url(), card.id());
    }

    private static String uid(String what, URI id, String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(id.toString().getBytes(StandardCharsets.UTF_8));
            return what + "-" + HexFormat.of().formatHex(digest, 0, 16) + "@"
                    + host.toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static Link link(String rel, @Nullable String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        if (type != null) {
            link.setType(type);
        }
        link.setHref(href);
        return link;
    }

    private static Category category(String term) {
        Category category = new Category();
        category.setTerm(term);
        return category;
    }

    private static Generator generator() {
        Generator generator = new Generator();
        generator.setValue("Parvis");
        return generator;
    }
}
