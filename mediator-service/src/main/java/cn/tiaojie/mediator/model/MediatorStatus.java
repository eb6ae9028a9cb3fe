package cn.tiaojie.mediator.model;

/** Whether a member of the pool can be offered cases: only ACTIVE ones are. */
public enum MediatorStatus {
    ACTIVE, ON_LEAVE, SUSPENDED
}
