package org.parvis.theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The Parvis theme list (20 themes with labels in fr, en, es, de, it, ca), read from the bundled
 * {@code themes.tsv}. Process type, level, audience and status are separate filters, not themes.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThemeCatalog {

    private static final String RESOURCE = "/org/parvis/theme/themes.tsv";

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
        try (InputStream in = ThemeCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("theme list " + RESOURCE + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] languages = reader.readLine().substring(2).split("\t");
            Map<String, Theme> themes = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t");
                Map<String, String> labels = new HashMap<>();
                for (int i = 1; i < cells.length; i++) {
                    labels.put(languages[i], cells[i]);
                }
                themes.put(cells[0], new Theme(cells[0], labels));
            }
            return new ThemeCatalog(java.util.Collections.unmodifiableMap(themes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme list " + RESOURCE, e);
        }
    }

    /** Every theme, in the catalogue's order. */
    public List<Theme> listThemes() {
        return new ArrayList<>(themes.values());
    }

    public Optional<Theme> findTheme(String id) {
        return Optional.ofNullable(themes.get(id));
    }

    /** The theme with this id; throws naming the id and the known ids when absent. */
    public Theme getTheme(String id) {
        return findTheme(id)
                .orElseThrow(() ->
                        new NoSuchElementException("unknown theme '" + id + "'; expected one of " + themes.keySet()));
    }

    public boolean contains(String id) {
        return themes.containsKey(id);
    }
}
