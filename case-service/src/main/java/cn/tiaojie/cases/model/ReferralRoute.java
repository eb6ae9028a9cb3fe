package cn.tiaojie.cases.model;

/** Where an unresolved dispute goes next. */
public enum ReferralRoute {
    LITIGATION, ARBITRATION, ADMINISTRATIVE
}
