package org.parvis.model;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Status of a process, computed from its dates at the moment of the query, never stored, so that a
 * process closes on time without a re-harvest.
 */
public enum ProcessStatus {
    UPCOMING,
    OPEN,
    CLOSED,
    /** The process has no dates at all. */
    UNKNOWN;

    /**
     * The status at {@code now} of a process open from {@code start} (inclusive) to {@code end}
     * (exclusive). A process with a start and no end stays open.
     */
    public static ProcessStatus at(@Nullable Instant start, @Nullable Instant end, Instant now) {
        if (start == null && end == null) {
            return UNKNOWN;
        }
        if (start != null && now.isBefore(start)) {
            return UPCOMING;
        }
        if (end != null && !now.isBefore(end)) {
            return CLOSED;
        }
        return OPEN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProcessStatus parse(String code) {
        for (ProcessStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + code + "'; expected one of "
                + Arrays.stream(values()).map(ProcessStatus::code).toList());
    }
}
