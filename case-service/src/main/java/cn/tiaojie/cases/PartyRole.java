package cn.tiaojie.cases;

public enum PartyRole {
    APPLICANT, RESPONDENT, THIRD_PARTY
}
