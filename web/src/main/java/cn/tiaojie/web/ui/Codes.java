package cn.tiaojie.web.ui;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The codes the forms and filters offer, in the order a person reads them. */
@TemplateGlobal
public final class Codes {

    public static final List<String> caseStatuses = List.of("RECEIVED", "FILED", "REJECTED", "DISPATCHED",
            "TEAM_ASSIGNED", "HEARING_SCHEDULED", "IN_MEDIATION", "RESOLVED", "UNRESOLVED", "WITHDRAWN", "CLOSED");
    public static final List<String> slaStates = List.of("ON_TRACK", "DUE_SOON", "OVERDUE");
    public static final List<String> levels = List.of("GRID", "VILLAGE", "TOWNSHIP", "COUNTY");
    public static final List<String> channels = List.of("WALK_IN", "GRID_WORKER", "HOTLINE_12345", "MINI_PROGRAM", "ONLINE",
            "COURT_REFERRAL", "POLICE_REFERRAL", "PETITION_OFFICE", "DEPARTMENT_REFERRAL");
    /** the channels staff register by hand: an online application arrives only from the resident's own form */
    public static final List<String> registrationChannels = channels.stream().filter(c -> !c.equals("ONLINE")).toList();
    /** the channels whose disputes arrive with a referral source and number */
    public static final List<String> referralChannels = List.of("COURT_REFERRAL", "POLICE_REFERRAL",
            "PETITION_OFFICE", "DEPARTMENT_REFERRAL");
    public static final List<String> partyRoles = List.of("APPLICANT", "RESPONDENT", "THIRD_PARTY");
    public static final List<String> partyKinds = List.of("PERSON", "ORGANIZATION");
    public static final List<String> riskFlags = List.of("VIOLENCE_THREAT", "GROUP_DISPUTE", "PETITION_RISK");
    public static final List<String> vulnerableGroups = List.of("ELDERLY", "MINOR", "DISABLED");
    public static final List<String> noticeChannels = List.of("SMS", "EMAIL", "IN_APP");
    public static final List<String> referralRoutes = List.of("LITIGATION", "ARBITRATION", "ADMINISTRATIVE");
    public static final List<String> mediatorRoles = List.of("PEOPLE_MEDIATOR", "LAWYER", "POLICE_OFFICER", "JUDGE",
            "PROSECUTOR", "SOCIAL_WORKER", "COUNSELOR");
    public static final List<String> mediatorStatuses = List.of("ACTIVE", "ON_LEAVE", "SUSPENDED");
    public static final List<String> organizationKinds = List.of("MEDIATION_COMMITTEE", "LAW_FIRM", "LEGAL_AID_CENTER",
            "POLICE_STATION", "COURT", "PROCURATORATE", "SOCIAL_WORK_ORGANIZATION", "COUNSELING_CENTER", "OTHER");
    public static final List<String> venueKinds = List.of("ROOM", "ON_SITE");
    public static final List<String> followUpMethods = List.of("PHONE", "VISIT", "SMS", "VIDEO");

    /** A language a party may need the hearing in, by its language tag. */
    @TemplateData
    public record Language(String code, String name) {
    }

    public static final List<Language> languages = List.of(new Language("zh-CN", "普通话（中文）"),
            new Language("yue", "粤语"), new Language("bo", "藏语"), new Language("ug", "维吾尔语"),
            new Language("mn", "蒙古语"), new Language("za", "壮语"), new Language("ii", "彝语"),
            new Language("en", "英语"));

    private Codes() {
    }
}
