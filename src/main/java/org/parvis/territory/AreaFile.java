package org.parvis.territory;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a French areas file as written by {@code scripts/build-gazetteer.py}: a header line
 * {@code #parvis-fr-areas format=1 cog=… source=…}, then tab-separated records tagged {@code R}
 * (région), {@code D} (département), {@code E} (EPCI), {@code C} (current commune), {@code A}
 * (arrondissement municipal) and {@code F} (former commune). The script documents the columns.
 *
 * <p>Parsing checks the shape of every field and reports the first bad line by number; whether
 * the rows refer to each other consistently is checked by {@link GazetteerAssembly}.
 *
 * <p>A transient parse result: not thread-safe, confined to the thread that builds a gazetteer.
 */
final class AreaFile {

    static final String HEADER_TAG = "#parvis-fr-areas";
    static final String FORMAT = "format=1";

    private static final List<String> FORMER_TYPES =
            List.of(FormerCommune.DELEGUEE, FormerCommune.ASSOCIEE, FormerCommune.ANCIEN_CODE);

    /**
     * Shapes of the fields; checked by hand rather than by regex as some 200,000 run at start-up.
     */
    private enum Shape {
        REGION_CODE("2 or 3 digits"),
        DEPARTEMENT_CODE("2 digits, 2A, 2B or 3 digits"),
        COMMUNE_CODE("5 characters: 2 digits, 2A or 2B, then 3 digits"),
        SIREN("9 digits"),
        POSTCODE("5 digits"),
        POPULATION("1 to 10 digits");

        final String description;

        Shape(String description) {
            this.description = description;
        }

        boolean matches(String v) {
            return switch (this) {
                case REGION_CODE ->
                    digits(v, 0, v.length()) && (v.length() == 2 || v.length() == 3);
                case DEPARTEMENT_CODE ->
                    isCorsica(v)
                            || (digits(v, 0, v.length()) && (v.length() == 2 || v.length() == 3));
                case COMMUNE_CODE ->
                    v.length() == 5
                            && (digits(v, 0, 2) || isCorsica(v.substring(0, 2)))
                            && digits(v, 2, 5);
                case SIREN -> v.length() == 9 && digits(v, 0, 9);
                case POSTCODE -> v.length() == 5 && digits(v, 0, 5);
                case POPULATION -> v.length() >= 1 && v.length() <= 10 && digits(v, 0, v.length());
            };
        }

        private static boolean isCorsica(String v) {
            return v.equals("2A") || v.equals("2B");
        }

        private static boolean digits(String v, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    record Region(String code, String name) {}

    record Departement(String code, String name, String region) {}

    record Epci(
            String siren,
            String name,
            String type,
            @Nullable Long population) {}

    record Commune(
            String code,
            String name,
            String departement,
            String region,
            @Nullable Long population,
            List<String> postcodes,
            @Nullable String epci,
            @Nullable String siren) {}

    record Arrondissement(
            String code,
            String name,
            String commune,
            @Nullable Long population,
            List<String> postcodes) {}

    record Former(String type, String code, @Nullable String name, String current) {}

    final String source;
    final String vintage;
    final List<Region> regions = new ArrayList<>();
    final List<Departement> departements = new ArrayList<>();
    final List<Epci> epcis = new ArrayList<>();
    final List<Commune> communes = new ArrayList<>();
    final List<Arrondissement> arrondissements = new ArrayList<>();
    final List<Former> formerCommunes = new ArrayList<>();

    // Postcodes repeat across communes and arrondissements; one instance each keeps the heap small.
    private final Map<String, String> shared = new HashMap<>();
    private final String fileName;
    private int lineNumber;

    private AreaFile(String fileName, String source, String vintage) {
        this.fileName = fileName;
        this.source = source;
        this.vintage = vintage;
    }

    /**
     * Reads a whole areas file.
     *
     * @param fileName names the file in error messages
     * @throws IllegalArgumentException naming the file, line and field when a line is malformed
     */
    static AreaFile read(BufferedReader reader, String fileName) throws IOException {
        String header = reader.readLine();
        String[] headerFields = header == null ? new String[0] : header.split("\t", -1);
        if (headerFields.length < 4
                || !headerFields[0].equals(HEADER_TAG)
                || !headerFields[1].equals(FORMAT)
                || !headerFields[2].startsWith("cog=")
                || !headerFields[3].startsWith("source=")) {
            throw new IllegalArgumentException(fileName + " line 1: expected header '" + HEADER_TAG
                    + "\t" + FORMAT + "\tcog=…\tsource=…', got '" + header
                    + "'; regenerate it with scripts/build-gazetteer.py");
        }
        AreaFile file =
                new AreaFile(fileName, headerFields[3].substring(7), headerFields[2].substring(4));
        file.lineNumber = 1;

        String line;
        while ((line = reader.readLine()) != null) {
            file.lineNumber++;
            if (!line.isEmpty()) {
                file.parseLine(line.split("\t", -1));
            }
        }
        return file;
    }

    private void parseLine(String[] f) {
        switch (f[0]) {
            case "R" -> {
                expectFields(f, 3, "région (R code name)");
                regions.add(new Region(code(f[1], Shape.REGION_CODE, "région code"), name(f[2])));
            }
            case "D" -> {
                expectFields(f, 4, "département (D code name région)");
                departements.add(new Departement(
                        code(f[1], Shape.DEPARTEMENT_CODE, "département code"),
                        name(f[2]),
                        code(f[3], Shape.REGION_CODE, "région code")));
            }
            case "E" -> {
                expectFields(f, 5, "EPCI (E siren name type population)");
                epcis.add(new Epci(
                        code(f[1], Shape.SIREN, "EPCI SIREN"),
                        name(f[2]),
                        name(f[3]),
                        population(f[4])));
            }
            case "C" -> {
                expectFields(
                        f,
                        9,
                        "commune (C code name département région population postcodes epci siren)");
                communes.add(new Commune(
                        code(f[1], Shape.COMMUNE_CODE, "commune code"),
                        name(f[2]),
                        code(f[3], Shape.DEPARTEMENT_CODE, "département code"),
                        code(f[4], Shape.REGION_CODE, "région code"),
                        population(f[5]),
                        postcodes(f[6]),
                        f[7].isEmpty() ? null : code(f[7], Shape.SIREN, "EPCI SIREN"),
                        f[8].isEmpty() ? null : code(f[8], Shape.SIREN, "commune SIREN")));
            }
            case "A" -> {
                expectFields(f, 6, "arrondissement (A code name commune population postcodes)");
                arrondissements.add(new Arrondissement(
                        code(f[1], Shape.COMMUNE_CODE, "arrondissement code"),
                        name(f[2]),
                        code(f[3], Shape.COMMUNE_CODE, "commune code"),
                        population(f[4]),
                        postcodes(f[5])));
            }
            case "F" -> {
                expectFields(f, 5, "former commune (F type code name current)");
                if (!FORMER_TYPES.contains(f[1])) {
                    throw bad("former commune type '" + f[1] + "' is not one of " + FORMER_TYPES);
                }
                formerCommunes.add(new Former(
                        f[1],
                        code(f[2], Shape.COMMUNE_CODE, "former commune code"),
                        f[3].isEmpty() ? null : f[3],
                        code(f[4], Shape.COMMUNE_CODE, "commune code")));
            }
            default -> throw bad("unknown record tag '" + f[0] + "'; expected R, D, E, C, A or F");
        }
    }

    private void expectFields(String[] fields, int count, String what) {
        if (fields.length != count) {
            throw bad("a " + what + " line has " + count + " tab-separated fields, this one has "
                    + fields.length);
        }
    }

    private String code(String value, Shape shape, String what) {
        if (!shape.matches(value)) {
            throw bad(what + " '" + value + "' is not " + shape.description);
        }
        return value;
    }

    private String name(String value) {
        if (value.isBlank()) {
            throw bad("empty name");
        }
        return value;
    }

    private @Nullable Long population(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!Shape.POPULATION.matches(value)) {
            throw bad("population '" + value + "' is not a non-negative whole number");
        }
        return Long.valueOf(value);
    }

    private List<String> postcodes(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        String[] codes = value.split(",", -1);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = shared.computeIfAbsent(code(codes[i], Shape.POSTCODE, "postcode"), c -> c);
        }
        return List.of(codes);
    }

    private IllegalArgumentException bad(String problem) {
        return new IllegalArgumentException(fileName + " line " + lineNumber + ": " + problem
                + "; regenerate the file with scripts/build-gazetteer.py");
    }
}
