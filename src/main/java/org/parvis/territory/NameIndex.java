package org.parvis.territory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory index of normalised name keys ({@link Names#key}) answering three questions fast:
 * which entries have exactly this key, which have keys starting with it (the heaviest first), and
 * which have keys within one or two edits of it.
 *
 * <p>Entries are sorted by key. Exact look-up goes through a hash map; prefix look-up walks a trie
 * to the key range and takes the heaviest entries of that range with a sparse table of range
 * maxima (O(k log k) for k results, whatever the size of the range); fuzzy look-up walks the same
 * trie computing one band of a Damerau-Levenshtein (optimal string alignment) matrix per node,
 * pruning a subtree as soon as the band exceeds the allowed edits or the subtree's key lengths are
 * out of reach. The first character of a fuzzy query must be right: it divides the work by the
 * alphabet's size, and first-letter typos are rare.
 *
 * <p>Immutable after construction and thread-safe; every query allocates its own small buffers.
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

    private static final int INF = 1_000;
    private static final int[] NONE = new int[0];

    private final Entry[] entries;
    private final long[] weights;
    private final Map<String, Integer> exact;

    // Sorted distinct keys and, for each, the first entry with that key (plus a sentinel).
    private final String[] keys;
    private final int[] keyEntryStart;

    // Trie over the distinct keys; node 0 is the root. Children of a node are contiguous.
    private final char[] label;
    private final int[] firstChild;
    private final byte[] childCount;
    private final int[] rangeLo;
    private final int[] rangeHi;
    private final int[] terminal;
    private final short[] minLength;
    private final short[] maxLength;
    private int nodeCount;

    // sparse[p][i]: entry of greatest weight among entries i .. i + 2^p - 1.
    private final int[][] sparse;

    NameIndex(List<Entry> unsorted) {
        Entry[] sorted = unsorted.toArray(new Entry[0]);
        Arrays.sort(sorted, NameIndex::compareEntries);
        this.entries = sorted;
        this.weights = new long[sorted.length];

        List<String> distinct = new ArrayList<>();
        int[] starts = new int[sorted.length + 1];
        for (int i = 0; i < sorted.length; i++) {
            weights[i] = sorted[i].weight();
            String key = sorted[i].key();
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(key)) {
                starts[distinct.size()] = i;
                distinct.add(key);
            }
        }
        starts[distinct.size()] = sorted.length;
        this.keys = distinct.toArray(new String[0]);
        this.keyEntryStart = Arrays.copyOf(starts, keys.length + 1);
        this.exact = new HashMap<>(keys.length * 2);
        for (int k = 0; k < keys.length; k++) {
            exact.put(keys[k], k);
        }

        // Each key adds at most its length in nodes, so the sum of lengths bounds the trie.
        int capacity = 1;
        for (String key : keys) {
            capacity += key.length();
        }
        label = new char[capacity];
        firstChild = new int[capacity];
        childCount = new byte[capacity];
        rangeLo = new int[capacity];
        rangeHi = new int[capacity];
        terminal = new int[capacity];
        minLength = new short[capacity];
        maxLength = new short[capacity];
        nodeCount = 1;
        if (keys.length > 0) {
            build(0, 0, keys.length, 0);
        }

        this.sparse = buildSparseTable(weights);
    }

    int size() {
        return entries.length;
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

    /** The entries whose key is exactly {@code key}, heaviest first. */
    int[] exact(String key) {
        Integer k = exact.get(key);
        if (k == null) {
            return NONE;
        }
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
        int node = find(prefix);
        if (node < 0 || max <= 0) {
            return;
        }
        int lo = keyEntryStart[rangeLo[node]];
        int hi = keyEntryStart[rangeHi[node]] - 1;

        // A max-heap of ranges keyed by their heaviest entry: pop one, split around it, push both.
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
                heapSize = push(heapLo, heapHi, heapTop, heapSize, tLo, top - 1, argmax(tLo, top - 1));
            }
            if (top + 1 <= tHi) {
                heapSize = push(heapLo, heapHi, heapTop, heapSize, top + 1, tHi, argmax(top + 1, tHi));
            }
        }
    }

    /** Decides whether an entry counts as a result. */
    interface EntryFilter {
        boolean test(int entry);
    }

    /**
     * Passes every entry whose key is within {@code maxEdits} insertions, deletions, substitutions
     * or transpositions of adjacent characters of {@code query}, and starts with the same
     * character, to {@code collector} with its distance.
     */
    void fuzzy(String query, int maxEdits, FuzzyCollector collector) {
        int m = query.length();
        if (m == 0 || maxEdits <= 0 || keys.length == 0) {
            return;
        }
        int width = m + 1;
        int maxDepth = m + maxEdits;
        int[] rows = new int[(maxDepth + 1) * width];
        for (int i = 0; i <= m; i++) {
            rows[i] = i;
        }
        char[] path = new char[maxDepth + 1];
        char[] q = query.toCharArray();
        int child = findChild(0, q[0]);
        if (child >= 0) {
            visit(child, 1, q, maxEdits, rows, path, collector);
        }
    }

    private void visit(int node, int depth, char[] q, int k, int[] rows, char[] path, FuzzyCollector out) {
        int m = q.length;
        int width = m + 1;
        char c = label[node];
        path[depth] = c;
        int base = depth * width;
        int prev = base - width;
        int lo = Math.max(1, depth - k);
        int hi = Math.min(m, depth + k);
        if (lo > hi) {
            return;
        }

        // Only the band |i - depth| <= k can hold a distance <= k; cells beside it are fenced off.
        rows[base] = depth;
        if (lo - 1 >= 1) {
            rows[base + lo - 1] = INF;
        }
        int min = INF;
        for (int i = lo; i <= hi; i++) {
            char qc = q[i - 1];
            int v = rows[prev + i - 1] + (qc == c ? 0 : 1);
            v = Math.min(v, rows[prev + i] + 1);
            v = Math.min(v, rows[base + i - 1] + 1);
            if (i > 1 && depth > 1 && qc == path[depth - 1] && q[i - 2] == c) {
                v = Math.min(v, rows[base - 2 * width + i - 2] + 1);
            }
            rows[base + i] = v;
            if (v < min) {
                min = v;
            }
        }
        if (hi + 1 <= m) {
            rows[base + hi + 1] = INF;
        }
        if (min > k) {
            return;
        }

        if (terminal[node] >= 0 && hi == m && rows[base + m] <= k) {
            int key = terminal[node];
            for (int e = keyEntryStart[key]; e < keyEntryStart[key + 1]; e++) {
                out.accept(e, rows[base + m]);
            }
        }
        int first = firstChild[node];
        int count = childCount[node] & 0xFF;
        for (int ch = first; ch < first + count; ch++) {
            if (minLength[ch] - m > k || m - maxLength[ch] > k) {
                continue;
            }
            visit(ch, depth + 1, q, k, rows, path, out);
        }
    }

    // The node reached by following prefix from the root, or -1.
    private int find(String prefix) {
        int node = 0;
        for (int i = 0; i < prefix.length() && node >= 0; i++) {
            node = findChild(node, prefix.charAt(i));
        }
        return node;
    }

    private int findChild(int node, char c) {
        int first = firstChild[node];
        int count = childCount[node] & 0xFF;
        for (int ch = first; ch < first + count; ch++) {
            if (label[ch] == c) {
                return ch;
            }
        }
        return -1;
    }

    // Builds the subtree of node for keys[lo, hi), which share their first depth characters.
    private void build(int node, int lo, int hi, int depth) {
        rangeLo[node] = lo;
        rangeHi[node] = hi;
        int i = lo;
        if (keys[i].length() == depth) {
            terminal[node] = i;
            i++;
        } else {
            terminal[node] = -1;
        }
        int groups = 0;
        for (int j = i; j < hi; j++) {
            if (j == i || keys[j].charAt(depth) != keys[j - 1].charAt(depth)) {
                groups++;
            }
        }
        if (groups > 255) {
            throw new IllegalStateException("more than 255 distinct characters follow one prefix");
        }
        int first = nodeCount;
        nodeCount += groups;
        firstChild[node] = first;
        childCount[node] = (byte) groups;

        int min = terminal[node] >= 0 ? depth : Integer.MAX_VALUE;
        int max = terminal[node] >= 0 ? depth : 0;
        int child = first;
        int start = i;
        for (int j = i + 1; j <= hi; j++) {
            if (j == hi || keys[j].charAt(depth) != keys[start].charAt(depth)) {
                label[child] = keys[start].charAt(depth);
                build(child, start, j, depth + 1);
                min = Math.min(min, minLength[child]);
                max = Math.max(max, maxLength[child]);
                child++;
                start = j;
            }
        }
        minLength[node] = (short) Math.min(min, Short.MAX_VALUE);
        maxLength[node] = (short) Math.min(max, Short.MAX_VALUE);
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
