package cn.tiaojie.cases;

public enum PartyKind {
    PERSON, ORGANIZATION
}
