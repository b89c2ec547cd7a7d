package org.parvis.theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a source's own category names, taxonomy terms and hashtags to Parvis themes: first the
 * source's overrides, then the built-in multilingual table {@code categories.tsv}. Labels match
 * whatever their case, accents, plural "s" or hashtag form ("#MobilitéDouce" is "Mobilité douce").
 * A label mapped to no theme ("Budget participatif", a process type) is known but gives nothing;
 * a label made of several known names ("Sport et santé") gives the themes of each.
 *
 * <p>Immutable and thread-safe.
 */
final class CategoryMapping {

    private static final String RESOURCE = "/org/parvis/theme/categories.tsv";

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern PART_SEPARATORS = Pattern.compile("\\s*(?:[,/&|;+]|\\s-\\s)\\s*");
    private static final Set<String> CONJUNCTIONS =
            Set.of("et", "and", "y", "i", "und", "e", "ed", "ou", "or", "o");

    /** Normalized label → theme ids (empty: known label with no theme). */
    private final Map<String, List<String>> table;

    private CategoryMapping(Map<String, List<String>> table) {
        this.table = table;
    }

    /** The built-in table. */
    static CategoryMapping loadBundled(ThemeCatalog catalog) {
        Map<String, List<String>> table = new HashMap<>();
        try (InputStream in = CategoryMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "category table " + RESOURCE + " is missing from the jar");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 2) {
                    throw new IllegalStateException("category table line " + lineNumber + " has "
                            + cells.length + " columns; expected: label<TAB>theme ids or -");
                }
                String key = normalize(cells[0]);
                List<String> themes =
                        parseThemes(cells[1], catalog, "category table line " + lineNumber);
                List<String> previous = table.put(key, themes);
                if (previous != null && !previous.equals(themes)) {
                    throw new IllegalStateException("category table line " + lineNumber + ": '"
                            + cells[0] + "' repeats a label already mapped to " + previous);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the category table " + RESOURCE, e);
        }
        return new CategoryMapping(Collections.unmodifiableMap(table));
    }

    /**
     * Per-source overrides (source label → comma-separated theme ids, or {@code -} or empty for
     * "no theme"), checked against the catalogue.
     */
    static CategoryMapping compileOverrides(Map<String, String> overrides, ThemeCatalog catalog) {
        Map<String, List<String>> table = new HashMap<>();
        overrides.forEach((label, themes) -> {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(
                        "category override with a blank source label; remove it");
            }
            table.put(
                    normalize(label),
                    parseThemes(themes == null ? "" : themes, catalog, "override '" + label + "'"));
        });
        return new CategoryMapping(Collections.unmodifiableMap(table));
    }

    private static List<String> parseThemes(String cell, ThemeCatalog catalog, String where) {
        String trimmed = cell.strip();
        if (trimmed.isEmpty() || trimmed.equals("-")) {
            return List.of();
        }
        List<String> themes = new ArrayList<>();
        for (String id : trimmed.split("\\s*,\\s*")) {
            if (!catalog.contains(id)) {
                throw new IllegalArgumentException(
                        where + " maps to unknown theme '" + id + "'; expected theme ids among "
                                + catalog.listIds() + ", comma-separated, or - for none");
            }
            themes.add(id);
        }
        return List.copyOf(themes);
    }

    /**
     * The comparison form of a label: hashtag mark dropped, camel case split, accents and case
     * folded, punctuation turned into spaces, a final "s" or "x" of longer words dropped.
     */
    static String normalize(String label) {
        // One pass, no regular expression: this runs for every category of every harvested item.
        StringBuilder out = new StringBuilder(label.length());
        int wordStart = 0;
        char previous = ' ';
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                    wordStart = endWord(out, wordStart);
                }
                out.append(fold(Character.toLowerCase(c)));
            } else {
                wordStart = endWord(out, wordStart);
            }
            previous = c;
        }
        endWord(out, wordStart);
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** Closes the word started at {@code wordStart}: drops a plural mark, adds a space. */
    private static int endWord(StringBuilder out, int wordStart) {
        int length = out.length() - wordStart;
        if (length == 0) {
            return wordStart;
        }
        char last = out.charAt(out.length() - 1);
        if (length > 3 && (last == 's' || last == 'x')) {
            out.setLength(out.length() - 1);
        }
        out.append(' ');
        return out.length();
    }

    /** The letter without its accent, for the Latin letters of the languages Parvis reads. */
    private static char fold(char c) {
        if (c < 0xC0) {
            return c;
        }
        if (c < FOLDED.length) {
            return FOLDED[c];
        }
        return c;
    }

    private static final char[] FOLDED = foldingTable();

    private static char[] foldingTable() {
        char[] table = new char[0x250];
        for (char c = 0; c < table.length; c++) {
            String decomposed = COMBINING_MARKS
                    .matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD))
                    .replaceAll("");
            table[c] = decomposed.length() == 1 ? decomposed.charAt(0) : c;
        }
        return table;
    }

    /** A label as words to analyze: hashtag mark dropped, camel case split ("#MobilitéDouce"). */
    static String readable(String label) {
        String text = label.strip();
        while (text.startsWith("#")) {
            text = text.substring(1);
        }
        return CAMEL_CASE.matcher(text).replaceAll(" ");
    }

    /** The themes of a whole label, or {@code null} when this table does not know it. */
    List<String> find(String normalizedLabel) {
        return table.get(normalizedLabel);
    }

    /**
     * Splits a label into the names it combines ("Sport / Santé", "Culture et loisirs"), each
     * normalized; the label itself when it combines none.
     */
    static List<String> parts(String label) {
        List<String> parts = new ArrayList<>();
        for (String piece : PART_SEPARATORS.split(label)) {
            String normalized = normalize(piece);
            if (normalized.isEmpty()) {
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String word : normalized.split(" ")) {
                if (CONJUNCTIONS.contains(word)) {
                    if (current.length() > 0) {
                        parts.add(current.toString());
                        current.setLength(0);
                    }
                } else {
                    if (current.length() > 0) {
                        current.append(' ');
                    }
                    current.append(word);
                }
            }
            if (current.length() > 0) {
                parts.add(current.toString());
            }
        }
        return parts;
    }

    int size() {
        return table.size();
    }
}
