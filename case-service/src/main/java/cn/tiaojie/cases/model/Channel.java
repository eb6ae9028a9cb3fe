package cn.tiaojie.cases.model;

/** Where a dispute came from (三源共治 and the rest). Referrals carry the referring body's reference number. */
public enum Channel {
    WALK_IN, GRID_WORKER, HOTLINE_12345, MINI_PROGRAM, COURT_REFERRAL, POLICE_REFERRAL, PETITION_OFFICE,
    DEPARTMENT_REFERRAL,
    /** 网上申请: a resident applied on the web form (or from a center's QR code), verified by an SMS code */
    ONLINE;

    public boolean isReferral() {
        return this == COURT_REFERRAL || this == POLICE_REFERRAL || this == PETITION_OFFICE
                || this == DEPARTMENT_REFERRAL;
    }
}
