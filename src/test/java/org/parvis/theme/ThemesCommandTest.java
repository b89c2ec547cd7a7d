package org.parvis.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

class ThemesCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ThemesCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void evaluatePrintsOneLinePerThemeAndTheMacroF1OfBothSettings() {
        Run run = run("evaluate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Test part, with source categories:")
                .contains("Test part, text only (source categories hidden):")
                .containsPattern("mobilite\\s+15\\s+\\d\\.\\d{3}\\s+\\d\\.\\d{3}\\s+\\d\\.\\d{3}")
                .containsPattern("macro-F1\\s+0\\.\\d{3}");
        assertThat(run.out().lines().filter(line -> line.startsWith("macro-F1")))
                .hasSize(2);
    }

    @Test
    void listShowsLabelsInTheRequestedLanguageAndVocabularies() {
        Run run = run("list", "--lang", "de");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(20);
        assertThat(run.out())
                .contains("Verkehr und Mobilität")
                .contains("TRAN")
                .contains("[11, 9]");
    }

    @Test
    void classifyExplainsEachTheme() {
        Run run = run(
                "classify",
                "--title",
                "Nouvelles pistes cyclables",
                "--description",
                "Moins de voitures sur les quais.",
                "--category",
                "Cadre de vie");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "mobilite\\s+0\\.\\d{3} LEXICON\\s+words \"pistes cyclables\" \\(title\\)")
                .contains("cadre_de_vie")
                .contains("source category \"Cadre de vie\"");
    }

    @Test
    void classifyRejectsAnOverrideToAnUnknownTheme() {
        Run run = run("classify", "--title", "Pistes cyclables", "--override", "Vélo=velo");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("'velo'").contains("mobilite");
    }

    @Test
    void benchRefusesAMeasuredTimeBelowOneSecond() {
        Run run = run("bench", "--seconds", "0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--seconds 0").contains("measured time >= 1");
    }
}
