package org.parvis.bench;

import org.parvis.model.Process;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The synthetic processes of one benchmark run, the fixed instant at which statuses are computed
 * and the seed that produced them.
 *
 * <p>Item number {@code i} has the public URL {@link #uriOf(int) uriOf(i)}; the number is
 * zero-padded so that ordering URLs as text orders items by number, which lets every engine break
 * ties the same way.
 *
 * <p>Immutable and thread-safe.
 */
record BenchDataset(List<Process> processes, Instant now, long seed) {

    private static final String URI_PREFIX = "https://bench.parvis.example/processes/";

    /** Enough digits for ten million items. */
    private static final int DIGITS = 8;

    BenchDataset {
        processes = List.copyOf(processes);
        for (int i = 0; i < processes.size(); i++) {
            if (indexOf(processes.get(i).id()) != i) {
                throw new IllegalArgumentException("process at position " + i + " has id "
                        + processes.get(i).id() + "; expected " + uriOf(i));
            }
        }
    }

    int size() {
        return processes.size();
    }

    /** The public URL of item number {@code index}. */
    static URI uriOf(int index) {
        String number = Integer.toString(index);
        return URI.create(URI_PREFIX + "0".repeat(Math.max(0, DIGITS - number.length())) + number);
    }

    /** The item number of a public URL built by {@link #uriOf}; throws for any other URL. */
    static int indexOf(URI id) {
        String text = id.toString();
        if (!text.startsWith(URI_PREFIX) || text.length() != URI_PREFIX.length() + DIGITS) {
            throw new IllegalArgumentException("'" + id + "' is not a benchmark item URL; expected "
                    + URI_PREFIX + " and " + DIGITS + " digits");
        }
        return Integer.parseInt(text.substring(URI_PREFIX.length()));
    }
}
