package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the benchmark briefly to check it measures and reports; no timing is asserted. */
class PlacesBenchCommandTest {

    @Test
    void aShortRunPrintsAMarkdownTableOfBothKindsOfLookUp(@TempDir Path dir) {
        ContourIndex.importGeoJson(
                        TerritoryFixtures.resource("gironde-contours-2018-excerpt.geojson"),
                        TerritoryFixtures.gazetteer())
                .save(ContourIndex.fileIn(dir));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PlacesBenchCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--data", dir.toString(), "--queries", "300", "--points", "200");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("| Look-up | Count | Found | p50 (µs) | p90 (µs) | p99 (µs) | max (µs) |")
                .contains("| Text and postcode look-ups, all | 300 |")
                .contains("| – names with one typo |")
                .contains("| Point in polygon, all | 200 |")
                .contains("contours of 6 areas");
    }

    @Test
    void withoutContoursOnlyTextLookUpsAreMeasured(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PlacesBenchCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--data", dir.toString(), "--queries", "100");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Point look-ups skipped")
                .doesNotContain("| Point in polygon");
    }
}
