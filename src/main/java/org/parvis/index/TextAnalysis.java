package org.parvis.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Full-text analysis of process texts: one analyzer per language bucket (the stock Lucene analyzer
 * of the language, then ASCII folding so that {@code merignac} finds {@code Mérignac}), and the
 * query side that parses a user's text once per language.
 *
 * <p>Each item's texts go to fields named after their language bucket ({@code title.fr}); a
 * language without its own analyzer goes to {@link #OTHER}. A user's text is parsed with the
 * lenient {@link SimpleQueryParser} (it never throws on syntax) once per bucket, each restricted
 * to the items that have text in that bucket, and the best bucket wins: stop words of one
 * language then never become required terms of another.
 *
 * <p>Thread-safe: the analyzers are immutable after construction and reuse per-thread components.
 */
final class TextAnalysis {

    /** Languages with their own analyzer. */
    static final List<String> LANGUAGES = List.of("fr", "en", "es", "ca", "de", "it", "nl", "pt");

    /** Bucket of texts in any other language: standard tokenizer, lower case, folding. */
    static final String OTHER = "und";

    /** Every language bucket, {@link #OTHER} last. */
    static final List<String> BUCKETS =
            List.of("fr", "en", "es", "ca", "de", "it", "nl", "pt", OTHER);

    static final float TITLE_WEIGHT = 3f;
    static final float SUMMARY_WEIGHT = 1.5f;
    static final float DESCRIPTION_WEIGHT = 1f;
    static final float CONTEXT_WEIGHT = 0.7f;

    // Fuzzy terms expand to many terms in every language field; prefix, phrase and the
    // boolean operators stay available.
    private static final int PARSER_FLAGS = -1 & ~SimpleQueryParser.FUZZY_OPERATOR;

    private final Map<String, Analyzer> byBucket;
    private final Analyzer fieldAnalyzer;

    TextAnalysis() {
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("fr", folding(new FrenchAnalyzer()));
        analyzers.put("en", folding(new EnglishAnalyzer()));
        analyzers.put("es", folding(new SpanishAnalyzer()));
        analyzers.put("ca", folding(new CatalanAnalyzer()));
        analyzers.put("de", folding(new GermanAnalyzer()));
        analyzers.put("it", folding(new ItalianAnalyzer()));
        analyzers.put("nl", folding(new DutchAnalyzer()));
        analyzers.put("pt", folding(new PortugueseAnalyzer()));
        analyzers.put(OTHER, folding(new StandardAnalyzer(CharArraySet.EMPTY_SET)));
        this.byBucket = Map.copyOf(analyzers);
        this.fieldAnalyzer = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzerForField(fieldName);
            }
        };
    }

    /** The bucket of a language tag: its primary subtag when it has an analyzer, else OTHER. */
    static String bucketOf(String languageTag) {
        int dash = languageTag.indexOf('-');
        String primary =
                (dash < 0 ? languageTag : languageTag.substring(0, dash)).toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(primary) ? primary : OTHER;
    }

    /** The analyzer that picks each field's language from its name; for the index writer. */
    Analyzer fieldAnalyzer() {
        return fieldAnalyzer;
    }

    /**
     * The query for a user's text: for each language bucket, all the words (as the bucket's
     * analyzer sees them) in that bucket's fields, among items that have
     * text in that bucket; the best-scoring bucket counts. Only the buckets in {@code present}
     * (those the index has text in) are parsed. Never throws on syntax.
     */
    Query parse(String text, Set<String> present) {
        List<Query> perBucket = new ArrayList<>();
        for (String bucket : BUCKETS) {
            if (!present.contains(bucket)) {
                continue;
            }
            Map<String, Float> weights = new LinkedHashMap<>();
            weights.put(Fields.TITLE_PREFIX + bucket, TITLE_WEIGHT);
            weights.put(Fields.SUMMARY_PREFIX + bucket, SUMMARY_WEIGHT);
            weights.put(Fields.DESCRIPTION_PREFIX + bucket, DESCRIPTION_WEIGHT);
            weights.put(Fields.CONTEXT_PREFIX + bucket, CONTEXT_WEIGHT);
            SimpleQueryParser parser = new SimpleQueryParser(fieldAnalyzer, weights, PARSER_FLAGS);
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            Query words = parser.parse(text);
            if (words instanceof MatchNoDocsQuery) {
                continue;
            }
            perBucket.add(new BooleanQuery.Builder()
                    .add(words, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(Fields.LANG, bucket)), BooleanClause.Occur.FILTER)
                    .build());
        }
        if (perBucket.isEmpty()) {
            return new MatchNoDocsQuery("no searchable word in the text");
        }
        return new DisjunctionMaxQuery(perBucket, 0f);
    }

    private Analyzer analyzerForField(String fieldName) {
        int dot = fieldName.indexOf('.');
        String bucket = dot < 0 ? OTHER : fieldName.substring(dot + 1);
        Analyzer analyzer = byBucket.get(bucket);
        return analyzer == null ? byBucket.get(OTHER) : analyzer;
    }

    /** Wraps a language analyzer so that its terms and normalised query terms lose accents. */
    private static Analyzer folding(Analyzer language) {
        return new AnalyzerWrapper(language.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return language;
            }

            @Override
            protected TokenStreamComponents wrapComponents(
                    String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(
                        components.getSource(),
                        new ASCIIFoldingFilter(components.getTokenStream()));
            }

            @Override
            protected TokenStream wrapTokenStreamForNormalization(
                    String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(in);
            }
        };
    }
}
