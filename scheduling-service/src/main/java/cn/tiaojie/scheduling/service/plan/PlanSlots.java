package cn.tiaojie.scheduling.service.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Builds the starts a plan may use: every half hour of working days between the earliest opening and latest closing. */
public final class PlanSlots {

    private PlanSlots() {
    }

    public static PlanSlot of(Instant start, ZoneId zone) {
        ZonedDateTime local = start.atZone(zone);
        return new PlanSlot(start, start.getEpochSecond() / 60, (int) local.toLocalDate().toEpochDay(),
                local.getHour() * 60 + local.getMinute());
    }

    /** Half-hourly starts in [from, to) on Monday to Friday, from {@code opens} until 30 minutes before {@code closes}. */
    public static List<PlanSlot> grid(Instant from, Instant to, LocalTime opens, LocalTime closes, ZoneId zone) {
        List<PlanSlot> slots = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime t = opens; t.isBefore(closes) && !t.isBefore(opens); t = t.plusMinutes(30)) {
                Instant start = day.atTime(t).atZone(zone).toInstant();
                if (!start.isBefore(from) && start.isBefore(to)) {
                    slots.add(of(start, zone));
                }
                if (t.equals(LocalTime.of(23, 30))) {
                    break;
                }
            }
        }
        return slots;
    }

    /**
     * The windows in which every one of the mediators is free, as sorted epoch-minute pairs. Each mediator's
     * windows are given as sorted, non-overlapping [start, end) pairs of epoch minutes.
     */
    public static long[] commonWindows(List<long[]> mediatorsWindows) {
        long[] common = null;
        for (long[] windows : mediatorsWindows) {
            common = common == null ? windows.clone() : intersect(common, windows);
        }
        return common == null ? null : common;
    }

    private static long[] intersect(long[] a, long[] b) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long start = Math.max(a[i], b[j]);
            long end = Math.min(a[i + 1], b[j + 1]);
            if (start < end) {
                out.add(start);
                out.add(end);
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
