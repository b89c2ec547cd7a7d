package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.AreaId;
import org.parvis.model.GeoPoint;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class TerritoryCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new TerritoryCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void importContoursWritesTheDataFileTheServerLoads(@TempDir Path dir) {
        Path data = dir.resolve("parvis-data");
        Path excerpt = TerritoryFixtures.resource("gironde-contours-2018-excerpt.geojson");

        int exit = run("import-contours", "--data", data.toString(), excerpt.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Imported 6 features")
                .contains("6 communes and arrondissements with a contour")
                .contains("current communes without a contour: 34963")
                .contains("Wrote " + data.resolve("contours.bin").toAbsolutePath());
        assertThat(Files.isRegularFile(data.resolve("contours.bin"))).isTrue();
        assertThat(ContourIndex.findInDataDir(data)
                        .orElseThrow()
                        .findAreaAt(new GeoPoint(44.83776, -0.57947)))
                .contains(AreaId.commune("33063"));
    }

    @Test
    void aMissingPathExitsWithTwoAndSaysWhatToGive(@TempDir Path dir) {
        int exit = run(
                "import-contours",
                "--data",
                dir.toString(),
                dir.resolve("nothing-here").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist").contains("GeoJSON");
        assertThat(dir.resolve("contours.bin")).doesNotExist();
    }

    @Test
    void withoutSubcommandItPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("import-contours");
    }
}
