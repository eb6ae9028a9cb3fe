package cn.tiaojie.mediator.model;

/** Why the weekly pattern does not apply for a while. */
public enum UnavailabilityKind {
    LEAVE, COURT_DAY, TRAINING, OTHER
}
