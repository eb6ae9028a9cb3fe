package cn.tiaojie.cases.model;

public enum PartyKind {
    PERSON, ORGANIZATION
}
