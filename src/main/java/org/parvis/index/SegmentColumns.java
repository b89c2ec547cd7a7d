package org.parvis.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.parvis.model.AreaLevel;
import org.parvis.model.ProcessType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-document values a feed search reads for every candidate, copied once per index segment
 * from its doc values into one interleaved array: reading packed doc values costs far more than an
 * array access, a search visits tens of thousands of candidates, and keeping a document's values
 * side by side costs one memory fetch per candidate instead of one per value. Also keeps the
 * posting lists of the segment's dense area terms as bit sets, so unions of large areas (France,
 * a région) are word-wise ORs instead of posting merges.
 *
 * <p>Row of document {@code d}: {@code rows[d * STRIDE + START | END | NEWEST | META]}. META holds
 * the kind ordinal + 1 (bits 48–55, 0 when absent), the level ordinal + 1 (bits 56–59) and, when
 * the segment has at most {@link #MASK_THEMES} themes, one bit per theme ordinal (bits 0–47);
 * otherwise the themes are in {@link #themeFrom}/{@link #themeOrds}.
 *
 * <p>Segments are immutable, so the copy stays valid for the segment's life; {@link Cache} drops it
 * when the segment closes. Memory: 36 bytes per document plus the dense area bit sets.
 *
 * <p>Thread-safe: the arrays are written once before publication; the bit-set map is concurrent.
 */
final class SegmentColumns {

    /** Terms with at least this many documents, and one in 64 of the segment, get a bit set. */
    static final int DENSE_MIN_DOCS = 1_024;

    static final int STRIDE = 4;
    static final int START = 0;
    static final int END = 1;
    static final int NEWEST = 2;
    static final int META = 3;

    /** Most themes a segment may have for them to be kept as a bit mask in META. */
    static final int MASK_THEMES = 48;

    static final long THEME_BITS = (1L << MASK_THEMES) - 1;

    final int maxDoc;
    final long[] rows;
    /** Ordinal of each document's id in the segment's sorted id values (ids sort as ordinals). */
    final int[] idOrds;
    /** Whether the themes are the META bit mask; else use the two arrays below. */
    final boolean themesInMask;
    /**
     * The theme ordinals of document {@code d} are {@code themeOrds[themeFrom[d] ..
     * themeFrom[d+1])}.
     */
    final int[] themeFrom;

    final int[] themeOrds;
    /** Theme id of each segment theme ordinal (sorted, as in the doc values). */
    final String[] themeNames;

    private final Map<String, FixedBitSet> denseAreas = new ConcurrentHashMap<>();

    private SegmentColumns(LeafReader reader) throws IOException {
        this.maxDoc = reader.maxDoc();
        this.rows = new long[maxDoc * STRIDE];
        readLongs(reader, Fields.START, Long.MIN_VALUE, START);
        readLongs(reader, Fields.END, Long.MAX_VALUE, END);
        readLongs(reader, Fields.NEWEST, Long.MIN_VALUE, NEWEST);
        readEnum(reader, Fields.KIND, code -> ProcessType.parse(code).ordinal(), 48);
        readEnum(reader, Fields.LEVEL, code -> AreaLevel.parse(code).ordinal(), 56);
        this.idOrds = new int[maxDoc];
        SortedDocValues ids = DocValues.getSorted(reader, Fields.ID);
        for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
            idOrds[doc] = ids.ordValue();
        }

        SortedSetDocValues themes = DocValues.getSortedSet(reader, Fields.THEME);
        this.themeNames = new String[(int) themes.getValueCount()];
        for (int ord = 0; ord < themeNames.length; ord++) {
            themeNames[ord] = themes.lookupOrd(ord).utf8ToString();
        }
        this.themesInMask = themeNames.length <= MASK_THEMES;
        if (themesInMask) {
            this.themeFrom = null;
            this.themeOrds = null;
            for (int doc = themes.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = themes.nextDoc()) {
                long mask = 0;
                for (int i = 0; i < themes.docValueCount(); i++) {
                    mask |= 1L << themes.nextOrd();
                }
                rows[doc * STRIDE + META] |= mask;
            }
            return;
        }
        this.themeFrom = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc)];
        int count = 0;
        int doc = 0;
        for (int next = themes.nextDoc();
                next != DocIdSetIterator.NO_MORE_DOCS;
                next = themes.nextDoc()) {
            while (doc <= next) {
                themeFrom[doc++] = count;
            }
            for (int i = 0; i < themes.docValueCount(); i++) {
                if (count == ords.length) {
                    ords = Arrays.copyOf(ords, ords.length * 2);
                }
                ords[count++] = (int) themes.nextOrd();
            }
        }
        while (doc <= maxDoc) {
            themeFrom[doc++] = count;
        }
        this.themeOrds = Arrays.copyOf(ords, count);
    }

    /** The kind ordinal in a META value, -1 when absent. */
    static int kindOrdinal(long meta) {
        return (int) ((meta >>> 48) & 0xFF) - 1;
    }

    /** The level ordinal in a META value, -1 when absent. */
    static int levelOrdinal(long meta) {
        return (int) ((meta >>> 56) & 0xF) - 1;
    }

    /**
     * The documents of a term of an area field, as a bit set built once, when the term is dense in
     * this segment; null when it is sparse (read its postings instead). {@code terms} is
     * positioned on the term.
     */
    FixedBitSet findDenseTerm(String field, TermsEnum terms) throws IOException {
        int docFreq = terms.docFreq();
        if (docFreq < DENSE_MIN_DOCS || (long) docFreq * 64 < maxDoc) {
            return null;
        }
        String key = field + '\u0000' + terms.term().utf8ToString();
        FixedBitSet cached = denseAreas.get(key);
        if (cached != null) {
            return cached;
        }
        FixedBitSet bits = new FixedBitSet(maxDoc);
        PostingsEnum postings = terms.postings(null, PostingsEnum.NONE);
        for (int d = postings.nextDoc();
                d != DocIdSetIterator.NO_MORE_DOCS;
                d = postings.nextDoc()) {
            bits.set(d);
        }
        FixedBitSet raced = denseAreas.putIfAbsent(key, bits);
        return raced == null ? bits : raced;
    }

    private void readLongs(LeafReader reader, String field, long missing, int column)
            throws IOException {
        for (int doc = 0; doc < maxDoc; doc++) {
            rows[doc * STRIDE + column] = missing;
        }
        NumericDocValues docValues = DocValues.getNumeric(reader, field);
        for (int doc = docValues.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docValues.nextDoc()) {
            rows[doc * STRIDE + column] = docValues.longValue();
        }
    }

    /** Stores ordinal + 1 of each document's enum value in META at {@code shift}. */
    private void readEnum(
            LeafReader reader,
            String field,
            java.util.function.ToIntFunction<String> ordinal,
            int shift)
            throws IOException {
        SortedDocValues docValues = DocValues.getSorted(reader, field);
        long[] byOrd = new long[docValues.getValueCount()];
        for (int ord = 0; ord < byOrd.length; ord++) {
            byOrd[ord] = (long) (ordinal.applyAsInt(docValues.lookupOrd(ord).utf8ToString()) + 1)
                    << shift;
        }
        for (int doc = docValues.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docValues.nextDoc()) {
            rows[doc * STRIDE + META] |= byOrd[docValues.ordValue()];
        }
    }

    /**
     * The columns of every open segment, keyed by segment core and dropped when the core closes.
     * Thread-safe.
     */
    static final class Cache {

        private final Map<IndexReader.CacheKey, SegmentColumns> bySegment =
                new ConcurrentHashMap<>();

        /** The columns of a segment, built on first use. */
        SegmentColumns get(LeafReader reader) {
            IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
            if (helper == null) {
                return build(reader);
            }
            SegmentColumns columns = bySegment.get(helper.getKey());
            if (columns != null) {
                return columns;
            }
            columns = bySegment.computeIfAbsent(helper.getKey(), key -> build(reader));
            helper.addClosedListener(bySegment::remove);
            return columns;
        }

        int size() {
            return bySegment.size();
        }

        private static SegmentColumns build(LeafReader reader) {
            try {
                return new SegmentColumns(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the doc values of an index segment", e);
            }
        }
    }
}
