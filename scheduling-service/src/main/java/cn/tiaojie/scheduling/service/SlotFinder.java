package cn.tiaojie.scheduling.service;

import cn.tiaojie.scheduling.Venue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fast path's search: candidate slots every 30 minutes on working days inside each venue's opening hours,
 * earliest first, and the first one where the venue is free, no participant is busy and every team mediator has a
 * free window around it.
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

    public SlotFinder(ZoneId zone, Duration duration) {
        this.zone = zone;
        this.duration = duration;
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
        LocalDate last = horizon.atZone(zone).toLocalDate();
        for (LocalDate day = earliest.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Optional<Slot> found = candidatesOn(day, venues).stream()
                    .filter(s -> !s.time().start().isBefore(earliest) && s.time().start().isBefore(horizon))
                    .filter(s -> fits(s, occupancy))
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<Slot> candidatesOn(LocalDate day, List<Venue> venues) {
        List<Slot> slots = new ArrayList<>();
        for (Venue venue : venues) {
            LocalDateTime closes = day.atTime(venue.closes);
            for (LocalDateTime start = day.atTime(venue.opens); !start.plus(duration).isAfter(closes);
                    start = start.plus(STEP)) {
                Instant from = start.atZone(zone).toInstant();
                slots.add(new Slot(venue, new TimeRange(from, from.plus(duration))));
            }
        }
        // stable sort: at the same start the venues keep their given order
        slots.sort(Comparator.comparing(s -> s.time().start()));
        return slots;
    }

    private static boolean fits(Slot slot, Occupancy occupancy) {
        TimeRange time = slot.time();
        return occupancy.venueBusy().getOrDefault(slot.venue().id, List.of()).stream().noneMatch(time::overlaps)
                && occupancy.participantsBusy().stream().noneMatch(time::overlaps)
                && occupancy.mediatorsFree().values().stream()
                        .allMatch(windows -> windows.stream().anyMatch(w -> w.contains(time)));
    }
}
