package org.parvis.index;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Matches the documents having any of a few terms of an area field, like a term-in-set query, but
 * unions dense terms (France, the EU, a région: shared by most searches) from bit sets cached per
 * segment instead of merging their long posting lists on every search.
 *
 * <p>Immutable and thread-safe. Not cached by Lucene's query cache: the dense parts already are,
 * and the per-place unions are too many to keep.
 */
final class AreaQuery extends Query {

    private final String field;
    private final SortedSet<String> terms;
    private final SegmentColumns.Cache columns;

    AreaQuery(String field, SortedSet<String> terms, SegmentColumns.Cache columns) {
        this.field = field;
        this.terms = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(terms));
        this.columns = columns;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                DocIdSetIterator matches = AreaQuery.this.iterator(context.reader());
                return matches == null
                        ? null
                        : new ConstantScoreScorer(this, score(), scoreMode, matches);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    private DocIdSetIterator iterator(LeafReader reader) throws IOException {
        Terms fieldTerms = reader.terms(field);
        if (fieldTerms == null) {
            return null;
        }
        SegmentColumns segment = columns.get(reader);
        TermsEnum termsEnum = fieldTerms.iterator();
        List<FixedBitSet> dense = new ArrayList<>();
        List<PostingsEnum> sparse = new ArrayList<>();
        long cost = 0;
        for (String term : terms) {
            if (!termsEnum.seekExact(new BytesRef(term))) {
                continue;
            }
            cost += termsEnum.docFreq();
            FixedBitSet bits = segment.findDenseTerm(field, termsEnum);
            if (bits != null) {
                dense.add(bits);
            } else {
                sparse.add(termsEnum.postings(null, PostingsEnum.NONE));
            }
        }
        if (dense.isEmpty() && sparse.isEmpty()) {
            return null;
        } else if (dense.isEmpty() && sparse.size() == 1) {
            return sparse.get(0);
        } else if (dense.size() == 1 && sparse.isEmpty()) {
            return new BitSetIterator(dense.get(0), cost);
        }

        // A fresh union per search: OR the dense sets word by word, then add the sparse postings.
        FixedBitSet union = new FixedBitSet(reader.maxDoc());
        for (FixedBitSet bits : dense) {
            union.or(bits);
        }
        for (PostingsEnum postings : sparse) {
            for (int doc = postings.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = postings.nextDoc()) {
                union.set(doc);
            }
        }
        return new BitSetIterator(union, cost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + ":" + terms;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && field.equals(((AreaQuery) other).field)
                && terms.equals(((AreaQuery) other).terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, terms);
    }
}
