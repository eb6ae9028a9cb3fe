package cn.tiaojie.mediator.model;

/** The kind of organisation a member of the pool works for. */
public enum OrganizationKind {
    POLICE_STATION, COURT, PROCURATORATE, LAW_FIRM, SOCIAL_WORK_ORGANIZATION, COUNSELING_CENTER,
    MEDIATION_COMMITTEE, LEGAL_AID_CENTER, OTHER
}
