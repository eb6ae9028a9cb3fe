package cn.tiaojie.mediator.model;

/** Where a team stands; the same names as the wire enum tiaojie.mediator.v1.TeamStatus. */
public enum TeamStatus {
    /** every required role has an open offer or an accepted place */
    FORMING,
    /** every required role has accepted */
    FORMED,
    /** some required role has no candidate left: staff must pick someone */
    NEEDS_MANUAL_ASSIGNMENT
}
