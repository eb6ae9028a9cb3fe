package cn.tiaojie.mediator.service.matching;

/** The hard rules, in the order they are tried; every excluded mediator carries the first one that fired. */
public enum Rule {
    NOT_ACTIVE, ALREADY_OFFERED, STRUCK_BY_PARTY, DECLARED_RELATION, FORMER_CLIENT, EARLIER_INVOLVEMENT,
    OWN_ORGANIZATION, UNAVAILABLE, AT_CAPACITY
}
