package org.parvis.theme;

import org.apache.lucene.analysis.CharArraySet;
import org.parvis.theme.TextAnalysis.AnalyzedField;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-language lists of words and phrases that signal each theme ("piste cyclable" → {@code
 * mobilite}), read from {@code lexicon/<language>.txt}, stored as analyzed terms and matched
 * against analyzed text by longest match first. A phrase in the neutral section {@code [-]}
 * ("budget participatif") matches nothing but hides its words from shorter entries.
 *
 * <p>File format: {@code [theme-id]} or {@code [-]} starts a section; each other line is a word or
 * phrase, optionally followed by {@code = weight} (default 1); {@code #} starts a comment. A word
 * marked {@code ~} ({@code ~verkehr}) is also found inside compounds ("Radverkehrsplan"); only
 * marked words are, because most substrings of compounds mislead ("Parkraumbewirtschaftung" is
 * not about the economy).
 *
 * <p>Immutable and thread-safe after construction.
 */
final class Lexicon {

    private static final String DIRECTORY = "/org/parvis/theme/lexicon/";

    /** A term's meaning: a theme index (or {@link #NEUTRAL}) and its weight. */
    record Entry(int theme, float weight) {}

    static final int NEUTRAL = -1;

    private static final Entry[] NO_ENTRIES = new Entry[0];

    /**
     * A node of the term trie: the entries of the phrase ending here, and the terms that can
     * follow. Lookups walk the analyzed text term by term, without building phrase strings.
     */
    private static final class Node {
        Entry[] entries = NO_ENTRIES;
        Map<String, Node> next = Map.of();

        Node child(String term) {
            if (next.isEmpty()) {
                next = new HashMap<>(4);
            }
            return next.computeIfAbsent(term, t -> new Node());
        }
    }

    /** Per language: the root of its term trie. */
    private final Map<String, Node> roots;

    private final Map<String, CharArraySet> compoundParts;
    private final int termCount;

    private Lexicon(
            Map<String, Node> roots, Map<String, CharArraySet> compoundParts, int termCount) {
        this.roots = roots;
        this.compoundParts = compoundParts;
        this.termCount = termCount;
    }

    /**
     * Loads the bundled lexicons, analyzing their words with {@code analysis} (which must not split
     * compounds: the lexicon is what defines the compound parts).
     */
    static Lexicon loadBundled(List<String> themeIds, TextAnalysis analysis) {
        Map<String, Node> roots = new HashMap<>();
        Map<String, CharArraySet> compoundParts = new HashMap<>();
        int termCount = 0;
        for (String language : TextAnalysis.LANGUAGES) {
            Node root = new Node();
            CharArraySet parts = new CharArraySet(64, false);
            for (RawTerm raw : readFile(language, themeIds)) {
                AnalyzedField field = analysis.analyze(language, raw.text);
                if (field.primaryCount == 0) {
                    throw new IllegalStateException("lexicon " + language + ".txt line " + raw.line
                            + ": '" + raw.text + "' has only stop words; remove it or rephrase it");
                }
                Node node = root;
                for (String term : field.termList()) {
                    node = node.child(term);
                }
                node.entries = Arrays.copyOf(node.entries, node.entries.length + 1);
                node.entries[node.entries.length - 1] = new Entry(raw.theme, raw.weight);
                if (raw.compoundPart) {
                    if (field.size != 1) {
                        throw new IllegalStateException(
                                "lexicon " + language + ".txt line " + raw.line + ": '~" + raw.text
                                        + "' marks a phrase; only single words can be compound "
                                        + "parts");
                    }
                    parts.add(field.terms[0]);
                }
                termCount++;
            }
            roots.put(language, root);
            if (!parts.isEmpty()) {
                compoundParts.put(language, CharArraySet.unmodifiableSet(parts));
            }
        }
        return new Lexicon(Map.copyOf(roots), Map.copyOf(compoundParts), termCount);
    }

    private record RawTerm(String text, int theme, float weight, boolean compoundPart, int line) {}

    private static List<RawTerm> readFile(String language, List<String> themeIds) {
        String resource = DIRECTORY + language + ".txt";
        List<RawTerm> terms = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon " + resource + " is missing from the jar");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Integer theme = null;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                int hash = line.indexOf('#');
                String text = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    String id = text.substring(1, text.length() - 1).strip();
                    theme = id.equals("-") ? NEUTRAL : themeIds.indexOf(id);
                    if (theme < NEUTRAL) {
                        throw new IllegalStateException("lexicon " + resource + " line "
                                + lineNumber + ": unknown theme section [" + id
                                + "]; expected one of " + themeIds + " or [-]");
                    }
                    continue;
                }
                if (theme == null) {
                    throw new IllegalStateException("lexicon " + resource + " line " + lineNumber
                            + ": term '" + text + "' before any [theme] section");
                }
                float weight = 1;
                int equals = text.lastIndexOf('=');
                if (equals > 0) {
                    weight = parseWeight(text.substring(equals + 1).strip(), resource, lineNumber);
                    text = text.substring(0, equals).strip();
                }
                boolean compoundPart = text.startsWith("~");
                if (compoundPart) {
                    text = text.substring(1).strip();
                }
                terms.add(new RawTerm(text, theme, weight, compoundPart, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
        return terms;
    }

    private static float parseWeight(String text, String resource, int line) {
        try {
            float weight = Float.parseFloat(text);
            if (weight > 0 && weight <= 5) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("lexicon " + resource + " line " + line + ": weight '"
                + text + "' is not a number in (0, 5]; write e.g. 'piste cyclable = 2'");
    }

    /** Per language, the words that may be found inside compounds (marked {@code ~}). */
    Map<String, CharArraySet> compoundParts() {
        return compoundParts;
    }

    int termCount() {
        return termCount;
    }

    /**
     * Finds the lexicon's terms in {@code field}, longest phrase first, and reports each match to
     * {@code hits}. A compound part is looked up only when its whole compound matched nothing.
     */
    void match(String language, AnalyzedField field, int fieldId, Hits hits) {
        Node root = roots.get(language);
        int i = 0;
        while (i < field.size) {
            if (field.alternate[i]) {
                i++;
                continue;
            }

            // Walk the trie along the primary terms from i; remember the longest phrase with
            // entries.
            Entry[] matched = null;
            int matchedEnd = -1;
            Node node = root.next.get(field.terms[i]);
            int j = i;
            while (node != null) {
                if (node.entries.length > 0) {
                    matched = node.entries;
                    matchedEnd = j;
                }
                do {
                    j++;
                } while (j < field.size && field.alternate[j]);
                node = j < field.size && !node.next.isEmpty()
                        ? node.next.get(field.terms[j])
                        : null;
            }
            if (matched != null) {
                report(matched, fieldId, i, matchedEnd, hits);
                i = matchedEnd + 1;
                continue;
            }

            // No word or phrase starts here: try the compound parts of this term.
            int next = i + 1;
            while (next < field.size && field.alternate[next]) {
                if (!field.terms[next].equals(field.terms[i])) {
                    Node part = root.next.get(field.terms[next]);
                    if (part != null && part.entries.length > 0) {
                        report(part.entries, fieldId, i, i, hits);
                    }
                }
                next++;
            }
            i = next;
        }
    }

    private static void report(Entry[] found, int fieldId, int from, int to, Hits hits) {
        for (Entry entry : found) {
            if (entry.theme != NEUTRAL) {
                hits.add(entry.theme, entry.weight, fieldId, from, to);
            }
        }
    }

    /**
     * Lexicon matches in one classification: theme, term weight, field and term range. Not
     * thread-safe; one per classification.
     */
    static final class Hits {
        int size;
        int[] themes = new int[16];
        float[] weights = new float[16];
        int[] fields = new int[16];
        int[] froms = new int[16];
        int[] tos = new int[16];

        void add(int theme, float weight, int field, int from, int to) {
            if (size == themes.length) {
                int capacity = size * 2;
                themes = Arrays.copyOf(themes, capacity);
                weights = Arrays.copyOf(weights, capacity);
                fields = Arrays.copyOf(fields, capacity);
                froms = Arrays.copyOf(froms, capacity);
                tos = Arrays.copyOf(tos, capacity);
            }
            themes[size] = theme;
            weights[size] = weight;
            fields[size] = field;
            froms[size] = from;
            tos[size] = to;
            size++;
        }
    }
}
