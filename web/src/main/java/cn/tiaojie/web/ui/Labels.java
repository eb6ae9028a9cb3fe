package cn.tiaojie.web.ui;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/**
 * The glossary's Chinese words for the codes the services answer with, for the templates: {@code {zh:status(c.status)}}.
 * A code without a word is shown as it is, so a new code is visible rather than blank.
 */
@TemplateExtension(namespace = "zh")
public final class Labels {

    static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("RECEIVED", "受理"), Map.entry("FILED", "立案"), Map.entry("REJECTED", "不予受理"),
            Map.entry("DISPATCHED", "派遣"), Map.entry("TEAM_ASSIGNED", "组庭"),
            Map.entry("HEARING_SCHEDULED", "排期"), Map.entry("IN_MEDIATION", "调解中"),
            Map.entry("RESOLVED", "调解成功"), Map.entry("UNRESOLVED", "调解不成"), Map.entry("WITHDRAWN", "撤回"),
            Map.entry("CLOSED", "结案"));

    static final Map<String, String> LEVEL = Map.of("GRID", "网格", "VILLAGE", "村/社区", "TOWNSHIP", "乡镇/街道",
            "COUNTY", "县/区");

    static final Map<String, String> CHANNEL = Map.of("WALK_IN", "来访", "GRID_WORKER", "网格员上报",
            "HOTLINE_12345", "12345 热线", "MINI_PROGRAM", "小程序", "ONLINE", "网上申请", "COURT_REFERRAL", "法院诉前委派",
            "POLICE_REFERRAL", "公安 110 转办", "PETITION_OFFICE", "信访转办", "DEPARTMENT_REFERRAL", "部门转办");

    static final Map<String, String> SLA = Map.of("ON_TRACK", "正常", "DUE_SOON", "即将到期", "OVERDUE", "已超期");

    static final Map<String, String> STEP = Map.of("FILE", "立案", "DISPATCH", "派遣组庭", "HEARING", "排期",
            "RESOLUTION", "调解结案", "FOLLOW_UP", "回访");

    static final Map<String, String> ROLE = Map.of("POLICE_OFFICER", "警官", "JUDGE", "法官", "PROSECUTOR", "检察官",
            "LAWYER", "律师", "SOCIAL_WORKER", "社工师", "COUNSELOR", "心理咨询师", "PEOPLE_MEDIATOR", "人民调解员");

    static final Map<String, String> PARTY_ROLE = Map.of("APPLICANT", "申请人", "RESPONDENT", "被申请人",
            "THIRD_PARTY", "第三人");

    static final Map<String, String> PARTY_KIND = Map.of("PERSON", "自然人", "ORGANIZATION", "单位");

    static final Map<String, String> RISK = Map.of("VIOLENCE_THREAT", "有暴力倾向", "GROUP_DISPUTE", "群体性纠纷",
            "PETITION_RISK", "有信访风险");

    static final Map<String, String> VULNERABLE = Map.of("ELDERLY", "老年人", "MINOR", "未成年人", "DISABLED", "残疾人");

    static final Map<String, String> NOTICE_CHANNEL = Map.of("SMS", "短信", "EMAIL", "电子邮件", "IN_APP", "站内消息",
            "PAPER", "纸质送达");

    static final Map<String, String> DELIVERY_STATE = Map.ofEntries(Map.entry("QUEUED", "待发送"),
            Map.entry("SENDING", "发送中"), Map.entry("SENT", "已发送"), Map.entry("DELIVERED", "已送达"),
            Map.entry("ACKNOWLEDGED", "已确认收到"), Map.entry("FAILED", "发送失败"));

    static final Map<String, String> NOTICE_KIND = Map.ofEntries(Map.entry("ASSIGNMENT_OFFER", "指派通知"),
            Map.entry("HEARING_NOTICE", "调解通知书"), Map.entry("HEARING_REMINDER", "调解会提醒"),
            Map.entry("HEARING_RESCHEDULED", "调解会改期通知"), Map.entry("HEARING_CANCELLED", "调解会取消通知"),
            Map.entry("OVERDUE_ALERT", "超期督办提醒"), Map.entry("ESCALATION_ALERT", "提级督办提醒"),
            Map.entry("OUTCOME", "调解结果通知"), Map.entry("EVALUATION_INVITATION", "评价邀请"),
            Map.entry("JUDICIAL_CONFIRMATION_REMINDER", "司法确认期限提醒"),
            Map.entry("PERFORMANCE_REMINDER", "协议履行提醒"), Map.entry("FOLLOW_UP_DUE", "回访提醒"),
            Map.entry("DEPARTMENT_SUMMONS", "吹哨报到通知"), Map.entry("ONE_TIME_CODE", "验证码"),
            Map.entry("APPLICATION_RECEIVED", "网上申请已收到"), Map.entry("APPLICATION_FILED", "调解申请已立案"),
            Map.entry("APPLICATION_REJECTED", "调解申请不予受理"));

    static final Map<String, String> OFFER_STATUS = Map.of("OFFERED", "待答复", "ACCEPTED", "已接受", "DECLINED", "已谢绝",
            "EXPIRED", "已过期", "WITHDRAWN", "已撤回");

    static final Map<String, String> HEARING_STATUS = Map.of("BOOKED", "已排定", "RESCHEDULED", "已改期",
            "CANCELLED", "已取消", "HELD", "已召开");

    static final Map<String, String> TEAM_STATUS = Map.of("FORMING", "组庭中", "FORMED", "已组庭",
            "NEEDS_MANUAL_ASSIGNMENT", "待人工指派");

    static final Map<String, String> UNAVAILABILITY_KIND = Map.of("LEAVE", "请假", "COURT_DAY", "出庭",
            "TRAINING", "培训", "OTHER", "其他");

    static final Map<String, String> WEEKDAY = Map.of("MONDAY", "周一", "TUESDAY", "周二", "WEDNESDAY", "周三",
            "THURSDAY", "周四", "FRIDAY", "周五", "SATURDAY", "周六", "SUNDAY", "周日");

    static final Map<String, String> SUMMONS_STATUS = Map.of("REQUESTED", "待报到", "REPORTED", "已报到",
            "DECLINED", "不予报到");

    static final Map<String, String> REFERRAL_ROUTE = Map.of("LITIGATION", "引导诉讼", "ARBITRATION", "引导仲裁",
            "ADMINISTRATIVE", "行政处理");

    static final Map<String, String> FOLLOW_UP_METHOD = Map.of("PHONE", "电话回访", "VISIT", "上门回访", "SMS", "短信回访",
            "VIDEO", "视频回访");

    static final Map<String, String> EVENT = Map.ofEntries(Map.entry("RECEIVED", "受理登记"), Map.entry("FILED", "立案"),
            Map.entry("REJECTED", "不予受理"), Map.entry("DISPATCHED", "派遣"), Map.entry("TEAM_ASSIGNED", "组庭"),
            Map.entry("HEARING_SCHEDULED", "排期"), Map.entry("IN_MEDIATION", "开始调解"),
            Map.entry("RESOLVED", "调解成功"), Map.entry("UNRESOLVED", "调解不成"), Map.entry("WITHDRAWN", "撤回"),
            Map.entry("CLOSED", "结案"), Map.entry("ESCALATED", "提级处理"), Map.entry("NOTICE_ACKNOWLEDGED", "当事人确认收到通知"),
            Map.entry("SUMMONED", "吹哨报到"), Map.entry("SUMMONS_REPORTED", "部门报到"),
            Map.entry("SUMMONS_DECLINED", "部门不予报到"), Map.entry("SUMMONS_OVERDUE", "部门报到超期"),
            Map.entry("SUMMONS_REMINDED", "提醒部门报到"), Map.entry("FOLLOW_UP_DUE", "待回访"),
            Map.entry("HEARING_CANCELLED", "调解会取消"), Map.entry("HEARING_REQUESTED", "申请排期"),
            Map.entry("FOLLOWED_UP", "回访"), Map.entry("RATED", "当事人评价"),
            Map.entry("JUDICIAL_CONFIRMATION_APPLIED", "申请司法确认"));

    static final Map<String, String> MEDIATOR_STATUS = Map.of("ACTIVE", "在册可指派", "ON_LEAVE", "休假中",
            "SUSPENDED", "已暂停");

    static final Map<String, String> ORGANIZATION_KIND = Map.of("POLICE_STATION", "派出所", "COURT", "法院",
            "PROCURATORATE", "检察院", "LAW_FIRM", "律师事务所", "SOCIAL_WORK_ORGANIZATION", "社工机构",
            "COUNSELING_CENTER", "心理咨询机构", "MEDIATION_COMMITTEE", "人民调解委员会", "LEGAL_AID_CENTER", "法律援助中心",
            "OTHER", "其他");

    static final Map<String, String> RULE_SOURCE = Map.of("TAXONOMY", "默认规则", "CATEGORY", "按类别设定",
            "SUBCATEGORY", "按子类别设定", "RISK_FLAG", "按风险标记设定");

    /** why matching left a mediator out of a ranking */
    static final Map<String, String> EXCLUSION = Map.of("NOT_ACTIVE", "不在册（休假或暂停）", "ALREADY_OFFERED",
            "已邀约过本案", "STRUCK_BY_PARTY", "当事人已划去", "DECLARED_RELATION", "申报了与当事人的关系",
            "FORMER_CLIENT", "当事人是其原委托人", "EARLIER_INVOLVEMENT", "曾办理同一当事人的案件（回避）",
            "OWN_ORGANIZATION", "当事人是其所在单位", "UNAVAILABLE", "期限内没有可安排的时间", "AT_CAPACITY", "手头案件已满");

    static final Map<String, String> VENUE_KIND = Map.of("ROOM", "调解室", "ON_SITE", "驻点场所（屋场夜话）");

    private Labels() {
    }

    public static String status(Object code) {
        return word(STATUS, code);
    }

    public static String level(Object code) {
        return word(LEVEL, code);
    }

    public static String channel(Object code) {
        return word(CHANNEL, code);
    }

    public static String sla(Object code) {
        return word(SLA, code);
    }

    public static String step(Object code) {
        return word(STEP, code);
    }

    public static String role(Object code) {
        return word(ROLE, code);
    }

    public static String partyRole(Object code) {
        return word(PARTY_ROLE, code);
    }

    public static String partyKind(Object code) {
        return word(PARTY_KIND, code);
    }

    public static String risk(Object code) {
        return word(RISK, code);
    }

    public static String vulnerable(Object code) {
        return word(VULNERABLE, code);
    }

    public static String noticeChannel(Object code) {
        return word(NOTICE_CHANNEL, code);
    }

    public static String deliveryState(Object code) {
        return word(DELIVERY_STATE, code);
    }

    public static String noticeKind(Object code) {
        return word(NOTICE_KIND, code);
    }

    public static String offerStatus(Object code) {
        return word(OFFER_STATUS, code);
    }

    public static String hearingStatus(Object code) {
        return word(HEARING_STATUS, code);
    }

    public static String teamStatus(Object code) {
        return word(TEAM_STATUS, code);
    }

    public static String unavailabilityKind(Object code) {
        return word(UNAVAILABILITY_KIND, code);
    }

    public static String weekday(Object code) {
        return word(WEEKDAY, code);
    }

    public static String summonsStatus(Object code) {
        return word(SUMMONS_STATUS, code);
    }

    public static String referralRoute(Object code) {
        return word(REFERRAL_ROUTE, code);
    }

    public static String followUpMethod(Object code) {
        return word(FOLLOW_UP_METHOD, code);
    }

    /** A timeline entry's type; supervision's reminders and escalations carry the step they are about. */
    public static String event(Object code) {
        String type = code == null ? "" : code.toString();
        if (type.startsWith("REMIND_")) {
            return "督办提醒";
        }
        if (type.startsWith("SUPERVISION_")) {
            return "督办";
        }
        return word(EVENT, type);
    }

    public static String mediatorStatus(Object code) {
        return word(MEDIATOR_STATUS, code);
    }

    public static String organizationKind(Object code) {
        return word(ORGANIZATION_KIND, code);
    }

    public static String ruleSource(Object code) {
        return word(RULE_SOURCE, code);
    }

    public static String exclusion(Object code) {
        return word(EXCLUSION, code);
    }

    /** A language tag as a person names it; a tag the lists do not know is shown as it is. */
    public static String language(Object tag) {
        String code = tag == null ? "" : tag.toString();
        return Codes.languages.stream().filter(l -> l.code().equals(code)).map(Codes.Language::name).findFirst()
                .orElse(code);
    }

    public static String venueKind(Object code) {
        return word(VENUE_KIND, code);
    }

    public static String yesNo(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)) ? "是" : "否";
    }

    static String word(Map<String, String> words, Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        return words.getOrDefault(key, key);
    }
}
