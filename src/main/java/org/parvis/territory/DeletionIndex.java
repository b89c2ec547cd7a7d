package org.parvis.territory;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * Finds the keys within one or two edits (insertions, deletions, substitutions, transpositions of
 * adjacent characters) of a query, with the same first character, by symmetric deletion: two
 * strings within k such edits can be made equal by deleting at most k characters from each.
 * Every key's variants with up to {@value #MAX_EDITS} characters deleted (never the first) are
 * hashed into a table; a query probes the hashes of its own variants, and each key found is
 * checked with a bounded edit distance (equal variants do not imply k edits). A look-up costs a
 * bounded number of probes (16 for one edit, at most 121 for two), which beats walking a trie
 * when names share long prefixes such as "Saint-".
 *
 * <p>Only the first {@value #WINDOW} characters are indexed: if two strings are within k edits,
 * their {@value #WINDOW}-character prefixes still become equal after at most k deletions each,
 * so nothing is missed, while long names ("Communauté d'agglomération du …") cost no more than
 * short ones. The table holds some 2 million variants for the French names in one int each
 * (about 13 MB with its filter); a blocked Bloom filter screens out most probes of absent
 * variants. Both are split into one
 * region per first character, so a look-up touches a few hundred kilobytes, which stay in cache.
 *
 * <p>Immutable after construction and thread-safe: each thread keeps its own look-up scratch
 * arrays. Collectors must not look up again from their callback (it works, but allocates).
 */
final class DeletionIndex {

    /** The most edits a look-up may allow. */
    static final int MAX_EDITS = 2;

    /** How many leading characters of each key are indexed. */
    static final int WINDOW = 16;

    /** Receives a key index and its distance to the query. */
    interface KeyCollector {
        void accept(int key, int edits);
    }

    private static final int BASE = 0x01000193;
    private static final int EMPTY = 0;
    private static final int FINGERPRINT_BITS = 10;
    private static final int REF_BITS = 32 - FINGERPRINT_BITS;
    private static final int LIST_FLAG = 1 << (REF_BITS - 1);
    private static final int REF_MASK = (1 << REF_BITS) - 1;
    private static final int REGIONS = 128;
    private static final double LOAD = 0.7;
    private static final int FILTER_BITS_PER_VARIANT = 8;

    private final char[][] keys;
    private final byte[] windowLengths;
    private final int variantCount;
    private final int[] slotStart = new int[REGIONS];
    private final int[] slotCount = new int[REGIONS];
    private final int[] filterStart = new int[REGIONS];
    private final int[] filterWords = new int[REGIONS];
    // One int per slot (0 when empty): a fingerprint of the variant's hash in the high bits, then
    // a reference: key index + 1, or, with LIST_FLAG, offset + 1 into lists, where lists[offset]
    // is a count followed by that many key indexes. A fingerprint may match by chance: the key
    // is then checked for nothing.
    private final int[] slots;
    private final int[] lists;
    private final long[] filter;
    private final ThreadLocal<Lookup> scratch = ThreadLocal.withInitial(Lookup::new);

    DeletionIndex(String[] keys) {
        this.keys = new char[keys.length][];
        this.windowLengths = new byte[keys.length];
        for (int k = 0; k < keys.length; k++) {
            this.keys[k] = keys[k].toCharArray();
            windowLengths[k] = (byte) Math.min(keys[k].length(), WINDOW);
        }

        // All (region, hash, key) triples as longs, sorted so that equal hashes are adjacent. A
        // region gathers the variants of keys starting with one character: a look-up only
        // touches its own region of the table and of the filter, which then stay in cache.
        long[] triples = new long[Math.max(16, keys.length * 8)];
        int count = 0;
        int[] hashes = new int[1 + (WINDOW - 1) + (WINDOW - 1) * (WINDOW - 2) / 2];
        for (int k = 0; k < keys.length; k++) {
            if (keys[k].isEmpty()) {
                continue;
            }
            long region = regionOf(keys[k].charAt(0));
            int variants = variantHashes(keys[k], MAX_EDITS, hashes);
            if (count + variants > triples.length) {
                triples = Arrays.copyOf(triples, Math.max(triples.length * 2, count + variants));
            }
            for (int v = 0; v < variants; v++) {
                triples[count++] = (region << 56) | ((hashes[v] & 0xFFFFFFFFL) << 24) | k;
            }
        }
        Arrays.sort(triples, 0, count);

        int[] distinctPerRegion = new int[REGIONS];
        for (int i = 0; i < count; i++) {
            if (i == 0 || (triples[i] >>> 24) != (triples[i - 1] >>> 24)) {
                distinctPerRegion[(int) (triples[i] >>> 56)]++;
            }
        }
        int distinct = 0;
        int slotTotal = 0;
        int filterTotal = 0;
        for (int r = 0; r < REGIONS; r++) {
            distinct += distinctPerRegion[r];
            slotStart[r] = slotTotal;
            slotCount[r] = Math.max(8, (int) Math.ceil(distinctPerRegion[r] / LOAD));
            slotTotal += slotCount[r];
            filterStart[r] = filterTotal;
            filterWords[r] =
                    Math.max(1, (distinctPerRegion[r] * FILTER_BITS_PER_VARIANT + 63) / 64);
            filterTotal += filterWords[r];
        }
        this.variantCount = distinct;
        this.slots = new int[slotTotal];
        this.filter = new long[filterTotal];
        int[] listBuffer = new int[1024];
        int listSize = 0;

        int i = 0;
        while (i < count) {
            long group = triples[i] >>> 24;
            int region = (int) (triples[i] >>> 56);
            int hash = (int) group;
            int j = i;
            int previousKey = -1;
            int keysForHash = 0;
            while (j < count && (triples[j] >>> 24) == group) {
                int key = keyOf(triples[j]);
                if (key != previousKey) {
                    keysForHash++;
                    previousKey = key;
                }
                j++;
            }
            int ref;
            if (keysForHash == 1) {
                ref = keyOf(triples[i]) + 1;
            } else {
                if (listSize + keysForHash + 1 > listBuffer.length) {
                    listBuffer = Arrays.copyOf(
                            listBuffer,
                            Math.max(listBuffer.length * 2, listSize + keysForHash + 1));
                }
                ref = LIST_FLAG | (listSize + 1);
                listBuffer[listSize++] = keysForHash;
                previousKey = -1;
                for (int p = i; p < j; p++) {
                    int key = keyOf(triples[p]);
                    if (key != previousKey) {
                        listBuffer[listSize++] = key;
                        previousKey = key;
                    }
                }
            }
            if (listSize >= LIST_FLAG || keys.length >= LIST_FLAG) {
                throw new IllegalStateException(
                        "too many names for the deletion index's references");
            }
            int slot = slotOf(region, hash);
            while (slots[slot] != EMPTY) {
                slot = nextSlot(region, slot);
            }
            slots[slot] = (fingerprint(hash) << REF_BITS) | ref;
            filter[filterWord(region, hash)] |= filterMask(hash);
            i = j;
        }
        this.lists = Arrays.copyOf(listBuffer, listSize);
    }

    private static int keyOf(long triple) {
        return (int) (triple & 0xFFFFFF);
    }

    // Characters beyond ASCII share the last region.
    private static int regionOf(char c) {
        return c < REGIONS - 1 ? c : REGIONS - 1;
    }

    /**
     * Passes the nearest keys starting with the same character as {@code query} to {@code out},
     * once each, with their distance: those within one edit if there are any, else (when {@code
     * maxEdits} is 2) those within two. The query's variants with two deletions, seven times as
     * many as those with one, are only probed when nothing is within one edit.
     */
    void findNearest(String query, int maxEdits, KeyCollector out) {
        if (query.isEmpty() || maxEdits < 1 || maxEdits > MAX_EDITS) {
            return;
        }
        // One scratch per thread spares the allocations; a collector that looks up again (it
        // should not) gets a fresh one.
        Lookup lookup = scratch.get();
        if (lookup.busy) {
            lookup = new Lookup();
        }
        lookup.start(query, maxEdits, keys.length);
        try {
            int[] hashes = lookup.hashes;
            int window = Math.min(query.length(), WINDOW);
            int oneDelete = variantHashes(query, 1, hashes, lookup);

            // Keys needing two deletions on their side cannot be within one edit: checked
            // later, if nothing is within one edit.
            probe(hashes, 0, oneDelete, window, lookup);
            if (maxEdits == 2 && !lookup.foundWithinOne()) {
                lookup.checkDeferred(keys);
                int variants = variantHashes(query, 2, hashes, lookup);
                probe(hashes, oneDelete, variants, window, lookup);
            }
            lookup.emit(out);
        } finally {
            lookup.busy = false;
        }
    }

    /**
     * The buffers of one look-up: keys seen and found. Static, so that a thread's scratch does not
     * keep a discarded index alive. Confined to its thread.
     */
    private static final class Lookup {
        final int[] hashes = new int[1 + (WINDOW - 1) + (WINDOW - 1) * (WINDOW - 2) / 2];
        final int[] passed = new int[hashes.length];
        final int[] firstSlot = new int[hashes.length];
        final int[] prefix = new int[WINDOW + 1];
        final int[] power = new int[WINDOW + 1];
        char[] query = new char[0];
        int region;
        int maxEdits;
        boolean busy;
        // stamp[key] == generation: the key was checked during this look-up.
        int[] stamp = new int[0];
        int generation;
        int[] found = new int[16];
        int[] foundEdits = new int[16];
        int foundCount;
        int[] deferred = new int[16];
        int deferredCount;
        boolean deferring;
        int @Nullable [][] rows;

        void start(String text, int edits, int keyCount) {
            if (stamp.length < keyCount || generation == Integer.MAX_VALUE) {
                stamp = new int[keyCount];
                generation = 0;
            }
            busy = true;
            query = text.toCharArray();
            region = regionOf(text.charAt(0));
            maxEdits = edits;
            generation++;
            foundCount = 0;
            deferredCount = 0;
            deferring = true;
        }

        void check(char[][] keys, int key) {
            if (stamp[key] == generation) {
                return;
            }
            stamp[key] = generation;
            int edits = distance(query, keys[key], maxEdits, this);
            if (edits <= maxEdits) {
                if (foundCount == found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                    foundEdits = Arrays.copyOf(foundEdits, foundEdits.length * 2);
                }
                found[foundCount] = key;
                foundEdits[foundCount++] = edits;
            }
        }

        void defer(int key) {
            if (deferredCount == deferred.length) {
                deferred = Arrays.copyOf(deferred, deferred.length * 2);
            }
            deferred[deferredCount++] = key;
        }

        void checkDeferred(char[][] keys) {
            deferring = false;
            for (int i = 0; i < deferredCount; i++) {
                check(keys, deferred[i]);
            }
        }

        boolean foundWithinOne() {
            for (int i = 0; i < foundCount; i++) {
                if (foundEdits[i] <= 1) {
                    return true;
                }
            }
            return false;
        }

        void emit(KeyCollector out) {
            int limit = foundWithinOne() ? 1 : maxEdits;
            for (int i = 0; i < foundCount; i++) {
                if (foundEdits[i] <= limit) {
                    out.accept(found[i], foundEdits[i]);
                }
            }
        }

        int[][] rows(int length) {
            int[][] current = rows;
            if (current == null || current[0].length < length) {
                current = new int[3][Math.max(length, 32)];
                rows = current;
            }
            return current;
        }
    }

    // Probes variants [from, to) of the query's window; variant 0 has no deletion, the next
    // (window - 1) one, the rest two. The filter words of all variants are read first, then the
    // first slot of those that pass: loads that do not depend on each other overlap in the
    // processor, where a probe-by-probe loop would wait for each cache miss in turn.
    private void probe(int[] hashes, int from, int to, int window, Lookup lookup) {
        int region = lookup.region;
        int[] passed = lookup.passed;
        int count = 0;
        for (int v = from; v < to; v++) {
            long mask = filterMask(hashes[v]);
            if ((filter[filterWord(region, hashes[v])] & mask) == mask) {
                passed[count++] = v;
            }
        }
        int[] first = lookup.firstSlot;
        for (int i = 0; i < count; i++) {
            first[i] = slots[slotOf(region, hashes[passed[i]])];
        }

        for (int i = 0; i < count; i++) {
            int v = passed[i];
            int hash = hashes[v];
            int fingerprint = fingerprint(hash);
            int variantLength = window - (v == 0 ? 0 : v < window ? 1 : 2);
            int slot = slotOf(region, hash);
            int value = first[i];
            while (value != EMPTY) {
                if (value >>> REF_BITS == fingerprint) {
                    int ref = value & REF_MASK;
                    if ((ref & LIST_FLAG) == 0) {
                        checkIfReachable(ref - 1, variantLength, lookup);
                    } else {
                        int offset = (ref & ~LIST_FLAG) - 1;
                        int n = lists[offset];
                        for (int p = 1; p <= n; p++) {
                            checkIfReachable(lists[offset + p], variantLength, lookup);
                        }
                    }
                }
                slot = nextSlot(region, slot);
                value = slots[slot];
            }
        }
    }

    // A key reaches the variant by deleting (its window - variant length) characters: skip it,
    // without reading it, when that is more than allowed.
    private void checkIfReachable(int key, int variantLength, Lookup lookup) {
        int keyDeletions = windowLengths[key] - variantLength;
        if (keyDeletions == 2 && lookup.deferring) {
            lookup.defer(key);
        } else if (keyDeletions >= 0 && keyDeletions <= lookup.maxEdits) {
            lookup.check(keys, key);
        }
    }

    /**
     * The optimal-string-alignment distance (edits and adjacent transpositions) between a and b,
     * or {@code max + 1} when it exceeds {@code max}.
     */
    static int distance(String a, String b, int max) {
        return distance(a.toCharArray(), b.toCharArray(), max, null);
    }

    // A common prefix and suffix cost nothing (no transposition can straddle their border), so
    // only the middle is aligned. Only the band |i - j| <= max of the matrix can hold a distance
    // <= max; cells beside it are fenced off with max + 1.
    private static int distance(char[] a, char[] b, int max, @Nullable Lookup scratch) {
        if (Math.abs(a.length - b.length) > max) {
            return max + 1;
        }
        int start = 0;
        int shorter = Math.min(a.length, b.length);
        while (start < shorter && a[start] == b[start]) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
            endA--;
            endB--;
        }
        return alignedDistance(a, start, endA, b, start, endB, max, scratch);
    }

    private static int alignedDistance(
            char[] a,
            int fromA,
            int toA,
            char[] b,
            int fromB,
            int toB,
            int max,
            @Nullable Lookup scratch) {
        int m = toA - fromA;
        int n = toB - fromB;
        if (m == 0 || n == 0) {
            return Math.min(Math.max(m, n), max + 1);
        }
        int over = max + 1;
        int[][] rows = scratch == null ? new int[3][n + 2] : scratch.rows(n + 2);
        int[] twoBack = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= n + 1; j++) {
            previous[j] = j <= max ? j : over;
        }
        for (int i = 1; i <= m; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(n, i + max);
            current[from - 1] = from == 1 && i <= max ? i : over;
            if (to + 1 <= n + 1) {
                current[to + 1] = over;
            }
            int rowMin = over;
            char ca = a[fromA + i - 1];
            for (int j = from; j <= to; j++) {
                char cb = b[fromB + j - 1];
                int v = Math.min(
                        Math.min(previous[j] + 1, current[j - 1] + 1),
                        previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b[fromB + j - 2] && a[fromA + i - 2] == cb) {
                    v = Math.min(v, twoBack[j - 2] + 1);
                }
                current[j] = Math.min(v, over);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return over;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[n], over);
    }

    /**
     * Writes into {@code out} the hashes of the key's window with 0 to {@code maxEdits} characters
     * deleted (never the first); returns how many it wrote. Polynomial prefix hashes give each
     * variant's hash in constant time, without building the string.
     */
    static int variantHashes(String key, int maxEdits, int[] out) {
        return variantHashes(key, maxEdits, out, null);
    }

    private static int variantHashes(
            String key, int maxEdits, int[] out, @Nullable Lookup scratch) {
        int n = Math.min(key.length(), WINDOW);
        int[] prefix = scratch == null ? new int[n + 1] : scratch.prefix;
        int[] power = scratch == null ? new int[n + 1] : scratch.power;
        power[0] = 1;
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] * BASE + key.charAt(i);
            power[i + 1] = power[i] * BASE;
        }
        int count = 0;
        out[count++] = mix(prefix[n], n);
        if (maxEdits >= 1) {
            for (int i = 1; i < n; i++) {
                int hash = prefix[i] * power[n - 1 - i] + segment(prefix, power, i + 1, n);
                out[count++] = mix(hash, n - 1);
            }
        }
        if (maxEdits >= 2) {
            for (int i = 1; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int hash = prefix[i] * power[n - 2 - i]
                            + segment(prefix, power, i + 1, j) * power[n - 1 - j]
                            + segment(prefix, power, j + 1, n);
                    out[count++] = mix(hash, n - 2);
                }
            }
        }
        return count;
    }

    // Hash of key[from, to) from the prefix hashes.
    private static int segment(int[] prefix, int[] power, int from, int to) {
        return prefix[to] - prefix[from] * power[to - from];
    }

    // Murmur3's finaliser, with the variant's length mixed in.
    private static int mix(int hash, int length) {
        int h = hash ^ (length * 0x9E3779B9);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** How many distinct variants the table holds. */
    int variantCount() {
        return variantCount;
    }

    private int slotOf(int region, int hash) {
        return slotStart[region] + (int) (((hash & 0xFFFFFFFFL) * slotCount[region]) >>> 32);
    }

    private int nextSlot(int region, int slot) {
        // Linear probing within the region.
        int next = slot + 1;
        return next == slotStart[region] + slotCount[region] ? slotStart[region] : next;
    }

    private static int fingerprint(int hash) {
        return hash & ((1 << FINGERPRINT_BITS) - 1);
    }

    // A blocked filter: each variant sets two bits of one word, chosen by a second spread of the
    // hash, so that filter and table collisions differ; a look-up reads one word.
    private int filterWord(int region, int hash) {
        long spread = (hash * 0x2545F491) & 0xFFFFFFFFL;
        return filterStart[region] + (int) ((spread * filterWords[region]) >>> 32);
    }

    private static long filterMask(int hash) {
        int spread = hash * 0x9E3779B9;
        return (1L << (spread >>> 26)) | (1L << ((spread >>> 20) & 63));
    }
}
