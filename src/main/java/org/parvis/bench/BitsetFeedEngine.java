package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: the feed question answered from plain arrays held in memory. Each area and each theme
 * maps to the item numbers that name it (a sorted {@code int[]} for rare ones, a {@code long[]}
 * bitmap for common ones). A query ORs the areas into one bitmap and the themes into another, then
 * walks the area bitmap once: an item in the theme bitmap whose dates make it open or upcoming is a
 * match (counted, faceted, offered to a bounded heap that keeps the first page); an item that fails
 * only the theme or only the status still counts in that facet, as {@link FeedAnswer} describes.
 *
 * <p>{@link #load} must happen before any session; after it the engine is read-only and sessions
 * may run concurrently, each with its own scratch bitmaps.
 */
final class BitsetFeedEngine implements FeedEngine {

    private static final ProcessType[] KINDS = ProcessType.values();
    private static final AreaLevel[] LEVELS = AreaLevel.values();
    private static final ProcessStatus[] STATUSES = ProcessStatus.values();

    private static final int OPEN = ProcessStatus.OPEN.ordinal();
    private static final int UPCOMING = ProcessStatus.UPCOMING.ordinal();
    private static final int CLOSED = ProcessStatus.CLOSED.ordinal();
    private static final int UNKNOWN = ProcessStatus.UNKNOWN.ordinal();

    private final AreaHierarchy hierarchy;
    private int size;
    private long nowMillis;
    private long[] startMillis = new long[0];
    private long[] endMillis = new long[0];
    private byte[] kinds = new byte[0];
    private long[] themeMasks = new long[0];
    private byte[] finestLevels = new byte[0];
    private Map<AreaId, Postings> areaPostings = Map.of();
    private Postings[] themePostings = new Postings[0];
    private final Map<String, Integer> themeNumbers = new LinkedHashMap<>();
    private final List<String> themeIds = new ArrayList<>();

    BitsetFeedEngine(AreaHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @Override
    public String name() {
        return FeedBench.BITSET;
    }

    @Override
    public void load(BenchDataset dataset) {
        size = dataset.size();
        nowMillis = dataset.now().toEpochMilli();
        startMillis = new long[size];
        endMillis = new long[size];
        kinds = new byte[size];
        themeMasks = new long[size];
        finestLevels = new byte[size];
        Map<AreaId, IntList> byArea = new HashMap<>();
        List<IntList> byTheme = new ArrayList<>();

        for (int i = 0; i < size; i++) {
            Process process = dataset.processes().get(i);
            startMillis[i] = toMillis(process.startAt(), Long.MIN_VALUE);
            endMillis[i] = toMillis(process.endAt(), Long.MAX_VALUE);
            kinds[i] = (byte) process.processType().ordinal();
            finestLevels[i] = Byte.MAX_VALUE;
            for (TerritoryRef territory : process.territories()) {
                IntList items = byArea.computeIfAbsent(territory.area(), area -> new IntList());
                if (items.isEmpty() || items.last() != i) {
                    items.add(i);
                }
                finestLevels[i] = (byte)
                        Math.min(finestLevels[i], territory.area().level().ordinal());
            }
            for (ThemeAssignment theme : process.themes()) {
                int number = themeNumber(theme.theme(), byTheme);
                if ((themeMasks[i] & (1L << number)) == 0) {
                    themeMasks[i] |= 1L << number;
                    byTheme.get(number).add(i);
                }
            }
        }

        Map<AreaId, Postings> postings = new HashMap<>();
        byArea.forEach((area, items) -> postings.put(area, Postings.of(items, size)));
        areaPostings = postings;
        themePostings =
                byTheme.stream().map(items -> Postings.of(items, size)).toArray(Postings[]::new);
    }

    private int themeNumber(String theme, List<IntList> byTheme) {
        Integer number = themeNumbers.get(theme);
        if (number == null) {
            if (themeIds.size() == Long.SIZE) {
                throw new IllegalArgumentException(
                        "theme '" + theme + "' is the 65th distinct theme; the bitset"
                                + " engine handles at most 64");
            }
            number = themeIds.size();
            themeNumbers.put(theme, number);
            themeIds.add(theme);
            byTheme.add(new IntList());
        }
        return number;
    }

    private static long toMillis(Instant instant, long absent) {
        return instant == null ? absent : instant.toEpochMilli();
    }

    @Override
    public Session openSession() {
        return new BitsetSession();
    }

    @Override
    public void close() {
        areaPostings = Map.of();
        themePostings = new Postings[0];
        startMillis = endMillis = themeMasks = new long[0];
    }

    /** One thread's scratch space. */
    private final class BitsetSession implements Session {

        private final long[] candidates = new long[(size + 63) >>> 6];
        private final long[] themed = new long[candidates.length];
        private final long[] themeCounts = new long[Long.SIZE];
        private final long[] kindCounts = new long[KINDS.length];
        private final long[] levelCounts = new long[LEVELS.length];
        private final long[] statusCounts = new long[STATUSES.length];
        private final int[] heap = new int[100];

        @Override
        public FeedAnswer query(BenchQuery query) {
            Arrays.fill(candidates, 0);
            for (AreaId area : hierarchy.listMatchingAreas(query.place(), query.scope())) {
                Postings postings = areaPostings.get(area);
                if (postings != null) {
                    postings.orInto(candidates);
                }
            }
            boolean filterThemes = !query.themes().isEmpty();
            if (filterThemes) {
                Arrays.fill(themed, 0);
                for (String theme : query.themes()) {
                    Integer number = themeNumbers.get(theme);
                    if (number != null) {
                        themePostings[number].orInto(themed);
                    }
                }
            }
            return collect(filterThemes);
        }

        private FeedAnswer collect(boolean filterThemes) {
            Arrays.fill(themeCounts, 0);
            Arrays.fill(kindCounts, 0);
            Arrays.fill(levelCounts, 0);
            Arrays.fill(statusCounts, 0);
            long total = 0;
            int limit = FeedQuery.DEFAULT_LIMIT;
            int heapSize = 0;

            for (int w = 0; w < candidates.length; w++) {
                long word = candidates[w];
                long themedWord = filterThemes ? themed[w] : -1L;
                while (word != 0) {
                    int bit = Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    int i = (w << 6) + bit;
                    boolean hasTheme = (themedWord & (1L << bit)) != 0;
                    int status = statusOf(i);
                    boolean wanted = status == OPEN || status == UPCOMING;

                    if (wanted && hasTheme) {
                        total++;
                        statusCounts[status]++;
                        kindCounts[kinds[i]]++;
                        countThemes(i);
                        levelCounts[finestLevels[i]]++;
                        heapSize = offer(i, heapSize, limit);
                    } else if (wanted) {
                        countThemes(i);
                    } else if (hasTheme) {
                        statusCounts[status]++;
                    }
                }
            }
            return answer(total, heapSize);
        }

        private void countThemes(int item) {
            for (long mask = themeMasks[item]; mask != 0; mask &= mask - 1) {
                themeCounts[Long.numberOfTrailingZeros(mask)]++;
            }
        }

        /** Keeps the {@code limit} soonest-closing items in a max-heap whose root closes last. */
        private int offer(int item, int heapSize, int limit) {
            if (heapSize < limit) {
                heap[heapSize] = item;
                siftUp(heapSize);
                return heapSize + 1;
            }
            if (closesBefore(item, heap[0])) {
                heap[0] = item;
                siftDown(heapSize);
            }
            return heapSize;
        }

        private void siftUp(int position) {
            int child = position;
            while (child > 0) {
                int parent = (child - 1) >>> 1;
                if (!closesBefore(heap[parent], heap[child])) {
                    return;
                }
                swap(parent, child);
                child = parent;
            }
        }

        private void siftDown(int heapSize) {
            int parent = 0;
            while (true) {
                int left = 2 * parent + 1;
                if (left >= heapSize) {
                    return;
                }
                int right = left + 1;
                int later =
                        right < heapSize && closesBefore(heap[left], heap[right]) ? right : left;
                if (!closesBefore(heap[parent], heap[later])) {
                    return;
                }
                swap(parent, later);
                parent = later;
            }
        }

        private void swap(int a, int b) {
            int item = heap[a];
            heap[a] = heap[b];
            heap[b] = item;
        }

        private FeedAnswer answer(long total, int heapSize) {
            Integer[] page = new Integer[heapSize];
            for (int i = 0; i < heapSize; i++) {
                page[i] = heap[i];
            }
            Arrays.sort(page, (a, b) -> closesBefore(a, b) ? -1 : a.equals(b) ? 0 : 1);

            Map<String, Map<String, Long>> facets = new HashMap<>();
            Map<String, Long> themes = new HashMap<>();
            for (int t = 0; t < themeIds.size(); t++) {
                themes.put(themeIds.get(t), themeCounts[t]);
            }
            Map<String, Long> kindFacet = new HashMap<>();
            for (int k = 0; k < KINDS.length; k++) {
                kindFacet.put(KINDS[k].code(), kindCounts[k]);
            }
            Map<String, Long> levels = new HashMap<>();
            for (int l = 0; l < LEVELS.length; l++) {
                levels.put(LEVELS[l].code(), levelCounts[l]);
            }
            Map<String, Long> statuses = new HashMap<>();
            for (int t = 0; t < STATUSES.length; t++) {
                statuses.put(STATUSES[t].code(), statusCounts[t]);
            }
            facets.put("theme", themes);
            facets.put("kind", kindFacet);
            facets.put("level", levels);
            facets.put("status", statuses);
            return new FeedAnswer(total, Arrays.asList(page), facets);
        }
    }

    /** The status at the dataset's instant, as {@link ProcessStatus#at} on milliseconds. */
    private int statusOf(int item) {
        long start = startMillis[item];
        long end = endMillis[item];
        if (start == Long.MIN_VALUE && end == Long.MAX_VALUE) {
            return UNKNOWN;
        } else if (nowMillis < start) {
            return UPCOMING;
        } else if (nowMillis >= end) {
            return CLOSED;
        }
        return OPEN;
    }

    /** Soonest end first, no end last, then by item number. */
    private boolean closesBefore(int a, int b) {
        return endMillis[a] < endMillis[b] || (endMillis[a] == endMillis[b] && a < b);
    }

    /** The item numbers that name one area or theme. */
    private static final class Postings {

        private final int @Nullable [] items;
        private final long @Nullable [] bits;

        private Postings(int @Nullable [] items, long @Nullable [] bits) {
            this.items = items;
            this.bits = bits;
        }

        /** Sparse below one item in 32, where the {@code int[]} is smaller than a bitmap. */
        static Postings of(IntList items, int size) {
            if ((long) items.size() * 32 < size) {
                return new Postings(items.toArray(), null);
            }
            long[] bits = new long[(size + 63) >>> 6];
            for (int k = 0; k < items.size(); k++) {
                int item = items.get(k);
                bits[item >>> 6] |= 1L << item;
            }
            return new Postings(null, bits);
        }

        void orInto(long[] target) {
            if (bits != null) {
                for (int w = 0; w < bits.length; w++) {
                    target[w] |= bits[w];
                }
            } else {
                for (int item : items) {
                    target[item >>> 6] |= 1L << item;
                }
            }
        }
    }

    /** A growable list of ints without boxing. */
    private static final class IntList {

        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int last() {
            return values[size - 1];
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
