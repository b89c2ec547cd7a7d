package org.parvis.source.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

/** The cell shapes Decidim's CSV export writes. */
class CellsTest {

    @Test
    void theFormulaGuardApostropheIsDroppedOnlyBeforeFormulaCharacters() {
        assertThat(Cells.clean("'-1")).isEqualTo("-1");
        assertThat(Cells.clean("'=SOMME(A1)")).isEqualTo("=SOMME(A1)");
        assertThat(Cells.clean("'Ker Lann'")).isEqualTo("'Ker Lann'");
        assertThat(Cells.clean("  ")).isNull();
    }

    @Test
    void railsIsoAndPlainDatesAreRead() {
        Instant expected = Instant.parse("2026-03-07T17:30:00Z");
        assertThat(Cells.instant("2026-03-07 18:30:00 +0100")).isEqualTo(expected);
        assertThat(Cells.instant("2026-03-07T18:30:00+01:00")).isEqualTo(expected);
        assertThat(Cells.instant("2026-03-07 17:30:00 UTC")).isEqualTo(expected);
        assertThat(Cells.instant("2026-03-07 18:30:00")).isEqualTo(expected);
        assertThat(Cells.instant("2026-03-07")).isEqualTo(Instant.parse("2026-03-06T23:00:00Z"));
        assertThat(Cells.date("2026-03-07T18:30:00+01:00")).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    @Test
    void aValueThatIsNoDateNamesItselfAndTheExpectedShape() {
        assertThatThrownBy(() -> Cells.instant("mardi prochain"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mardi prochain'")
                .hasMessageContaining("2025-09-01");
    }

    @Test
    void htmlIsReducedToTheTextAReaderSees() {
        assertThat(Cells.plainText("<p>Ville de Rennes &mdash; Direction de la participation</p>"))
                .isEqualTo("Ville de Rennes — Direction de la participation");
        assertThat(Cells.plainText(
                        "<p>Habitants</p><p>d&#39;Ille-et-Vilaine &amp; &eacute;lus</p>"))
                .isEqualTo("Habitants d'Ille-et-Vilaine & élus");
    }

    @Test
    void countsRefuseNegativeAndNonNumericValues() {
        assertThat(Cells.count("58")).isEqualTo(58);
        assertThatThrownBy(() -> Cells.count("-3")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Cells.count("beaucoup")).hasMessageContaining("'beaucoup'");
    }

    @Test
    void exportEntryNamesGiveTheirEntity() {
        assertThat(DecidimOpenDataConnector.entityOf(
                        "www.decidim.barcelona-open-data-proposal_comments.csv"))
                .isEqualTo("proposal_comments");
        assertThat(DecidimOpenDataConnector.entityOf("exports/open-data-meetings.csv"))
                .isEqualTo("meetings");
    }
}
