package cn.tiaojie.platform.security;

/** Token claims beyond the standard ones, and the role names. */
public final class Claims {

    public static final String CENTER = "center";
    public static final String AREA = "area";
    public static final String MEDIATOR_ID = "mediatorId";
    public static final String CASE_ID = "caseId";
    public static final String PARTY_ID = "partyId";

    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String MEDIATOR = "mediator";
    public static final String RESIDENT = "resident";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    private Claims() {
    }
}
