package org.parvis.theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The Parvis theme list (20 themes with labels in fr, en, es, de, it, ca, each mapped to EU data
 * themes, EuroVoc domains and SDGs), read from the bundled {@code themes.tsv} and {@code
 * vocabularies.tsv}. Process type, level, audience and status are separate filters, not themes.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThemeCatalog {

    /** Languages every theme has a label in. */
    public static final List<String> LABEL_LANGUAGES = List.of("fr", "en", "es", "de", "it", "ca");

    private static final String THEMES = "/org/parvis/theme/themes.tsv";
    private static final String VOCABULARIES = "/org/parvis/theme/vocabularies.tsv";

    private final Map<String, Theme> themes;

    private ThemeCatalog(Map<String, Theme> themes) {
        this.themes = themes;
    }

    private static final class Holder {
        static final ThemeCatalog DEFAULT = load();
    }

    /** The bundled catalogue, loaded once. */
    public static ThemeCatalog loadDefault() {
        return Holder.DEFAULT;
    }

    private static ThemeCatalog load() {
        List<String[]> labelRows = readTsv(THEMES);
        String[] languages = labelRows.remove(0);
        Map<String, String[]> vocabularies = new HashMap<>();
        for (String[] row : readTsv(VOCABULARIES)) {
            if (!row[0].equals("id")) {
                vocabularies.put(row[0], row);
            }
        }
        Map<String, Theme> themes = new LinkedHashMap<>();
        for (String[] cells : labelRows) {
            Map<String, String> labels = new HashMap<>();
            for (int i = 1; i < cells.length; i++) {
                labels.put(languages[i], cells[i]);
            }
            String[] vocabulary = vocabularies.remove(cells[0]);
            if (vocabulary == null || vocabulary.length != 4) {
                throw new IllegalStateException("theme '" + cells[0] + "' has no complete line in "
                        + VOCABULARIES + "; add one");
            }
            themes.put(
                    cells[0],
                    new Theme(
                            cells[0],
                            labels,
                            split(vocabulary[1]),
                            split(vocabulary[2]),
                            split(vocabulary[3]).stream().map(Integer::valueOf).toList()));
        }
        if (!vocabularies.isEmpty()) {
            throw new IllegalStateException(VOCABULARIES + " maps themes missing from " + THEMES
                    + ": " + vocabularies.keySet());
        }
        return new ThemeCatalog(Collections.unmodifiableMap(themes));
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.split(","));
    }

    /**
     * Rows of a bundled TSV file; a header line starting with "# " is returned as the first row.
     */
    private static List<String[]> readTsv(String resource) {
        try (InputStream in = ThemeCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "theme resource " + resource + " is missing from the jar");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("# id\t")) {
                    rows.add(line.substring(2).split("\t"));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme resource " + resource, e);
        }
    }

    /** Every theme, in the catalogue's order. */
    public List<Theme> listThemes() {
        return new ArrayList<>(themes.values());
    }

    /** Every theme id, in the catalogue's order. */
    public List<String> listIds() {
        return new ArrayList<>(themes.keySet());
    }

    public Optional<Theme> findTheme(String id) {
        return Optional.ofNullable(themes.get(id));
    }

    /**
     * The label of theme {@code id} in {@code language} (English when the theme has none in it),
     * or the id itself for a theme this catalogue does not know (one dropped since it was
     * assigned).
     */
    public String label(String id, String language) {
        return findTheme(id).map(theme -> theme.label(language)).orElse(id);
    }

    /** The theme with this id; throws naming the id and the known ids when absent. */
    public Theme getTheme(String id) {
        return findTheme(id)
                .orElseThrow(() -> new NoSuchElementException(
                        "unknown theme '" + id + "'; expected one of " + themes.keySet()));
    }

    public boolean contains(String id) {
        return themes.containsKey(id);
    }
}
