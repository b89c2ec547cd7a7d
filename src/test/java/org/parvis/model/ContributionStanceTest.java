package org.parvis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A comment's stance (alignment): kept through JSON, absent by default, range-checked. */
class ContributionStanceTest {

    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final URI PROPOSAL =
            URI.create("https://participer.nantes.example/processes/loire/f/22/proposals/31");

    private static Contribution comment(Integer stance) {
        return new Contribution(
                URI.create(PROPOSAL + "?commentId=77#comment_77"),
                new SourceKey("nantes-dataspace", "NM-COMM-2026-02-77"),
                "NM-COMM-2026-02-77",
                ContributionKind.COMMENT,
                URI.create("https://participer.nantes.example/processes/loire"),
                PROPOSAL,
                LocalizedText.empty(),
                LocalizedText.of("fr", "Indispensable."),
                List.of(new Author("Karim Benali", Author.Kind.PERSON, null, null)),
                NOW,
                NOW,
                "published",
                null,
                null,
                null,
                Counts.NONE,
                List.of(),
                true,
                new Provenance(
                        "nantes-dataspace",
                        NOW,
                        null,
                        HarvestMethod.DATASPACE,
                        null,
                        Licence.UNKNOWN,
                        List.of()),
                stance);
    }

    @Test
    void aCommentsStanceSurvivesAJsonRoundTrip() {
        Contribution against = comment(-1);

        String json = Json.write(against);

        assertThat(json).contains("\"stance\":-1");
        assertThat(Json.read(json, Item.class)).isEqualTo(against);
    }

    @Test
    void aContributionWithoutStanceWritesNoStanceField() {
        Contribution none = comment(null);

        assertThat(Json.write(none)).doesNotContain("stance");
        assertThat(Json.read(Json.write(none), Item.class)).isEqualTo(none);
    }

    @Test
    void aStanceOutsideMinusOneToOneIsRefused() {
        assertThatThrownBy(() -> comment(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stance 2");
    }
}
