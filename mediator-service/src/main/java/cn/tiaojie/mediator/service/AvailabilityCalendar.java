package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.ChinaTime;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.WeeklyHours;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** When a mediator is free: their weekly pattern (Asia/Shanghai) laid over the dates asked, less unavailability. */
@ApplicationScoped
public class AvailabilityCalendar {

    /** a quarter is as far ahead as hearings are planned; longer asks are refused rather than computed */
    public static final Duration LONGEST_RANGE = Duration.ofDays(92);

    public record Window(Instant start, Instant end) {
    }

    public static void checkRange(Instant from, Instant to) {
        if (from == null) {
            throw ProblemException.badRequest("from", "is required");
        }
        if (to == null) {
            throw ProblemException.badRequest("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw ProblemException.badRequest("to", "at most " + LONGEST_RANGE.toDays() + " days after from");
        }
    }

    /**
     * Free windows of each mediator between from and to, by mediator in the order asked; 404 for an unknown one,
     * 400 for a bad range.
     */
    @Transactional
    public Map<String, List<Window>> freeWindowsOf(List<String> mediatorIds, Instant from, Instant to) {
        checkRange(from, to);
        Map<String, List<Window>> free = new LinkedHashMap<>();
        for (String id : mediatorIds) {
            Mediator mediator = Mediator.findById(id);
            if (mediator == null) {
                throw ProblemException.notFound("mediator", id);
            }
            free.put(id, freeWindows(mediator, from, to));
        }
        return free;
    }

    /** Free windows of an existing mediator between from and to, in order; none for an inactive mediator. */
    public List<Window> freeWindows(Mediator mediator, Instant from, Instant to) {
        checkRange(from, to);
        if (!mediator.isActive()) {
            return List.of();
        }
        List<WeeklyHours> pattern = WeeklyHours.list("mediatorId", mediator.id);
        List<Window> windows = new ArrayList<>();
        LocalDate last = to.atZone(ChinaTime.ZONE).toLocalDate();
        for (LocalDate date = from.atZone(ChinaTime.ZONE).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (WeeklyHours hours : pattern) {
                if (hours.day() == date.getDayOfWeek()) {
                    Instant start = date.atTime(hours.starts).atZone(ChinaTime.ZONE).toInstant();
                    Instant end = date.atTime(hours.ends).atZone(ChinaTime.ZONE).toInstant();
                    clip(new Window(start, end), from, to, windows);
                }
            }
        }
        windows.sort(Comparator.comparing(Window::start));
        List<Unavailability> away = Unavailability.list("mediatorId = ?1 and endsAt > ?2 and startsAt < ?3",
                mediator.id, from, to);
        for (Unavailability period : away) {
            windows = subtract(windows, period.startsAt, period.endsAt);
        }
        return merge(windows);
    }

    private static void clip(Window w, Instant from, Instant to, List<Window> into) {
        Instant start = w.start().isBefore(from) ? from : w.start();
        Instant end = w.end().isAfter(to) ? to : w.end();
        if (start.isBefore(end)) {
            into.add(new Window(start, end));
        }
    }

    static List<Window> subtract(List<Window> windows, Instant awayFrom, Instant awayTo) {
        List<Window> left = new ArrayList<>();
        for (Window w : windows) {
            if (!awayFrom.isBefore(w.end()) || !awayTo.isAfter(w.start())) {
                left.add(w);
                continue;
            }
            if (w.start().isBefore(awayFrom)) {
                left.add(new Window(w.start(), awayFrom));
            }
            if (awayTo.isBefore(w.end())) {
                left.add(new Window(awayTo, w.end()));
            }
        }
        return left;
    }

    /** Joins windows that touch or overlap (two patterns entries back to back read as one window). */
    static List<Window> merge(List<Window> sorted) {
        List<Window> merged = new ArrayList<>();
        for (Window w : sorted) {
            Window previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !w.start().isAfter(previous.end())) {
                Instant end = w.end().isAfter(previous.end()) ? w.end() : previous.end();
                merged.set(merged.size() - 1, new Window(previous.start(), end));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }
}
