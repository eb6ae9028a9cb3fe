package cn.tiaojie.scheduling.service.plan;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/** The hearings of a horizon with the starts and venues they may take. */
@PlanningSolution
public class HearingPlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "slots")
    public List<PlanSlot> slots;

    @ProblemFactCollectionProperty
    public List<PlanVenue> venues;

    @PlanningEntityCollectionProperty
    public List<PlannedHearing> hearings;

    @PlanningScore
    public HardMediumSoftScore score;

    public HearingPlan() {
    }

    public HearingPlan(List<PlanSlot> slots, List<PlanVenue> venues, List<PlannedHearing> hearings) {
        this.slots = slots;
        this.venues = venues;
        this.hearings = hearings;
    }
}
