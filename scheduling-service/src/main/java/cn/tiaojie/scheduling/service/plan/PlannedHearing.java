package cn.tiaojie.scheduling.service.plan;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A hearing to place: the solver chooses its start and its venue (one of its center's). A hearing whose notices
 * have gone out is pinned: it stays where it is and only occupies its venue and participants.
 */
@PlanningEntity
public class PlannedHearing {

    @PlanningId
    public UUID id;
    public String caseNo;
    public int durationMinutes;
    public int attendees;
    public List<String> mediatorIds;
    public Set<String> participantIds;
    /** notice period: the earliest start, in epoch minutes */
    public long earliestMinute;
    /** the case's deadline in epoch minutes; Long.MAX_VALUE when it cannot be met anyway */
    public long deadlineMinute;
    public boolean preferEvening;
    public boolean onSite;
    public boolean videoAllowed;
    /** windows (epoch minutes, start and end pairs, sorted) in which every team mediator is free; null: any */
    public long[] freeWindows;

    @PlanningPin
    public boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "slots")
    public PlanSlot slot;

    @PlanningVariable(valueRangeProviderRefs = "venuesOfCenter")
    public PlanVenue venue;

    /** the venues of the hearing's center: a hearing never moves to another center */
    public List<PlanVenue> venueOptions;

    public PlannedHearing() {
    }

    @ValueRangeProvider(id = "venuesOfCenter")
    public List<PlanVenue> getVenueOptions() {
        return venueOptions;
    }

    public long start() {
        return slot.startMinute();
    }

    public long end() {
        return slot.startMinute() + durationMinutes;
    }

    public int day() {
        return slot.day();
    }

    public boolean sharesParticipantWith(PlannedHearing other) {
        Set<String> small = participantIds.size() <= other.participantIds.size() ? participantIds : other.participantIds;
        Set<String> large = small == participantIds ? other.participantIds : participantIds;
        for (String id : small) {
            if (large.contains(id)) {
                return true;
            }
        }
        return false;
    }

    public boolean outsideFreeWindows() {
        if (freeWindows == null) {
            return false;
        }
        long start = start();
        long end = end();
        for (int i = 0; i < freeWindows.length; i += 2) {
            if (freeWindows[i] <= start && end <= freeWindows[i + 1]) {
                return false;
            }
        }
        return true;
    }

    public boolean outsideOpeningHours() {
        return slot.minuteOfDay() < venue.opensMinute() || slot.minuteOfDay() + durationMinutes > venue.closesMinute();
    }

    /** How many half hours after its earliest possible start the hearing begins. */
    public long halfHoursLate() {
        return Math.max(0, (start() - earliestMinute) / 30);
    }

    @Override
    public String toString() {
        return caseNo + "@" + slot + "/" + venue;
    }
}
