package org.parvis.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaLevel;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a feed search does with the candidates that the place (and text) query selects, in
 * one pass over {@link SegmentColumns}: checks the theme, kind and status filters (status computed
 * at {@code now}), counts the items that meet all three, counts facets the disjunctive way (an
 * item that fails exactly one filter still counts in that filter's own dimension), and keeps the
 * first items in the requested order after the cursor.
 *
 * <p>Order: a long sort key ascending (end; bit-inverted newest; bit-inverted score), then the id
 * ascending. Within a segment ids compare by their doc-values ordinal, so an id string is read
 * only for the few items kept from each segment.
 *
 * <p>Not thread-safe: one instance per search and slice, made by its {@link Manager}.
 */
final class FeedCollector implements Collector {

    static final String THEME = "theme";
    static final String KIND = "kind";
    static final String LEVEL = "level";
    static final String STATUS = "status";

    private static final ProcessStatus[] STATUSES = ProcessStatus.values();
    private static final int UNKNOWN = ProcessStatus.UNKNOWN.ordinal();
    private static final int UPCOMING = ProcessStatus.UPCOMING.ordinal();
    private static final int CLOSED = ProcessStatus.CLOSED.ordinal();
    private static final int OPEN = ProcessStatus.OPEN.ordinal();

    /** Where the previous page ended: its last item's sort key and id. */
    record After(long key, BytesRef id) {}

    /** A kept item: its global doc id, sort key and id. */
    record Hit(int doc, long key, BytesRef id) {}

    /** What a search collected: the first items in order, the number of matches, the facets. */
    record Outcome(List<Hit> top, long total, Map<String, Map<String, Long>> facets) {}

    private static final Comparator<Hit> ORDER =
            Comparator.comparingLong(Hit::key).thenComparing(Hit::id);

    private final Set<String> themes;
    private final boolean[] wantedKind = new boolean[ProcessType.values().length];
    private final boolean filterKinds;
    private final boolean[] wantedStatus = new boolean[STATUSES.length];
    private final long nowMillis;
    private final SortOrder order;
    private final int keep;
    private final @Nullable After after;
    private final SegmentColumns.Cache columns;
    private final List<Leaf> leaves = new ArrayList<>();

    private FeedCollector(
            SearchRequest request,
            SortOrder order,
            @Nullable After after,
            long nowMillis,
            SegmentColumns.Cache columns) {
        this.themes = request.themes();
        request.kinds().forEach(k -> wantedKind[k.ordinal()] = true);
        this.filterKinds = !request.kinds().isEmpty();
        Set<ProcessStatus> statuses = request.statuses().isEmpty()
                ? EnumSet.allOf(ProcessStatus.class)
                : request.statuses();
        statuses.forEach(s -> wantedStatus[s.ordinal()] = true);
        this.nowMillis = nowMillis;
        this.order = order;
        // One more than the page tells whether a next page exists.
        this.keep = request.limit() + 1;
        this.after = after;
        this.columns = columns;
    }

    /**
     * The status of an item at {@code now}, as {@link ProcessStatus#at} on millisecond instants.
     */
    static ProcessStatus statusAt(long startMillis, long endMillis, long nowMillis) {
        return STATUSES[statusOrdinal(startMillis, endMillis, nowMillis)];
    }

    private static int statusOrdinal(long startMillis, long endMillis, long nowMillis) {
        if (startMillis == Long.MIN_VALUE && endMillis == Long.MAX_VALUE) {
            return UNKNOWN;
        } else if (nowMillis < startMillis) {
            return UPCOMING;
        } else if (nowMillis >= endMillis) {
            return CLOSED;
        }
        return OPEN;
    }

    @Override
    public ScoreMode scoreMode() {
        return order == SortOrder.RELEVANCE ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        Leaf leaf = new Leaf(context, columns.get(context.reader()));
        leaves.add(leaf);
        return leaf;
    }

    /**
     * Creates one collector per slice of the index and merges their items and counts. Its
     * collectors may run on separate threads; {@code reduce} runs once, after them.
     */
    static final class Manager implements CollectorManager<FeedCollector, Outcome> {

        private final SearchRequest request;
        private final SortOrder order;
        private final @Nullable After after;
        private final long nowMillis;
        private final SegmentColumns.Cache columns;

        Manager(
                SearchRequest request,
                SortOrder order,
                @Nullable After after,
                long nowMillis,
                SegmentColumns.Cache columns) {
            this.request = request;
            this.order = order;
            this.after = after;
            this.nowMillis = nowMillis;
            this.columns = columns;
        }

        @Override
        public FeedCollector newCollector() {
            return new FeedCollector(request, order, after, nowMillis, columns);
        }

        @Override
        public Outcome reduce(Collection<FeedCollector> collectors) throws IOException {
            List<Hit> hits = new ArrayList<>();
            long total = 0;
            Map<String, Long> theme = new HashMap<>();
            long[] kind = new long[ProcessType.values().length];
            long[] level = new long[AreaLevel.values().length];
            long[] status = new long[STATUSES.length];
            for (FeedCollector collector : collectors) {
                for (Leaf leaf : collector.leaves) {
                    total += leaf.total;
                    leaf.addCounts(theme, kind, level, status);
                    leaf.addKept(hits);
                }
            }
            hits.sort(ORDER);
            List<Hit> top =
                    List.copyOf(hits.subList(0, Math.min(hits.size(), request.limit() + 1)));

            Map<String, Long> kinds = new HashMap<>();
            for (ProcessType type : ProcessType.values()) {
                addIfPositive(kinds, type.code(), kind[type.ordinal()]);
            }
            Map<String, Long> levels = new HashMap<>();
            for (AreaLevel areaLevel : AreaLevel.values()) {
                addIfPositive(levels, areaLevel.code(), level[areaLevel.ordinal()]);
            }
            Map<String, Long> statuses = new HashMap<>();
            for (ProcessStatus processStatus : STATUSES) {
                addIfPositive(statuses, processStatus.code(), status[processStatus.ordinal()]);
            }
            Map<String, Map<String, Long>> facets = Map.of(
                    THEME,
                    ordered(theme),
                    KIND,
                    ordered(kinds),
                    LEVEL,
                    ordered(levels),
                    STATUS,
                    ordered(statuses));
            return new Outcome(top, total, facets);
        }

        private static void addIfPositive(Map<String, Long> counts, String key, long count) {
            if (count > 0) {
                counts.put(key, count);
            }
        }
    }

    private static Map<String, Long> ordered(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(ordered);
    }

    /** Per-segment state: filters as ordinals, counts, and a bounded heap of the first items. */
    private final class Leaf implements LeafCollector {

        private final int docBase;
        private final SegmentColumns columns;
        private final long[] rows;
        private final int[] idOrds;
        private final SortedDocValues ids;
        private final boolean filterThemes;
        private final boolean themesInMask;
        private final long wantedThemeMask;
        private final boolean[] wantedTheme;
        private final int[] themeCounts;
        private final int[] kindCounts = new int[wantedKind.length];
        private final int[] levelCounts = new int[AreaLevel.values().length];
        private final int[] statusCounts = new int[STATUSES.length];
        private long total;

        // Items at or before the cursor are skipped: key below afterKey, or equal with a smaller
        // id.
        private final boolean hasAfter;
        private final long afterKey;
        private final int afterOrd;

        // Max-heap of the kept items, the last in order at the root.
        private final long[] heapKeys = new long[keep];
        private final int[] heapOrds = new int[keep];
        private final int[] heapDocs = new int[keep];
        private int heapSize;
        private @Nullable Scorable scorer;

        Leaf(LeafReaderContext context, SegmentColumns columns) throws IOException {
            this.docBase = context.docBase;
            this.columns = columns;
            this.rows = columns.rows;
            this.idOrds = columns.idOrds;
            this.ids = DocValues.getSorted(context.reader(), Fields.ID);
            this.filterThemes = !themes.isEmpty();
            this.themesInMask = columns.themesInMask;
            this.wantedTheme = new boolean[columns.themeNames.length];
            long mask = 0;
            for (int ord = 0; ord < wantedTheme.length; ord++) {
                wantedTheme[ord] = themes.contains(columns.themeNames[ord]);
                if (wantedTheme[ord] && themesInMask) {
                    mask |= 1L << ord;
                }
            }
            this.wantedThemeMask = mask;
            this.themeCounts = new int[wantedTheme.length];
            this.hasAfter = after != null;
            if (after != null) {
                // The cursor's id may not exist in this segment: then its insertion point.
                int ord = ids.lookupTerm(after.id());
                this.afterKey = after.key();
                this.afterOrd = ord >= 0 ? ord + 1 : -ord - 1;
            } else {
                this.afterKey = 0;
                this.afterOrd = 0;
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            int row = doc * SegmentColumns.STRIDE;
            int status = statusOrdinal(
                    rows[row + SegmentColumns.START], rows[row + SegmentColumns.END], nowMillis);
            boolean statusMiss = !wantedStatus[status];
            long meta = rows[row + SegmentColumns.META];
            int kindOrd = SegmentColumns.kindOrdinal(meta);
            boolean kindMiss = filterKinds && (kindOrd < 0 || !wantedKind[kindOrd]);
            if (statusMiss && kindMiss) {
                return;
            }
            boolean themeMiss = filterThemes && !anyWantedTheme(doc, meta);
            int misses = (statusMiss ? 1 : 0) + (kindMiss ? 1 : 0) + (themeMiss ? 1 : 0);

            if (misses == 0) {
                total++;
                statusCounts[status]++;
                countKind(kindOrd);
                countThemes(doc, meta);
                int levelOrd = SegmentColumns.levelOrdinal(meta);
                if (levelOrd >= 0) {
                    levelCounts[levelOrd]++;
                }
                offer(doc, row);
            } else if (misses == 1) {
                // Fails one filter only: counts in that filter's own dimension.
                if (statusMiss) {
                    statusCounts[status]++;
                } else if (kindMiss) {
                    countKind(kindOrd);
                } else {
                    countThemes(doc, meta);
                }
            }
        }

        private long sortKey(int doc, int row) throws IOException {
            return switch (order) {
                case CLOSING -> rows[row + SegmentColumns.END];
                // Bit inversion reverses the order without overflow.
                case NEWEST -> ~rows[row + SegmentColumns.NEWEST];
                case RELEVANCE -> ~(long) NumericUtils.floatToSortableInt(scorer.score());
            };
        }

        private void offer(int doc, int row) throws IOException {
            long key = sortKey(doc, row);
            if (hasAfter && (key < afterKey || (key == afterKey && idOrds[doc] < afterOrd))) {
                return;
            }
            if (heapSize < keep) {
                heapKeys[heapSize] = key;
                heapOrds[heapSize] = idOrds[doc];
                heapDocs[heapSize] = doc;
                siftUp(heapSize++);
            } else if (key < heapKeys[0] || (key == heapKeys[0] && idOrds[doc] < heapOrds[0])) {
                heapKeys[0] = key;
                heapOrds[0] = idOrds[doc];
                heapDocs[0] = doc;
                siftDown(0);
            }
        }

        private boolean after(int i, int j) {
            return heapKeys[i] > heapKeys[j]
                    || (heapKeys[i] == heapKeys[j] && heapOrds[i] > heapOrds[j]);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!after(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int largest = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < heapSize && after(left, largest)) {
                    largest = left;
                }
                if (right < heapSize && after(right, largest)) {
                    largest = right;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int i, int j) {
            long key = heapKeys[i];
            heapKeys[i] = heapKeys[j];
            heapKeys[j] = key;
            int ord = heapOrds[i];
            heapOrds[i] = heapOrds[j];
            heapOrds[j] = ord;
            int doc = heapDocs[i];
            heapDocs[i] = heapDocs[j];
            heapDocs[j] = doc;
        }

        private boolean anyWantedTheme(int doc, long meta) {
            if (themesInMask) {
                return (meta & wantedThemeMask) != 0;
            }
            for (int i = columns.themeFrom[doc]; i < columns.themeFrom[doc + 1]; i++) {
                if (wantedTheme[columns.themeOrds[i]]) {
                    return true;
                }
            }
            return false;
        }

        private void countKind(int kindOrd) {
            if (kindOrd >= 0) {
                kindCounts[kindOrd]++;
            }
        }

        private void countThemes(int doc, long meta) {
            if (themesInMask) {
                for (long bits = meta & SegmentColumns.THEME_BITS; bits != 0; bits &= bits - 1) {
                    themeCounts[Long.numberOfTrailingZeros(bits)]++;
                }
                return;
            }
            for (int i = columns.themeFrom[doc]; i < columns.themeFrom[doc + 1]; i++) {
                themeCounts[columns.themeOrds[i]]++;
            }
        }

        /** Adds the kept items, with their ids read now, to {@code hits}. */
        void addKept(List<Hit> hits) throws IOException {
            for (int i = 0; i < heapSize; i++) {
                BytesRef id = BytesRef.deepCopyOf(ids.lookupOrd(heapOrds[i]));
                hits.add(new Hit(docBase + heapDocs[i], heapKeys[i], id));
            }
        }

        void addCounts(Map<String, Long> theme, long[] kinds, long[] levels, long[] statuses) {
            for (int ord = 0; ord < themeCounts.length; ord++) {
                if (themeCounts[ord] > 0) {
                    theme.merge(columns.themeNames[ord], (long) themeCounts[ord], Long::sum);
                }
            }
            for (int i = 0; i < kindCounts.length; i++) {
                kinds[i] += kindCounts[i];
            }
            for (int i = 0; i < levelCounts.length; i++) {
                levels[i] += levelCounts[i];
            }
            for (int i = 0; i < statusCounts.length; i++) {
                statuses[i] += statusCounts[i];
            }
        }
    }
}
