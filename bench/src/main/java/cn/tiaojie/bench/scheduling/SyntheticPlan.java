package cn.tiaojie.bench.scheduling;

import cn.tiaojie.scheduling.service.plan.HearingPlan;
import cn.tiaojie.scheduling.service.plan.PlanSlot;
import cn.tiaojie.scheduling.service.plan.PlanSlots;
import cn.tiaojie.scheduling.service.plan.PlanVenue;
import cn.tiaojie.scheduling.service.plan.PlannedHearing;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A fortnight of a county's hearings, generated from a fixed seed: 20 centers, each with 8 rooms (08:30–17:30, two
 * with video) and 2 village halls (18:30–21:30); 30 mediators per center who work four weekdays and two evenings a
 * week; 50 hearings per center with two mediators and two parties each, 60–120 minutes, some preferring the evening,
 * on-site or video, each with its own earliest start (notice) and deadline inside the fortnight.
 */
final class SyntheticPlan {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SyntheticPlan() {
    }

    /** A fresh, unassigned plan (the same for the same arguments). */
    static HearingPlan generate(int centers, int venuesPerCenter, int mediatorsPerCenter, int hearingsPerCenter,
            long seed, boolean preferences) {
        Random random = new Random(seed);
        LocalDate monday = LocalDate.of(2026, 3, 2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atTime(0, 0).atZone(SHANGHAI).toInstant();
        Instant to = monday.plusDays(14).atTime(0, 0).atZone(SHANGHAI).toInstant();
        List<PlanSlot> slots = PlanSlots.grid(from, to, LocalTime.of(8, 30), LocalTime.of(21, 30), SHANGHAI);

        List<PlanVenue> venues = new ArrayList<>();
        List<PlannedHearing> hearings = new ArrayList<>();
        for (int c = 0; c < centers; c++) {
            String center = "C" + c;
            List<PlanVenue> own = new ArrayList<>();
            for (int v = 0; v < venuesPerCenter; v++) {
                boolean onSite = v >= venuesPerCenter - 2;
                own.add(new PlanVenue(new UUID(c, v), center, center + (onSite ? "-hall-" : "-room-") + v, onSite,
                        onSite ? 40 : 6 + (v % 3) * 2, onSite ? 18 * 60 + 30 : 8 * 60 + 30,
                        onSite ? 21 * 60 + 30 : 17 * 60 + 30, !onSite && v < 2));
            }
            venues.addAll(own);
            List<long[]> availability = new ArrayList<>();
            for (int m = 0; m < mediatorsPerCenter; m++) {
                availability.add(weekPattern(monday, random));
            }
            for (int i = 0; i < hearingsPerCenter; i++) {
                PlannedHearing h = new PlannedHearing();
                h.id = new UUID(1000 + c, i);
                h.caseNo = center + "-" + i;
                h.durationMinutes = 60 + 30 * random.nextInt(3);
                int a = random.nextInt(mediatorsPerCenter);
                int b = (a + 1 + random.nextInt(mediatorsPerCenter - 1)) % mediatorsPerCenter;
                h.mediatorIds = List.of(center + "-M" + a, center + "-M" + b);
                Set<String> people = new LinkedHashSet<>(h.mediatorIds);
                people.add(h.caseNo + "-P1");
                people.add(h.caseNo + "-P2");
                h.participantIds = people;
                h.attendees = people.size();
                int earliestDay = random.nextInt(4);
                h.earliestMinute = minutes(monday.plusDays(earliestDay).atTime(8, 30));
                h.deadlineMinute = minutes(monday.plusDays(earliestDay + 7 + random.nextInt(7)).atTime(22, 0));
                int drawn = random.nextInt(10);
                int preference = preferences ? drawn : -1;
                h.preferEvening = preference == 0;
                h.onSite = preference == 1;
                h.videoAllowed = preference == 2;
                h.freeWindows = PlanSlots.commonWindows(List.of(availability.get(a), availability.get(b)));
                h.venueOptions = own;
                hearings.add(h);
            }
        }
        return new HearingPlan(slots, venues, hearings);
    }

    /** Four working days 08:30–17:30 of each week, and two evenings 18:00–22:00. */
    private static long[] weekPattern(LocalDate monday, Random random) {
        int dayOff = random.nextInt(5);
        int evening1 = random.nextInt(5);
        int evening2 = (evening1 + 2) % 5;
        List<Long> windows = new ArrayList<>();
        for (int week = 0; week < 2; week++) {
            for (int d = 0; d < 5; d++) {
                LocalDate day = monday.plusDays(week * 7L + d);
                boolean evening = d == evening1 || d == evening2;
                if (d != dayOff) {
                    windows.add(minutes(day.atTime(8, 30)));
                    windows.add(minutes(day.atTime(evening ? 22 : 17, evening ? 0 : 30)));
                } else if (evening) {
                    windows.add(minutes(day.atTime(18, 0)));
                    windows.add(minutes(day.atTime(22, 0)));
                }
            }
        }
        return windows.stream().mapToLong(Long::longValue).toArray();
    }

    private static long minutes(java.time.LocalDateTime local) {
        return local.atZone(SHANGHAI).toEpochSecond() / 60;
    }

}
