package cn.tiaojie.cases.model;

/** A summoned department's answer: still awaited, reported (报到), or declined with a reason. */
public enum SummonsStatus {
    REQUESTED, REPORTED, DECLINED
}
