package cn.tiaojie.cases.model;

/** How the current step stands against its deadline, as the supervision run last found it. */
public enum SlaState {
    ON_TRACK, DUE_SOON, OVERDUE
}
