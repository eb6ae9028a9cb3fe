package cn.tiaojie.scheduling.service.booking;

import cn.tiaojie.scheduling.model.Venue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The fast path's search: candidate slots every 30 minutes on working days inside each venue's opening hours,
 * earliest first, and the first one where the venue is free, no participant is busy and every team mediator has a
 * free window around it.
 * <p>
 * The busy and free times are first folded into sorted, disjoint intervals (the time everyone can attend, and
 * each venue's taken time), so that every candidate is checked by two binary searches instead of by scanning
 * every hearing and window.
 */
public final class SlotFinder {

    static final Duration STEP = Duration.ofMinutes(30);

    /** A venue at a time. */
    public record Slot(Venue venue, TimeRange time) {
    }

    /** What is already taken or offered between the earliest start and the horizon. */
    public record Occupancy(Map<UUID, List<TimeRange>> venueBusy, List<TimeRange> participantsBusy,
            Map<String, List<TimeRange>> mediatorsFree) {
    }

    private final ZoneId zone;
    private final Duration duration;
    private final LocalTime dayFrom;

    public SlotFinder(ZoneId zone, Duration duration) {
        this(zone, duration, LocalTime.MIDNIGHT);
    }

    /** Slots start no earlier in the day than {@code dayFrom} (an evening session: after work). */
    public SlotFinder(ZoneId zone, Duration duration, LocalTime dayFrom) {
        this.zone = zone;
        this.duration = duration;
        this.dayFrom = dayFrom;
    }

    /** The instant rounded up to the next full or half hour of the local clock (unchanged if already on one). */
    public static Instant roundUpToHalfHour(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime hour = local.truncatedTo(ChronoUnit.HOURS);
        if (local.equals(hour)) {
            return instant;
        }
        ZonedDateTime halfPast = hour.plus(STEP);
        return (local.isAfter(halfPast) ? halfPast.plus(STEP) : halfPast).toInstant();
    }

    /** The earliest slot starting in [earliest, horizon) among the venues, in their order on ties. */
    public Optional<Slot> earliest(Instant earliest, Instant horizon, List<Venue> venues, Occupancy occupancy) {
        if (venues.isEmpty() || !earliest.isBefore(horizon)) {
            return Optional.empty();
        }
        long durationMillis = duration.toMillis();
        long from = earliest.toEpochMilli();
        long until = horizon.toEpochMilli();
        Intervals everyoneFree = everyoneFree(occupancy, from, until + durationMillis);
        if (everyoneFree.isEmpty()) {
            return Optional.empty();
        }
        Intervals[] venueTaken = new Intervals[venues.size()];
        for (int v = 0; v < venues.size(); v++) {
            venueTaken[v] = Intervals.union(occupancy.venueBusy().getOrDefault(venues.get(v).id, List.of()));
        }
        List<StartTime> startTimes = startTimes(venues);

        LocalDate last = horizon.atZone(zone).toLocalDate();
        for (LocalDate day = earliest.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (StartTime candidate : startTimes) {
                long start = day.atTime(candidate.time()).atZone(zone).toInstant().toEpochMilli();
                if (start < from) {
                    continue;
                }
                if (start >= until) {
                    return Optional.empty();
                }
                long end = start + durationMillis;
                if (!everyoneFree.contains(start, end)) {
                    continue;
                }
                for (int v : candidate.venues()) {
                    if (!venueTaken[v].overlaps(start, end)) {
                        return Optional.of(new Slot(venues.get(v),
                                new TimeRange(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first instant in [from, horizon) from which every participant is free for the whole duration, whatever
     * the venues: no feasible slot starts before it. Empty when there is none.
     */
    public Optional<Instant> firstTimeEveryoneFree(Instant from, Instant horizon, Occupancy occupancy) {
        long start = from.toEpochMilli();
        long until = horizon.toEpochMilli();
        long durationMillis = duration.toMillis();
        Intervals free = everyoneFree(occupancy, start, until + durationMillis);
        for (int i = 0; i < free.size; i++) {
            long begin = Math.max(free.starts[i], start);
            if (begin >= until) {
                break;
            }
            if (free.ends[i] - begin >= durationMillis) {
                return Optional.of(Instant.ofEpochMilli(begin));
            }
        }
        return Optional.empty();
    }

    /** A local start time of the day and the venues (indexes, in their given order) that offer it. */
    private record StartTime(LocalTime time, int[] venues) {
    }

    /**
     * Every venue's starts (from opening or {@code dayFrom}, every 30 minutes, while the hearing ends by closing), merged and sorted;
     * the same for each working day.
     */
    private List<StartTime> startTimes(List<Venue> venues) {
        long length = duration.toSeconds();
        TreeMap<Integer, List<Integer>> byTime = new TreeMap<>();
        for (int v = 0; v < venues.size(); v++) {
            Venue venue = venues.get(v);
            int closes = venue.closes.toSecondOfDay();
            int first = Math.max(venue.opens.toSecondOfDay(), dayFrom.toSecondOfDay());
            // on the venue's own half hours
            first += Math.floorMod(venue.opens.toSecondOfDay() - first, (int) STEP.toSeconds());
            for (int start = first; start + length <= closes; start += (int) STEP.toSeconds()) {
                byTime.computeIfAbsent(start, t -> new ArrayList<>()).add(v);
            }
        }
        List<StartTime> times = new ArrayList<>(byTime.size());
        byTime.forEach((second, indexes) -> times.add(new StartTime(LocalTime.ofSecondOfDay(second),
                indexes.stream().mapToInt(Integer::intValue).toArray())));
        return times;
    }

    /** When every team mediator offers a window and no participant has another hearing, within [from, to). */
    private static Intervals everyoneFree(Occupancy occupancy, long from, long to) {
        Intervals free = Intervals.of(from, to);
        for (List<TimeRange> windows : occupancy.mediatorsFree().values()) {
            free = free.intersect(Intervals.union(windows));
        }
        return free.minus(Intervals.union(occupancy.participantsBusy()));
    }

    /** Sorted, disjoint, half-open intervals [starts[i], ends[i]) in epoch milliseconds. */
    static final class Intervals {

        private final long[] starts;
        private final long[] ends;
        private final int size;

        private Intervals(long[] starts, long[] ends, int size) {
            this.starts = starts;
            this.ends = ends;
            this.size = size;
        }

        static Intervals of(long start, long end) {
            return start < end ? new Intervals(new long[] {start}, new long[] {end}, 1)
                    : new Intervals(new long[0], new long[0], 0);
        }

        /** The ranges sorted and joined where they overlap or touch. */
        static Intervals union(List<TimeRange> ranges) {
            int n = ranges.size();
            long[][] pairs = new long[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new long[] {ranges.get(i).start().toEpochMilli(), ranges.get(i).end().toEpochMilli()};
            }
            Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
            long[] starts = new long[n];
            long[] ends = new long[n];
            int size = 0;
            for (long[] pair : pairs) {
                if (size > 0 && pair[0] <= ends[size - 1]) {
                    ends[size - 1] = Math.max(ends[size - 1], pair[1]);
                } else {
                    starts[size] = pair[0];
                    ends[size] = pair[1];
                    size++;
                }
            }
            return new Intervals(starts, ends, size);
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Time in both. */
        Intervals intersect(Intervals other) {
            long[] starts = new long[size + other.size];
            long[] ends = new long[size + other.size];
            int n = 0;
            for (int i = 0, j = 0; i < size && j < other.size; ) {
                long start = Math.max(this.starts[i], other.starts[j]);
                long end = Math.min(this.ends[i], other.ends[j]);
                if (start < end) {
                    starts[n] = start;
                    ends[n] = end;
                    n++;
                }
                if (this.ends[i] < other.ends[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return new Intervals(starts, ends, n);
        }

        /** Time in this and not in taken. */
        Intervals minus(Intervals taken) {
            long[] starts = new long[size + taken.size];
            long[] ends = new long[size + taken.size];
            int n = 0;
            int j = 0;
            for (int i = 0; i < size; i++) {
                long start = this.starts[i];
                long end = this.ends[i];
                while (j < taken.size && taken.ends[j] <= start) {
                    j++;
                }
                for (int k = j; k < taken.size && taken.starts[k] < end; k++) {
                    if (taken.starts[k] > start) {
                        starts[n] = start;
                        ends[n] = taken.starts[k];
                        n++;
                    }
                    start = Math.max(start, taken.ends[k]);
                }
                if (start < end) {
                    starts[n] = start;
                    ends[n] = end;
                    n++;
                }
            }
            return new Intervals(starts, ends, n);
        }

        /** True when one interval holds all of [start, end). */
        boolean contains(long start, long end) {
            int i = lastStartingAtOrBefore(start);
            return i >= 0 && ends[i] >= end;
        }

        /** True when some interval shares time with [start, end). */
        boolean overlaps(long start, long end) {
            // the intervals are disjoint and sorted, so their ends are sorted too: find the first ending after start
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ends[mid] <= start) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low < size && starts[low] < end;
        }

        private int lastStartingAtOrBefore(long instant) {
            int low = 0;
            int high = size - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (starts[mid] <= instant) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }
    }
}
