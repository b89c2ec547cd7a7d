package org.parvis.theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One hand-labelled item of the bundled labelled set ({@code labelled/train.tsv} and {@code
 * labelled/test.tsv}); see the README there for the format and labelling rules.
 *
 * <p>Immutable and thread-safe.
 */
record LabelledItem(
        String id,
        String language,
        List<String> themes,
        List<String> categories,
        String title,
        String description) {

    /** The two parts of the labelled set. */
    enum Split {
        TRAIN("train"),
        TEST("test");

        final String fileName;

        Split(String fileName) {
            this.fileName = fileName;
        }
    }

    LabelledItem {
        themes = List.copyOf(themes);
        categories = List.copyOf(categories);
    }

    /** The item as classifier input, with or without its source categories. */
    ClassificationInput toInput(boolean withCategories) {
        return new ClassificationInput(
                title, description, language, withCategories ? categories : List.of(), Map.of());
    }

    /** The items of one part of the bundled labelled set, checked against the catalogue. */
    static List<LabelledItem> load(Split split, ThemeCatalog catalog) {
        String resource = "/org/parvis/theme/labelled/" + split.fileName + ".tsv";
        List<LabelledItem> items = new ArrayList<>();
        try (InputStream in = LabelledItem.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "labelled set " + resource + " is missing from the jar");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException(
                            resource + " line " + lineNumber + " has " + cells.length
                                    + " columns; expected id, lang, themes, categories, title, "
                                    + "description");
                }
                List<String> themes =
                        cells[2].equals("-") ? List.of() : Arrays.asList(cells[2].split(","));
                for (String theme : themes) {
                    catalog.getTheme(theme);
                }
                List<String> categories =
                        cells[3].equals("-") ? List.of() : Arrays.asList(cells[3].split("\\|"));
                items.add(new LabelledItem(
                        cells[0], cells[1], themes, categories, cells[4], cells[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labelled set " + resource, e);
        }
        return List.copyOf(items);
    }
}
