package cn.tiaojie.cases.model;

/** Parties who need particular care at hearings and in notices. */
public enum VulnerableGroup {
    ELDERLY, MINOR, DISABLED
}
