package cn.tiaojie.cases.model;

public enum PartyRole {
    APPLICANT, RESPONDENT, THIRD_PARTY
}
