package org.parvis.web.page;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What the page templates render: one record per page, built by the page handlers with every text
 * already translated and every URL already encoded, so the templates only lay them out. The
 * templates escape every value except {@code descriptionHtml}, which {@link HtmlSanitizer} has
 * cleaned.
 *
 * <p>All records are immutable and thread-safe.
 */
public final class Views {

    private Views() {}

    /** A link: where it goes and its text. */
    public record Link(String href, String label) {}

    /** A {@code <link rel="alternate">} of the page (Atom, iCalendar). */
    public record Alternate(String type, String title, String href) {}

    /** A hidden form field. */
    public record Hidden(String name, String value) {}

    /**
     * What every page shares: texts, language, title, the language switch, static assets, feed
     * alternates and whether the node serves sample data.
     */
    public record Frame(
            Texts t,
            Lang lang,
            String title,
            String switchHref,
            String homeHref,
            String sourcesHref,
            String cssHref,
            String jsHref,
            List<Alternate> alternates,
            boolean sampleData) {
        public Frame {
            alternates = List.copyOf(alternates);
        }
    }

    /** A choice in a filter or form: value, label, whether chosen and its count (if known). */
    public record Option(
            String value,
            String label,
            boolean checked,
            @Nullable Long count) {}

    /** The home page: the place form with the theme choices and what Parvis gathers. */
    public record HomeView(Frame frame, List<Option> themes, List<Link> sources) {
        public HomeView {
            themes = List.copyOf(themes);
            sources = List.copyOf(sources);
        }
    }

    /** A candidate place in the chooser: a link to its feed and what tells it apart. */
    public record Candidate(String href, String name, String detail) {}

    /** The place chooser: what was typed and the candidates (none when nothing matched). */
    public record ChooseView(
            Frame frame, String query, List<Candidate> candidates, List<Option> themes) {
        public ChooseView {
            candidates = List.copyOf(candidates);
            themes = List.copyOf(themes);
        }
    }

    /** A process card in the feed. */
    public record Card(
            String title,
            @Nullable String contentLang,
            @Nullable String summary,
            String itemHref,
            @Nullable String organiser,
            String platform,
            String level,
            String kind,
            String status,
            String statusLabel,
            String deadline,
            List<String> themes,
            String participateHref,
            String participateLabel) {
        public Card {
            themes = List.copyOf(themes);
        }
    }

    /** A group of filter choices: form field name, legend, input type and the choices. */
    public record FilterGroup(String name, String legend, String type, List<Option> options) {
        public FilterGroup {
            options = List.copyOf(options);
        }
    }

    /** The e-mail alert form, posted to {@code /alerts/subscribe}, with its fixed fields. */
    public record Subscription(String action, List<Hidden> fields, List<Option> frequencies) {
        public Subscription {
            fields = List.copyOf(fields);
            frequencies = List.copyOf(frequencies);
        }
    }

    /** The feed page. */
    public record FeedView(
            Frame frame,
            String heading,
            String placeSummary,
            String totalText,
            List<Card> cards,
            List<FilterGroup> filters,
            List<Option> sorts,
            @Nullable String text,
            List<Hidden> hidden,
            @Nullable String nextHref,
            @Nullable String firstHref,
            List<Link> widen,
            String atomHref,
            String icsHref,
            String changePlaceHref,
            Subscription subscription) {
        public FeedView {
            cards = List.copyOf(cards);
            filters = List.copyOf(filters);
            sorts = List.copyOf(sorts);
            hidden = List.copyOf(hidden);
            widen = List.copyOf(widen);
        }
    }

    /** A step of a process, with its window and whether it is the current one. */
    public record StepView(
            String title, @Nullable String contentLang, String window, boolean active) {}

    /** A meeting of a process. */
    public record MeetingView(
            String title,
            @Nullable String contentLang,
            String when,
            String isoStart,
            String mode,
            @Nullable String address,
            @Nullable String onlineHref,
            @Nullable String registrationHref,
            String originalHref) {}

    /**
     * What came of a process: an outcome (a Decidim accountability result…) with its status,
     * execution window and the proposals it carries out.
     */
    public record OutcomeView(
            String title,
            @Nullable String contentLang,
            String href,
            @Nullable String status,
            @Nullable String statusLang,
            @Nullable String progress,
            @Nullable String window,
            List<Link> carriesOut) {
        public OutcomeView {
            carriesOut = List.copyOf(carriesOut);
        }
    }

    /** A labelled value of the provenance or counts lists. */
    public record Fact(String label, String value, @Nullable String href) {}

    /** The item page. */
    public record ItemView(
            Frame frame,
            String title,
            @Nullable String contentLang,
            @Nullable String summary,
            String descriptionHtml,
            String kind,
            String status,
            String statusLabel,
            String deadline,
            @Nullable String organiser,
            List<String> themes,
            List<StepView> steps,
            List<MeetingView> meetings,
            List<OutcomeView> outcomes,
            List<Fact> counts,
            List<Fact> provenance,
            List<String> why,
            String participateHref,
            String participateLabel,
            @Nullable String backHref) {
        public ItemView {
            themes = List.copyOf(themes);
            steps = List.copyOf(steps);
            meetings = List.copyOf(meetings);
            outcomes = List.copyOf(outcomes);
            counts = List.copyOf(counts);
            provenance = List.copyOf(provenance);
            why = List.copyOf(why);
        }
    }

    /** A row of the sources page. */
    public record SourceRow(
            String name,
            String kind,
            String baseUrl,
            @Nullable String baseHref,
            String territory,
            String licence,
            String lastSuccess,
            String lastRun,
            String items,
            boolean sample) {}

    /** The sources page. */
    public record SourcesView(Frame frame, List<SourceRow> rows) {
        public SourcesView {
            rows = List.copyOf(rows);
        }
    }

    /** The error page for a bad request or an unknown page. */
    public record ErrorView(
            Frame frame,
            int status,
            String heading,
            String detail,
            String technical,
            @Nullable String parameter,
            @Nullable String value,
            List<String> allowed) {
        public ErrorView {
            allowed = List.copyOf(allowed);
        }
    }
}
