package cn.tiaojie.cases;

/** Where an unresolved dispute goes next. */
public enum ReferralRoute {
    LITIGATION, ARBITRATION, ADMINISTRATIVE
}
