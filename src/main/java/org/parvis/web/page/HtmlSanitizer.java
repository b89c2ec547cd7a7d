package org.parvis.web.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans harvested HTML before a page shows it: only text-level and block tags survive (no
 * scripts, styles, images, forms or frames; no {@code style}, {@code class} or event-handler
 * attributes), links keep only http, https and mailto targets and get {@code rel="nofollow ugc
 * noopener"}. Plain text without tags is split into paragraphs at blank lines.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlSanitizer {

    static final String LINK_REL = "nofollow ugc noopener";

    private static final Safelist SAFELIST = new Safelist()
            .addTags(
                    "a",
                    "b",
                    "blockquote",
                    "br",
                    "code",
                    "dd",
                    "dl",
                    "dt",
                    "em",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "i",
                    "li",
                    "ol",
                    "p",
                    "pre",
                    "q",
                    "s",
                    "small",
                    "span",
                    "strong",
                    "sub",
                    "sup",
                    "u",
                    "ul")
            .addAttributes("a", "href", "hreflang")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https")
            .addEnforcedAttribute("a", "rel", LINK_REL);

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false);

    private HtmlSanitizer() {}

    /** The safe HTML of {@code html}, which may be plain text; empty for null or blank. */
    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String source = html;
        if (!html.contains("<")) {
            // Plain text: blank lines separate paragraphs, single newlines are line breaks.
            StringBuilder paragraphs = new StringBuilder();
            for (String paragraph : html.strip().split("\\R\\s*\\R")) {
                paragraphs
                        .append("<p>")
                        .append(org.jsoup.nodes.Entities.escape(paragraph.strip())
                                .replaceAll("\\R", "<br>"))
                        .append("</p>");
            }
            source = paragraphs.toString();
        }
        return Jsoup.clean(source, "", SAFELIST, OUTPUT);
    }
}
