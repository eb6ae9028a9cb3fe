package cn.tiaojie.scheduling;

public enum ParticipantKind {
    MEDIATOR,
    PARTY
}
