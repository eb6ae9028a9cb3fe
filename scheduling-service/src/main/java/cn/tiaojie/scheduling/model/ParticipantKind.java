package cn.tiaojie.scheduling.model;


public enum ParticipantKind {
    MEDIATOR,
    PARTY
}
