package org.parvis.theme;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text into the terms the lexicons and the model look up, through the Lucene analysis chain
 * of its language (elision, stop words, stemming) followed by ASCII folding, so that "l'école",
 * "écoles" and "ecole" give the same term. German compounds are also split into the lexicon's
 * words ("Radverkehrsplan" gives "radverkehrsplan" and "verkehr").
 *
 * <p>Thread-safe: Lucene analyzers keep one token stream per thread.
 */
final class TextAnalysis {

    /** Languages with an analyzer and a lexicon, in the order used to break language-guess ties. */
    static final List<String> LANGUAGES = List.of("fr", "en", "es", "ca", "de", "it");

    private static final String FIELD = "text";

    /**
     * Lucene's French stop words plus common function words it lacks; "plus" matters most, as the
     * French stemmer turns it into "plu", the plan local d'urbanisme.
     */
    private static final CharArraySet FRENCH_STOP_WORDS = frenchStopWords();

    private static CharArraySet frenchStopWords() {
        CharArraySet words = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), false);
        words.addAll(List.of(
                "plus", "moins", "très", "tout", "tous", "toute", "toutes", "aussi", "ainsi",
                "comment", "quel", "quels", "quelle", "quelles", "où", "faut", "peut", "doit",
                "entre", "chaque", "cela", "ceci"));
        return CharArraySet.unmodifiableSet(words);
    }

    private final Map<String, Analyzer> analyzers = new HashMap<>();
    private final Map<String, CharArraySet> stopWords = new HashMap<>();

    /**
     * @param compoundParts per language, the stemmed words to find inside compounds (used for
     *     German only); may be empty
     */
    TextAnalysis(Map<String, CharArraySet> compoundParts) {
        for (String language : LANGUAGES) {
            analyzers.put(
                    language,
                    new FoldingAnalyzer(baseAnalyzer(language), compoundParts.get(language)));
            stopWords.put(language, stopSet(language));
        }
    }

    /** Analyzers without compound splitting, used to stem the lexicon's own words. */
    static TextAnalysis withoutCompounds() {
        return new TextAnalysis(Map.of());
    }

    /**
     * The stock Lucene analyzer of each language, except English and Catalan, whose stemmers
     * (Porter, Snowball) merge unrelated words: "parking" and "parks", "planning" and "plan";
     * "habitants" and "habitatge". Those two get the same chain with a light stemmer.
     */
    private static Analyzer baseAnalyzer(String language) {
        return switch (language) {
            case "fr" -> new FrenchAnalyzer(FRENCH_STOP_WORDS);
            case "en" -> new LightAnalyzer(language);
            case "es" -> new SpanishAnalyzer();
            case "ca" -> new LightAnalyzer(language);
            case "de" -> new GermanAnalyzer();
            case "it" -> new ItalianAnalyzer();
            default ->
                throw new IllegalArgumentException("no analyzer for language '" + language
                        + "'; expected one of " + LANGUAGES);
        };
    }

    private static CharArraySet stopSet(String language) {
        return switch (language) {
            case "fr" -> FRENCH_STOP_WORDS;
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "es" -> SpanishAnalyzer.getDefaultStopSet();
            case "ca" -> CatalanAnalyzer.getDefaultStopSet();
            case "de" -> GermanAnalyzer.getDefaultStopSet();
            case "it" -> ItalianAnalyzer.getDefaultStopSet();
            default ->
                throw new IllegalArgumentException("no stop words for language '" + language + "'");
        };
    }

    /**
     * The analysis language for a text: the declared one when supported (a region subtag is
     * ignored: {@code fr-BE} is French), otherwise the supported language whose stop words the text
     * uses most, French when it uses none.
     */
    String resolveLanguage(@Nullable String declared, String text) {
        if (declared != null) {
            int dash = declared.indexOf('-');
            String primary = (dash < 0 ? declared : declared.substring(0, dash))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            if (analyzers.containsKey(primary)) {
                return primary;
            }
        }
        return guessLanguage(text);
    }

    private String guessLanguage(String text) {
        int[] hits = new int[LANGUAGES.size()];
        char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
        int start = -1;
        for (int i = 0; i <= chars.length; i++) {
            boolean letter = i < chars.length && Character.isLetter(chars[i]);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                for (int l = 0; l < hits.length; l++) {
                    if (stopWords.get(LANGUAGES.get(l)).contains(chars, start, i - start)) {
                        hits[l]++;
                    }
                }
                start = -1;
            }
        }
        int best = 0;
        for (int l = 1; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                best = l;
            }
        }
        return LANGUAGES.get(best);
    }

    /** Analyzes {@code text} (plain text, no markup) in a supported {@code language}. */
    AnalyzedField analyze(String language, String text) {
        Analyzer analyzer = analyzers.get(language);
        if (analyzer == null) {
            throw new IllegalArgumentException(
                    "no analyzer for language '" + language + "'; expected one of " + LANGUAGES);
        }
        AnalyzedField.Builder out = new AnalyzedField.Builder(text);
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment =
                    stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(
                        term.toString(),
                        offset.startOffset(),
                        offset.endOffset(),
                        increment.getPositionIncrement() == 0);
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads from a String: an I/O error here is a bug, not an input problem.
            throw new UncheckedIOException("cannot analyze text in language " + language, e);
        }
        return out.build();
    }

    /**
     * English and Catalan chains: standard tokenizer, elision (Catalan) or possessive removal
     * (English), lowercase, stop words, then a light stemmer (plural and final vowel only).
     */
    private static final class LightAnalyzer extends Analyzer {

        private static final CharArraySet CATALAN_ARTICLES = CharArraySet.unmodifiableSet(
                new CharArraySet(List.of("d", "l", "m", "n", "s", "t"), true));

        private final String language;

        LightAnalyzer(String language) {
            this.language = language;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream;
            if (language.equals("ca")) {
                stream = new ElisionFilter(source, CATALAN_ARTICLES);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, CatalanAnalyzer.getDefaultStopSet());
                stream = new ASCIIFoldingFilter(stream);
                stream = new CatalanLightStemFilter(stream);
            } else {
                stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new EnglishMinimalStemFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }
    }

    /**
     * A stock Lucene analyzer followed by ASCII folding and, when a dictionary is given, splitting
     * of compounds into the dictionary's words (emitted at the same position as the compound).
     */
    private static final class FoldingAnalyzer extends AnalyzerWrapper {

        private final Analyzer delegate;
        private final @Nullable CharArraySet compoundParts;

        FoldingAnalyzer(Analyzer delegate, @Nullable CharArraySet compoundParts) {
            super(GLOBAL_REUSE_STRATEGY);
            this.delegate = delegate;
            this.compoundParts =
                    compoundParts == null || compoundParts.isEmpty() ? null : compoundParts;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected TokenStreamComponents wrapComponents(
                String fieldName, TokenStreamComponents components) {
            TokenStream stream = new ASCIIFoldingFilter(components.getTokenStream());
            if (compoundParts != null) {
                // Only compounds of 8+ letters are split, into known words of 4 to 20 letters.
                stream = new DictionaryCompoundWordTokenFilter(
                        stream, compoundParts, 8, 4, 20, true);
            }
            return new TokenStreamComponents(components.getSource(), stream);
        }
    }

    /**
     * The terms of one analyzed text with their character offsets in it. {@code alternate[i]} marks
     * a compound part emitted at the position of the term before it.
     *
     * <p>Immutable after construction; the arrays are not copied and must not be modified.
     */
    static final class AnalyzedField {

        static final AnalyzedField EMPTY = new Builder("").build();

        final String text;
        final String[] terms;
        final int[] starts;
        final int[] ends;
        final boolean[] alternate;
        final int size;
        /** Terms that are not compound parts: the number of content words. */
        final int primaryCount;

        private AnalyzedField(Builder b) {
            this.text = b.text;
            this.terms = b.terms;
            this.starts = b.starts;
            this.ends = b.ends;
            this.alternate = b.alternate;
            this.size = b.size;
            this.primaryCount = b.primaryCount;
        }

        /** The words of the original text behind terms {@code from} to {@code to} (inclusive). */
        String surface(int from, int to) {
            return text.substring(starts[from], ends[to]);
        }

        /** The terms only, for tests and diagnostics. */
        List<String> termList() {
            return Arrays.asList(Arrays.copyOf(terms, size));
        }

        static final class Builder {
            private final String text;
            private String[] terms = new String[32];
            private int[] starts = new int[32];
            private int[] ends = new int[32];
            private boolean[] alternate = new boolean[32];
            private int size;
            private int primaryCount;

            Builder(String text) {
                this.text = text;
            }

            void add(String term, int start, int end, boolean isAlternate) {
                if (size == terms.length) {
                    int capacity = size * 2;
                    terms = Arrays.copyOf(terms, capacity);
                    starts = Arrays.copyOf(starts, capacity);
                    ends = Arrays.copyOf(ends, capacity);
                    alternate = Arrays.copyOf(alternate, capacity);
                }
                terms[size] = term;
                starts[size] = start;
                ends[size] = end;
                alternate[size] = isAlternate;
                size++;
                if (!isAlternate) {
                    primaryCount++;
                }
            }

            AnalyzedField build() {
                return new AnalyzedField(this);
            }
        }
    }
}
