package cn.tiaojie.cases.model;

import java.util.EnumSet;
import java.util.Set;

/** The case lifecycle, 受理 to 结案. Each status lists the statuses an action may move it to. */
public enum CaseStatus {
    RECEIVED, FILED, REJECTED, DISPATCHED, TEAM_ASSIGNED, HEARING_SCHEDULED, IN_MEDIATION,
    RESOLVED, UNRESOLVED, WITHDRAWN, CLOSED;

    private static final Set<CaseStatus> OUTCOMES = EnumSet.of(RESOLVED, UNRESOLVED, WITHDRAWN);

    public Set<CaseStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(FILED, REJECTED, WITHDRAWN);
            case FILED -> EnumSet.of(DISPATCHED, WITHDRAWN);
            case DISPATCHED -> EnumSet.of(TEAM_ASSIGNED, WITHDRAWN);
            case TEAM_ASSIGNED -> EnumSet.of(HEARING_SCHEDULED, WITHDRAWN);
            // back to TEAM_ASSIGNED when scheduling-service cancels the hearing
            case HEARING_SCHEDULED -> EnumSet.of(IN_MEDIATION, HEARING_SCHEDULED, TEAM_ASSIGNED, WITHDRAWN);
            case IN_MEDIATION -> EnumSet.of(RESOLVED, UNRESOLVED, WITHDRAWN, HEARING_SCHEDULED);
            case RESOLVED, UNRESOLVED, WITHDRAWN, REJECTED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** An outcome of the mediation: RESOLVED, UNRESOLVED or WITHDRAWN (a rejection is none). */
    public boolean isOutcome() {
        return OUTCOMES.contains(this);
    }

    public boolean isOpen() {
        return !OUTCOMES.contains(this) && this != REJECTED && this != CLOSED;
    }
}
