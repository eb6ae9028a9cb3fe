package cn.tiaojie.scheduling.service.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sweep over sorted intervals finds exactly the slot that trying every candidate in order finds. */
class SlotFinderTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void findsTheSameSlotAsTryingEveryCandidateInOrder() {
        Random random = new Random(42);
        Instant earliest = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(SHANGHAI).toInstant();
        Instant horizon = earliest.plus(Duration.ofDays(21));
        int found = 0;
        for (int round = 0; round < 300; round++) {
            List<Venue> venues = new ArrayList<>();
            for (int v = 0; v < 1 + random.nextInt(4); v++) {
                venues.add(venue(LocalTime.of(8 + random.nextInt(3), random.nextBoolean() ? 0 : 30),
                        LocalTime.of(16 + random.nextInt(6), random.nextBoolean() ? 0 : 30)));
            }
            Map<UUID, List<TimeRange>> venueBusy = new HashMap<>();
            for (Venue venue : venues) {
                venueBusy.put(venue.id, ranges(random, earliest, 40 + random.nextInt(40)));
            }
            List<TimeRange> participantsBusy = ranges(random, earliest, random.nextInt(60));
            Map<String, List<TimeRange>> mediatorsFree = new LinkedHashMap<>();
            for (int m = 0; m < random.nextInt(3); m++) {
                mediatorsFree.put("M" + m, ranges(random, earliest, 10 + random.nextInt(50)));
            }
            Duration duration = Duration.ofMinutes(30L * (1 + random.nextInt(6)));
            SlotFinder.Occupancy occupancy = new SlotFinder.Occupancy(venueBusy, participantsBusy, mediatorsFree);

            Optional<SlotFinder.Slot> sweep = new SlotFinder(SHANGHAI, duration)
                    .earliest(earliest, horizon, venues, occupancy);
            Optional<SlotFinder.Slot> everyCandidate = tryEveryCandidate(earliest, horizon, venues, occupancy, duration);
            assertEquals(everyCandidate, sweep, "round " + round);
            if (sweep.isPresent()) {
                found++;
                assertEquals(true, new SlotFinder(SHANGHAI, duration).firstTimeEveryoneFree(earliest, horizon, occupancy)
                        .filter(first -> !first.isAfter(sweep.get().time().start())).isPresent());
            }
        }
        // the data leave some requests with a slot and some without: both ways are compared
        assertEquals(true, found > 30 && found < 300, found + " of 300 found a slot");
    }

    /** Busy or free ranges of 30 minutes to 4 hours, starting anywhere in the three weeks after {@code from}. */
    private static List<TimeRange> ranges(Random random, Instant from, int count) {
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 21)));
            ranges.add(new TimeRange(start, start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(8))))));
        }
        return ranges;
    }

    private static Venue venue(LocalTime opens, LocalTime closes) {
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.kind = VenueKind.ROOM;
        venue.opens = opens;
        venue.closes = closes;
        return venue;
    }

    /** Every candidate of a day, earliest first and in venue order, checked against every range. */
    private static Optional<SlotFinder.Slot> tryEveryCandidate(Instant earliest, Instant horizon, List<Venue> venues,
            SlotFinder.Occupancy occupancy, Duration duration) {
        LocalDate last = horizon.atZone(SHANGHAI).toLocalDate();
        for (LocalDate day = earliest.atZone(SHANGHAI).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            List<SlotFinder.Slot> slots = new ArrayList<>();
            for (Venue venue : venues) {
                LocalDateTime closes = day.atTime(venue.closes);
                for (LocalDateTime start = day.atTime(venue.opens); !start.plus(duration).isAfter(closes);
                        start = start.plusMinutes(30)) {
                    Instant from = start.atZone(SHANGHAI).toInstant();
                    slots.add(new SlotFinder.Slot(venue, new TimeRange(from, from.plus(duration))));
                }
            }
            slots.sort(Comparator.comparing(s -> s.time().start()));
            for (SlotFinder.Slot slot : slots) {
                TimeRange time = slot.time();
                if (time.start().isBefore(earliest) || !time.start().isBefore(horizon)) {
                    continue;
                }
                boolean fits = occupancy.venueBusy().getOrDefault(slot.venue().id, List.of()).stream()
                        .noneMatch(time::overlaps)
                        && occupancy.participantsBusy().stream().noneMatch(time::overlaps)
                        && occupancy.mediatorsFree().values().stream().allMatch(windows -> covered(windows, time));
                if (fits) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }

    /** Inside the windows joined where they touch or overlap. */
    private static boolean covered(List<TimeRange> windows, TimeRange time) {
        List<TimeRange> sorted = windows.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
        Instant reach = time.start();
        for (TimeRange window : sorted) {
            if (!window.start().isAfter(reach) && window.end().isAfter(reach)) {
                reach = window.end();
            }
        }
        return !reach.isBefore(time.end());
    }
}
