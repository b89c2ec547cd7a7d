package org.parvis.index;

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
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.parvis.model.ProcessStatus;

/**
 * Collects the items selected by place and text in one pass: checks the theme, kind and status
 * filters from doc values, passes the items that meet all three to the top-N collector, counts
 * them, and counts facets the disjunctive way (an item that fails exactly one filter still counts
 * in that filter's own dimension). Statuses are computed from the start and end at {@code now}.
 *
 * <p>Not thread-safe: one instance per search and slice, made by its {@link Manager}.
 */
final class FacetingCollector implements Collector {

    static final String THEME = "theme";
    static final String KIND = "kind";
    static final String LEVEL = "level";
    static final String STATUS = "status";

    private static final ProcessStatus[] STATUSES = ProcessStatus.values();

    private final Set<String> themes;
    private final Set<String> kinds;
    private final boolean[] wantedStatus = new boolean[STATUSES.length];
    private final long nowMillis;
    private final TopFieldCollector top;
    private final ScoreMode scoreMode;
    private final List<Leaf> leaves = new ArrayList<>();

    private FacetingCollector(SearchRequest request, long nowMillis, TopFieldCollector top) {
        this.themes = request.themes();
        this.kinds = new java.util.HashSet<>();
        request.kinds().forEach(k -> kinds.add(k.code()));
        Set<ProcessStatus> statuses =
                request.statuses().isEmpty() ? EnumSet.allOf(ProcessStatus.class) : request.statuses();
        statuses.forEach(s -> wantedStatus[s.ordinal()] = true);
        this.nowMillis = nowMillis;
        this.top = top;
        this.scoreMode = top.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The status of an item at {@code now}, as {@link ProcessStatus#at} on millisecond instants. */
    static ProcessStatus statusAt(long startMillis, long endMillis, long nowMillis) {
        if (startMillis == Long.MIN_VALUE && endMillis == Long.MAX_VALUE) {
            return ProcessStatus.UNKNOWN;
        } else if (nowMillis < startMillis) {
            return ProcessStatus.UPCOMING;
        } else if (nowMillis >= endMillis) {
            return ProcessStatus.CLOSED;
        }
        return ProcessStatus.OPEN;
    }

    @Override
    public ScoreMode scoreMode() {
        return scoreMode;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        Leaf leaf = new Leaf(context.reader(), top.getLeafCollector(context));
        leaves.add(leaf);
        return leaf;
    }

    /** What a search collected: the top hits, the number of items meeting every filter, facets. */
    record Outcome(TopFieldDocs top, long total, Map<String, Map<String, Long>> facets) {}

    /**
     * Creates one collector per slice of the index and merges their hits and counts. Not
     * thread-safe itself; its collectors may run on separate threads.
     */
    static final class Manager implements CollectorManager<FacetingCollector, Outcome> {

        private final SearchRequest request;
        private final long nowMillis;
        private final TopFieldCollectorManager topManager;

        Manager(SearchRequest request, long nowMillis, TopFieldCollectorManager topManager) {
            this.request = request;
            this.nowMillis = nowMillis;
            this.topManager = topManager;
        }

        @Override
        public FacetingCollector newCollector() {
            return new FacetingCollector(request, nowMillis, topManager.newCollector());
        }

        @Override
        public Outcome reduce(Collection<FacetingCollector> collectors) throws IOException {
            List<TopFieldCollector> tops = new ArrayList<>();
            long total = 0;
            Map<String, Long> theme = new HashMap<>();
            Map<String, Long> kind = new HashMap<>();
            Map<String, Long> level = new HashMap<>();
            Map<String, Long> status = new HashMap<>();
            for (FacetingCollector collector : collectors) {
                tops.add(collector.top);
                for (Leaf leaf : collector.leaves) {
                    total += leaf.total;
                    leaf.addCounts(theme, kind, level, status);
                }
            }
            Map<String, Map<String, Long>> facets =
                    Map.of(THEME, ordered(theme), KIND, ordered(kind), LEVEL, ordered(level), STATUS, ordered(status));
            return new Outcome(topManager.reduce(tops), total, facets);
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

    /** Per-segment state: doc values, the wanted ordinals and the ordinal counts. */
    private final class Leaf implements LeafCollector {

        private final LeafCollector topLeaf;
        private final SortedSetDocValues themeValues;
        private final SortedDocValues kindValues;
        private final SortedDocValues levelValues;
        private final NumericDocValues startValues;
        private final NumericDocValues endValues;
        private final boolean filterThemes;
        private final boolean filterKinds;
        private final boolean[] wantedTheme;
        private final boolean[] wantedKind;
        private final int[] themeCounts;
        private final int[] kindCounts;
        private final int[] levelCounts;
        private final int[] statusCounts = new int[STATUSES.length];
        private int[] themeOrds = new int[8];
        private long total;

        Leaf(LeafReader reader, LeafCollector topLeaf) throws IOException {
            this.topLeaf = topLeaf;
            this.themeValues = DocValues.getSortedSet(reader, Fields.THEME);
            this.kindValues = DocValues.getSorted(reader, Fields.KIND);
            this.levelValues = DocValues.getSorted(reader, Fields.LEVEL);
            this.startValues = DocValues.getNumeric(reader, Fields.START);
            this.endValues = DocValues.getNumeric(reader, Fields.END);
            this.filterThemes = !themes.isEmpty();
            this.filterKinds = !kinds.isEmpty();
            this.wantedTheme = new boolean[(int) themeValues.getValueCount()];
            for (String theme : themes) {
                long ord = themeValues.lookupTerm(new BytesRef(theme));
                if (ord >= 0) {
                    wantedTheme[(int) ord] = true;
                }
            }
            this.wantedKind = new boolean[kindValues.getValueCount()];
            for (String kind : kinds) {
                int ord = kindValues.lookupTerm(new BytesRef(kind));
                if (ord >= 0) {
                    wantedKind[ord] = true;
                }
            }
            this.themeCounts = new int[wantedTheme.length];
            this.kindCounts = new int[wantedKind.length];
            this.levelCounts = new int[levelValues.getValueCount()];
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            topLeaf.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            long start = startValues.advanceExact(doc) ? startValues.longValue() : Long.MIN_VALUE;
            long end = endValues.advanceExact(doc) ? endValues.longValue() : Long.MAX_VALUE;
            int status = statusAt(start, end, nowMillis).ordinal();
            boolean statusMiss = !wantedStatus[status];
            int kindOrd = kindValues.advanceExact(doc) ? kindValues.ordValue() : -1;
            boolean kindMiss = filterKinds && (kindOrd < 0 || !wantedKind[kindOrd]);
            if (statusMiss && kindMiss) {
                return;
            }

            int themeCount = 0;
            if (themeValues.advanceExact(doc)) {
                themeCount = themeValues.docValueCount();
                if (themeCount > themeOrds.length) {
                    themeOrds = new int[Math.max(themeCount, themeOrds.length * 2)];
                }
                for (int i = 0; i < themeCount; i++) {
                    themeOrds[i] = (int) themeValues.nextOrd();
                }
            }
            boolean themeMiss = filterThemes && !anyWantedTheme(themeCount);
            int misses = (statusMiss ? 1 : 0) + (kindMiss ? 1 : 0) + (themeMiss ? 1 : 0);

            if (misses == 0) {
                total++;
                statusCounts[status]++;
                countKind(kindOrd);
                countThemes(themeCount);
                if (levelValues.advanceExact(doc)) {
                    levelCounts[levelValues.ordValue()]++;
                }
                topLeaf.collect(doc);
            } else if (misses == 1) {
                // Fails one filter only: counts in that filter's own dimension.
                if (statusMiss) {
                    statusCounts[status]++;
                } else if (kindMiss) {
                    countKind(kindOrd);
                } else {
                    countThemes(themeCount);
                }
            }
        }

        private boolean anyWantedTheme(int themeCount) {
            for (int i = 0; i < themeCount; i++) {
                if (wantedTheme[themeOrds[i]]) {
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

        private void countThemes(int themeCount) {
            for (int i = 0; i < themeCount; i++) {
                themeCounts[themeOrds[i]]++;
            }
        }

        @Override
        public void finish() throws IOException {
            topLeaf.finish();
        }

        void addCounts(
                Map<String, Long> theme, Map<String, Long> kind, Map<String, Long> level, Map<String, Long> status)
                throws IOException {
            for (int ord = 0; ord < themeCounts.length; ord++) {
                if (themeCounts[ord] > 0) {
                    theme.merge(themeValues.lookupOrd(ord).utf8ToString(), (long) themeCounts[ord], Long::sum);
                }
            }
            for (int ord = 0; ord < kindCounts.length; ord++) {
                if (kindCounts[ord] > 0) {
                    kind.merge(kindValues.lookupOrd(ord).utf8ToString(), (long) kindCounts[ord], Long::sum);
                }
            }
            for (int ord = 0; ord < levelCounts.length; ord++) {
                if (levelCounts[ord] > 0) {
                    level.merge(levelValues.lookupOrd(ord).utf8ToString(), (long) levelCounts[ord], Long::sum);
                }
            }
            for (int s = 0; s < statusCounts.length; s++) {
                if (statusCounts[s] > 0) {
                    status.merge(STATUSES[s].code(), (long) statusCounts[s], Long::sum);
                }
            }
        }
    }
}
