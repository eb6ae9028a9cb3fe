package cn.tiaojie.cases.model;

import cn.tiaojie.platform.reference.Taxonomy;

/**
 * The timed steps of a case, each with its SLA from the taxonomy: 立案, 派遣, 排期, 化解; and after an agreement's
 * performance deadline, 回访 (follow-up), timed from that deadline by {@code tiaojie.cases.follow-up-within}.
 */
public enum Step {
    FILE, DISPATCH, HEARING, RESOLUTION, FOLLOW_UP;

    /** The step a case in {@code status} is in; null once it has an outcome. */
    public static Step of(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> FILE;
            case FILED -> DISPATCH;
            case DISPATCHED, TEAM_ASSIGNED -> HEARING;
            case HEARING_SCHEDULED, IN_MEDIATION -> RESOLUTION;
            default -> null;
        };
    }

    public int slaHours(Taxonomy.SlaHours sla) {
        return switch (this) {
            case FILE -> sla.file();
            case DISPATCH -> sla.dispatch();
            case HEARING -> sla.hearing();
            case RESOLUTION -> sla.resolution();
            case FOLLOW_UP -> throw new IllegalArgumentException("回访 is timed from the performance deadline");
        };
    }
}
