package org.parvis.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts subscription requests per key (a hashed address, a client address) in a sliding window
 * and refuses the ones over the limit. Kept in memory: a restart forgets the counts, which only
 * lets a few more requests through.
 *
 * <p>Thread-safe (synchronised).
 */
final class RateLimiter {

    private final Clock clock;
    private final Duration window;
    private final Map<String, Deque<Instant>> requests = new HashMap<>();
    private Instant lastSweep = Instant.MIN;

    RateLimiter(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /**
     * Counts a request for every key and returns 0 when each is within its limit; otherwise
     * counts nothing and returns the seconds until the first key has room again.
     */
    synchronized long tryAcquire(Map<String, Integer> limits) {
        Instant now = clock.instant();
        sweep(now);
        long wait = 0;
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            Deque<Instant> times =
                    requests.computeIfAbsent(limit.getKey(), k -> new ArrayDeque<>());
            drop(times, now);
            if (times.size() >= limit.getValue()) {
                Instant free = times.peekFirst().plus(window);
                wait = Math.max(wait, Math.max(1, Duration.between(now, free).toSeconds()));
            }
        }
        if (wait > 0) {
            return wait;
        }
        for (String key : limits.keySet()) {
            requests.get(key).addLast(now);
        }
        return 0;
    }

    private void drop(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    /** Forgets idle keys now and then, so memory follows the active clients only. */
    private void sweep(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(window) < 0) {
            return;
        }
        lastSweep = now;
        for (Iterator<Deque<Instant>> it = requests.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            drop(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }
}
