package cn.tiaojie.scheduling.service.booking;

import java.time.Instant;

/** A half-open interval [start, end), the way the database's tstzrange compares hearings. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a time range must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
