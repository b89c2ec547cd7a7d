package org.parvis.territory;

import org.parvis.model.AreaId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code parvis territory …}: maintenance of the territory data. Its one subcommand, {@code
 * import-contours PATH}, imports commune contours from GeoJSON into {@code
 * <data>/contours.bin}, which the server loads at start for point look-ups.
 *
 * <p>Picocli creates one instance per invocation; not meant to be shared between threads.
 */
@Command(
        name = "territory",
        mixinStandardHelpOptions = true,
        description = "Territory data: import commune contours for point look-ups.",
        subcommands = {TerritoryCommand.ImportContours.class})
public final class TerritoryCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code parvis territory import-contours [--data DIR] PATH}: reads GeoJSON contours, maps
     * their
     * codes to today's communes and writes {@code DIR/contours.bin}. Exit code 0 on success, 2 for
     * bad input (the message says what to fix), 1 for I/O failures.
     */
    @Command(
            name = "import-contours",
            mixinStandardHelpOptions = true,
            description = {
                "Import commune (and arrondissement municipal) contours from GeoJSON into "
                        + "DIR/contours.bin.",
                "PATH is a .geojson/.json file (optionally gzipped) or a folder searched "
                        + "recursively.",
                "Codes of communes merged since the file's vintage are mapped to today's communes.",
                "Current contours: https://www.data.gouv.fr/datasets/contours-administratifs"
                        + " (communes-100m.geojson.gz and "
                        + "arrondissements-municipaux-100m.geojson.gz)."
            })
    public static final class ImportContours implements Callable<Integer> {

        @Parameters(
                index = "0",
                paramLabel = "PATH",
                description = "GeoJSON file or folder of GeoJSON files")
        private Path path;

        @Option(
                names = "--data",
                paramLabel = "DIR",
                defaultValue = "./parvis-data",
                description = "Data directory (default: ${DEFAULT-VALUE})")
        private Path dataDir;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long start = System.nanoTime();
            try {
                ContourIndex index =
                        ContourIndex.importGeoJson(path, FrenchGazetteer.loadDefault());
                Path file = ContourIndex.fileIn(dataDir);
                index.save(file);
                printReport(out, index, file, System.nanoTime() - start);
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("import-contours: " + e.getMessage());
                return 2;
            } catch (UncheckedIOException e) {
                err.println("import-contours: " + e.getMessage());
                return 1;
            } finally {
                out.flush();
                err.flush();
            }
        }

        private static void printReport(
                PrintWriter out, ContourIndex index, Path file, long nanos) {
            ContourIndex.ImportReport report = index.importReport().orElseThrow();
            out.printf(
                    Locale.ROOT,
                    "Imported %d features from %s in %.1f s%n",
                    report.features(),
                    index.source(),
                    TimeUnit.NANOSECONDS.toMillis(nanos) / 1000.0);
            out.printf(
                    Locale.ROOT,
                    "  %d communes and arrondissements with a contour (%d rebuilt from merged "
                            + "communes),"
                            + " %d vertices%n",
                    report.areas(),
                    report.mergedAreas(),
                    index.vertexCount());
            out.printf(
                    Locale.ROOT,
                    "  %d features skipped (not a commune code, or no polygon)%n",
                    report.skippedFeatures());
            out.println("  codes matching no current or former commune: "
                    + summary(report.unmappedCodes()));
            out.println("  former codes split between several communes (skipped): "
                    + summary(report.ambiguousCodes()));
            out.println("  current communes without a contour: "
                    + summary(report.communesWithoutContour().stream()
                            .map(AreaId::code)
                            .toList()));
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (IOException e) {
                bytes = -1;
            }
            out.printf(Locale.ROOT, "Wrote %s (%.1f MB)%n", file.toAbsolutePath(), bytes / 1e6);
        }

        private static String summary(List<String> codes) {
            if (codes.isEmpty()) {
                return "none";
            }
            int shown = Math.min(codes.size(), 20);
            return codes.size() + " (" + String.join(", ", codes.subList(0, shown))
                    + (shown < codes.size() ? ", …" : "") + ")";
        }
    }
}
