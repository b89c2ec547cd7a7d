package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

class HtmlSanitizerTest {

    static final List<String> PAYLOADS = PageFixture.PAYLOADS;

    @ParameterizedTest
    @FieldSource("PAYLOADS")
    void knownPayloadsLoseEveryActiveOrStyledPart(String payload) {
        String clean = HtmlSanitizer.clean("<p>before</p>" + payload + "<p>after</p>");

        assertThat(clean).doesNotContain("<script", "<img", "<svg", "<iframe", "<style", "<form");
        assertThat(clean).doesNotContain("<math", "<button");
        assertThat(clean).doesNotContainIgnoringCase("javascript:");
        assertThat(clean).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        assertThat(clean).doesNotContain("style=");
        // Unclosed markup may swallow what follows it, never what precedes it.
        assertThat(clean).startsWith("<p>before</p>");
    }

    @Test
    void linksKeepWebTargetsAndGetNofollowUgcNoopener() {
        String clean = HtmlSanitizer.clean("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\""
                + " target=\"_blank\" class=\"x\">the plan</a> or"
                + " <a href=\"mailto:concertation@example.org\">write</a>.</p>");

        assertThat(clean)
                .isEqualTo("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\""
                        + " rel=\"nofollow ugc noopener\">the plan</a> or"
                        + " <a href=\"mailto:concertation@example.org\""
                        + " rel=\"nofollow ugc noopener\">write</a>.</p>");
    }

    @Test
    void structureAndEmphasisSurvive() {
        String html = "<h3>Calendrier</h3><ul><li><strong>Mars</strong> : ateliers</li>"
                + "<li><em>Avril</em> : vote</li></ul><blockquote>Citation</blockquote>";

        assertThat(HtmlSanitizer.clean(html)).isEqualTo(html);
    }

    @Test
    void plainTextBecomesEscapedParagraphsAndLineBreaks() {
        String clean = HtmlSanitizer.clean("Première ligne\nsuite & fin\n\nDeuxième paragraphe");

        assertThat(clean)
                .isEqualTo("<p>Première ligne<br>suite &amp; fin</p><p>Deuxième paragraphe</p>");
    }

    @Test
    void blankGivesNothing() {
        assertThat(HtmlSanitizer.clean("  \n ")).isEmpty();
        assertThat(HtmlSanitizer.clean(null)).isEmpty();
    }
}
