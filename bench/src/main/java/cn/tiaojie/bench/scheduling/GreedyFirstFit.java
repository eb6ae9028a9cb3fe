package cn.tiaojie.bench.scheduling;

import cn.tiaojie.scheduling.service.plan.HearingPlan;
import cn.tiaojie.scheduling.service.plan.PlanSlot;
import cn.tiaojie.scheduling.service.plan.PlanVenue;
import cn.tiaojie.scheduling.service.plan.PlannedHearing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline case systems use: take the hearings one by one (earliest notice first) and give each the first slot
 * and venue, in time order, that breaks no hard rule given the hearings placed before it. Preferences and the soft
 * goals are not looked at, except that the first fit is also the earliest.
 */
final class GreedyFirstFit {

    private GreedyFirstFit() {
    }

    /** Assigns every hearing of the plan in place; a hearing that fits nowhere gets its earliest slot anyway. */
    static void assign(HearingPlan plan) {
        List<PlanSlot> slots = new ArrayList<>(plan.slots);
        slots.sort(Comparator.comparingLong(PlanSlot::startMinute));
        Map<Object, List<long[]>> busy = new HashMap<>();
        List<PlannedHearing> order = new ArrayList<>(plan.hearings);
        order.sort(Comparator.comparingLong((PlannedHearing h) -> h.earliestMinute).thenComparing(h -> h.caseNo));
        for (PlannedHearing h : order) {
            boolean placed = false;
            for (PlanSlot slot : slots) {
                if (slot.startMinute() < h.earliestMinute) {
                    continue;
                }
                h.slot = slot;
                if (h.end() > h.deadlineMinute) {
                    break;
                }
                if (h.outsideFreeWindows() || h.participantIds.stream().anyMatch(p -> overlaps(busy.get(p), h))) {
                    continue;
                }
                for (PlanVenue venue : h.venueOptions) {
                    h.venue = venue;
                    if (venue.capacity() >= h.attendees && !h.outsideOpeningHours() && !overlaps(busy.get(venue), h)) {
                        placed = true;
                        break;
                    }
                }
                if (placed) {
                    break;
                }
            }
            if (!placed) {
                h.slot = slots.stream().filter(s -> s.startMinute() >= h.earliestMinute).findFirst().orElse(slots.getFirst());
                h.venue = h.venueOptions.getFirst();
            }
            long[] range = {h.start(), h.end()};
            busy.computeIfAbsent(h.venue, v -> new ArrayList<>()).add(range);
            h.participantIds.forEach(p -> busy.computeIfAbsent(p, x -> new ArrayList<>()).add(range));
        }
    }

    private static boolean overlaps(List<long[]> taken, PlannedHearing h) {
        if (taken == null) {
            return false;
        }
        for (long[] r : taken) {
            if (r[0] < h.end() && h.start() < r[1]) {
                return true;
            }
        }
        return false;
    }
}
