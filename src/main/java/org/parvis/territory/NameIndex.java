package org.parvis.territory;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory index of normalised name keys ({@link Names#key}) answering three questions fast:
 * which entries have exactly this key, which have keys starting with it (the heaviest first), and
 * which have keys within one or two edits of it.
 *
 * <p>Entries are sorted by key. Exact look-up goes through a hash map; prefix look-up walks a trie
 * to the key range and reads the heaviest entries precomputed for it, or, when the caller skips
 * too many of those, searches the range with a sparse table of range maxima (O(k log k) for k
 * results, whatever the size of the range); fuzzy look-up goes through a {@link DeletionIndex}.
 * The first character of a fuzzy query must be right: first-letter typos are rare, and the
 * constraint keeps the deletion index small.
 *
 * <p>Immutable after construction (the trie arrays are filled by the constructor and never
 * written again) and thread-safe; every query allocates its own small buffers.
 */
final class NameIndex {

    /** One indexed name: its key, the place it leads to, and how ({@link Kind}). */
    record Entry(String key, int place, Kind kind, @Nullable String matchedName, long weight) {}

    /** Where an entry's name comes from. */
    enum Kind {
        /** The place's official name. */
        NAME,
        /** Another usual form of the name ("Paris 12e", "Communauté de communes …"). */
        ALIAS,
        /** The name of a former commune now part of the place. */
        FORMER
    }

    /** Receives fuzzy matches: an entry index and its edit distance. */
    interface FuzzyCollector {
        void accept(int entry, int edits);
    }

    private static final int[] NONE = new int[0];

    private final Entry[] entries;
    private final int[] entryPlaces;
    private final long[] weights;
    private final Map<String, Integer> exact; // key → its trie node

    // Sorted distinct keys and, for each, the first entry with that key (plus a sentinel).
    private final String[] keys;
    private final int[] keyEntryStart;

    // Trie over the distinct keys, for prefix look-ups; node 0 is the root. The children of a
    // node are contiguous, sorted by label, and cover the key range [rangeLo, rangeHi).
    private char[] labels;
    private int[] children; // per node: first child, then child count, side by side
    private int[] rangeLo;
    private int[] rangeHi;
    private int nodeCount;

    private final DeletionIndex deletions;

    // For each trie node, the first key whose path it is (its terminal key) is rangeLo; keyNodes
    // maps a key back to that node. topLists holds, from topStart[node], the TOP heaviest entries
    // of nodes with more entries than that (topStart is -1 for the others).
    private static final int TOP = 16;
    private int[] keyNodes;
    private int[] topStart;
    private int[] topLists;

    // sparse[p][i]: entry of greatest weight among entries i .. i + 2^p - 1.
    private final int[][] sparse;

    NameIndex(List<Entry> unsorted) {
        Entry[] sorted = unsorted.toArray(new Entry[0]);
        Arrays.sort(sorted, NameIndex::compareEntries);
        this.entries = sorted;
        this.entryPlaces = new int[sorted.length];
        this.weights = new long[sorted.length];

        List<String> distinct = new ArrayList<>();
        int[] starts = new int[sorted.length + 1];
        for (int i = 0; i < sorted.length; i++) {
            weights[i] = sorted[i].weight();
            entryPlaces[i] = sorted[i].place();
            String key = sorted[i].key();
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(key)) {
                starts[distinct.size()] = i;
                distinct.add(key);
            }
        }
        starts[distinct.size()] = sorted.length;
        this.keys = distinct.toArray(new String[0]);
        this.keyEntryStart = Arrays.copyOf(starts, keys.length + 1);

        // Each key adds at most its length in nodes, so the sum of lengths bounds the trie.
        int capacity = 1;
        for (String key : keys) {
            capacity += key.length();
        }
        labels = new char[capacity];
        children = new int[capacity * 2];
        rangeLo = new int[capacity];
        rangeHi = new int[capacity];
        keyNodes = new int[keys.length];
        nodeCount = 1;
        if (keys.length > 0) {
            build(0, 0, keys.length, 0);
        }
        labels = Arrays.copyOf(labels, nodeCount);
        children = Arrays.copyOf(children, nodeCount * 2);
        rangeLo = Arrays.copyOf(rangeLo, nodeCount);
        rangeHi = Arrays.copyOf(rangeHi, nodeCount);

        this.exact = new HashMap<>(keys.length * 2);
        for (int k = 0; k < keys.length; k++) {
            exact.put(keys[k], keyNodes[k]);
        }
        this.deletions = new DeletionIndex(keys);
        this.sparse = buildSparseTable(weights);
        buildTopLists();
    }

    // The heaviest entries of every node with more than TOP entries, so that a prefix look-up
    // usually reads one short list instead of searching its range.
    private void buildTopLists() {
        topStart = new int[nodeCount];
        int[] lists = new int[1 << 16];
        int size = 0;
        for (int node = 0; node < nodeCount; node++) {
            int lo = keyEntryStart[rangeLo[node]];
            int hi = keyEntryStart[rangeHi[node]] - 1;
            if (hi - lo + 1 <= TOP) {
                topStart[node] = -1;
                continue;
            }
            if (size + TOP > lists.length) {
                lists = Arrays.copyOf(lists, lists.length * 2);
            }
            topStart[node] = size;
            int[] list = lists;
            int[] count = {size};
            heaviest(lo, hi, TOP, e -> {
                list[count[0]++] = e;
                return true;
            });
            size = count[0];
        }
        topLists = Arrays.copyOf(lists, size);
    }

    int size() {
        return entries.length;
    }

    /** How many deletion variants back fuzzy look-ups. */
    int variantCount() {
        return deletions.variantCount();
    }

    // By key, then heaviest first, then the official name before other kinds, then by place.
    private static int compareEntries(Entry a, Entry b) {
        int c = a.key().compareTo(b.key());
        if (c == 0) {
            c = Long.compare(b.weight(), a.weight());
        }
        if (c == 0) {
            c = a.kind().compareTo(b.kind());
        }
        return c != 0 ? c : Integer.compare(a.place(), b.place());
    }

    Entry entry(int index) {
        return entries[index];
    }

    /** The place of an entry, without touching the entry object. */
    int place(int index) {
        return entryPlaces[index];
    }

    /** The entries whose key is exactly {@code key}, heaviest first. */
    int[] exact(String key) {
        Integer node = exact.get(key);
        if (node == null) {
            return NONE;
        }
        int k = rangeLo[node];
        int from = keyEntryStart[k];
        int[] found = new int[keyEntryStart[k + 1] - from];
        for (int i = 0; i < found.length; i++) {
            found[i] = from + i;
        }
        return found;
    }

    /**
     * Up to {@code max} entries whose key starts with {@code prefix}, heaviest first, passing each
     * to {@code accept} until it returns false. Entries for which {@code accept} returns {@code
     * true} are counted against {@code max}; the caller uses it to skip duplicates.
     */
    void prefix(String prefix, int max, EntryFilter accept) {
        if (max <= 0) {
            return;
        }
        Integer exactNode = exact.get(prefix);
        int node = exactNode != null ? exactNode : find(prefix);
        if (node < 0) {
            return;
        }
        int lo = keyEntryStart[rangeLo[node]];
        int hi = keyEntryStart[rangeHi[node]] - 1;

        // Small range: sort it. Large range: its precomputed heaviest entries, then, if the
        // caller skipped too many of them, a search of the whole range.
        if (topStart[node] < 0) {
            int[] order = new int[hi - lo + 1];
            for (int i = 0; i < order.length; i++) {
                int e = lo + i;
                int j = i;
                while (j > 0 && weights[order[j - 1]] < weights[e]) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = e;
            }
            int taken = 0;
            for (int i = 0; i < order.length && taken < max; i++) {
                if (accept.test(order[i])) {
                    taken++;
                }
            }
            return;
        }
        int taken = 0;
        int start = topStart[node];
        for (int i = start; i < start + TOP && taken < max; i++) {
            if (accept.test(topLists[i])) {
                taken++;
            }
        }
        if (taken < max) {
            heaviest(lo, hi, max - taken, accept);
        }
    }

    // Passes entries of [lo, hi] heaviest first to accept until it has accepted max of them.
    // A max-heap of ranges keyed by their heaviest entry: pop one, split around it, push both.
    private void heaviest(int lo, int hi, int max, EntryFilter accept) {
        int[] heapLo = new int[16];
        int[] heapHi = new int[16];
        int[] heapTop = new int[16];
        int heapSize = 0;
        heapLo[0] = lo;
        heapHi[0] = hi;
        heapTop[0] = argmax(lo, hi);
        heapSize = 1;
        int taken = 0;
        while (heapSize > 0 && taken < max) {
            int top = heapTop[0];
            int tLo = heapLo[0];
            int tHi = heapHi[0];
            heapSize--;
            heapLo[0] = heapLo[heapSize];
            heapHi[0] = heapHi[heapSize];
            heapTop[0] = heapTop[heapSize];
            siftDown(heapLo, heapHi, heapTop, heapSize);

            if (accept.test(top)) {
                taken++;
            }
            if (heapSize + 2 > heapLo.length) {
                heapLo = Arrays.copyOf(heapLo, heapLo.length * 2);
                heapHi = Arrays.copyOf(heapHi, heapHi.length * 2);
                heapTop = Arrays.copyOf(heapTop, heapTop.length * 2);
            }
            if (tLo <= top - 1) {
                heapSize =
                        push(heapLo, heapHi, heapTop, heapSize, tLo, top - 1, argmax(tLo, top - 1));
            }
            if (top + 1 <= tHi) {
                heapSize =
                        push(heapLo, heapHi, heapTop, heapSize, top + 1, tHi, argmax(top + 1, tHi));
            }
        }
    }

    /** Decides whether an entry counts as a result. */
    interface EntryFilter {
        boolean test(int entry);
    }

    /**
     * Passes the entries whose keys are nearest to {@code query} and start with the same
     * character to {@code collector}, with their distance: those one insertion, deletion,
     * substitution or transposition of adjacent characters away if any, else, when {@code
     * maxEdits} is 2, those two edits away.
     */
    void fuzzy(String query, int maxEdits, FuzzyCollector collector) {
        if (query.isEmpty() || maxEdits <= 0 || keys.length == 0) {
            return;
        }
        deletions.findNearest(query, Math.min(maxEdits, DeletionIndex.MAX_EDITS), (key, edits) -> {
            for (int e = keyEntryStart[key]; e < keyEntryStart[key + 1]; e++) {
                collector.accept(e, edits);
            }
        });
    }

    // The node reached by following prefix from the root, or -1.
    private int find(String prefix) {
        int node = 0;
        for (int i = 0; i < prefix.length() && node >= 0; i++) {
            node = findChild(node, prefix.charAt(i));
        }
        return node;
    }

    // Children are sorted by label: bisect wide nodes such as the root.
    private int findChild(int node, char c) {
        int lo = children[node * 2];
        int hi = lo + children[node * 2 + 1] - 1;
        while (lo <= hi) {
            int middle = (lo + hi) >>> 1;
            char label = labels[middle];
            if (label < c) {
                lo = middle + 1;
            } else if (label > c) {
                hi = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    // Builds the subtree of node for keys[lo, hi), which share their first depth characters.
    private void build(int node, int lo, int hi, int depth) {
        rangeLo[node] = lo;
        rangeHi[node] = hi;
        int i = lo;
        if (keys[lo].length() == depth) {
            keyNodes[lo] = node;
            i++;
        }
        int groups = 0;
        for (int j = i; j < hi; j++) {
            if (j == i || keys[j].charAt(depth) != keys[j - 1].charAt(depth)) {
                groups++;
            }
        }
        int first = nodeCount;
        nodeCount += groups;
        children[node * 2] = first;
        children[node * 2 + 1] = groups;

        int child = first;
        int start = i;
        for (int j = i + 1; j <= hi; j++) {
            if (j == hi || keys[j].charAt(depth) != keys[start].charAt(depth)) {
                labels[child] = keys[start].charAt(depth);
                build(child, start, j, depth + 1);
                child++;
                start = j;
            }
        }
    }

    private static int[][] buildSparseTable(long[] weights) {
        int n = weights.length;
        int levels = 1;
        while ((1 << levels) <= n) {
            levels++;
        }
        int[][] table = new int[levels][];
        table[0] = new int[n];
        for (int i = 0; i < n; i++) {
            table[0][i] = i;
        }
        for (int p = 1; p < levels; p++) {
            int span = 1 << p;
            int half = span >> 1;
            table[p] = new int[Math.max(0, n - span + 1)];
            for (int i = 0; i + span <= n; i++) {
                int a = table[p - 1][i];
                int b = table[p - 1][i + half];
                table[p][i] = heavier(weights, a, b);
            }
        }
        return table;
    }

    // Ties go to the lower index, which sorts first among equal keys.
    private static int heavier(long[] weights, int a, int b) {
        return weights[b] > weights[a] ? b : a;
    }

    private int argmax(int lo, int hi) {
        int p = 31 - Integer.numberOfLeadingZeros(hi - lo + 1);
        return heavier(weights, sparse[p][lo], sparse[p][hi - (1 << p) + 1]);
    }

    private int push(int[] lo, int[] hi, int[] top, int size, int l, int h, int t) {
        int i = size;
        lo[i] = l;
        hi[i] = h;
        top[i] = t;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(top[i], top[parent])) {
                break;
            }
            swap(lo, hi, top, i, parent);
            i = parent;
        }
        return size + 1;
    }

    private void siftDown(int[] lo, int[] hi, int[] top, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int best = i;
            if (left < size && before(top[left], top[best])) {
                best = left;
            }
            if (right < size && before(top[right], top[best])) {
                best = right;
            }
            if (best == i) {
                return;
            }
            swap(lo, hi, top, i, best);
            i = best;
        }
    }

    private boolean before(int a, int b) {
        return weights[a] > weights[b] || (weights[a] == weights[b] && a < b);
    }

    private static void swap(int[] lo, int[] hi, int[] top, int i, int j) {
        int t = lo[i];
        lo[i] = lo[j];
        lo[j] = t;
        t = hi[i];
        hi[i] = hi[j];
        hi[j] = t;
        t = top[i];
        top[i] = top[j];
        top[j] = t;
    }
}
