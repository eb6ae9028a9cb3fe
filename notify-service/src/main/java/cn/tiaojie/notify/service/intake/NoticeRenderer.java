package cn.tiaojie.notify.service.intake;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.platform.reference.Taxonomy;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a notice's title and text from the Qute templates in templates/notices/ (zh-CN; English in
 * templates/notices/en/ for a recipient whose language is en): one per kind where the wording matters
 * (ASSIGNMENT_OFFER, HEARING_NOTICE), generic.txt for the others. Field values that are ISO-8601 instants are shown
 * in Asia/Shanghai time; a role code is shown by its Chinese name. The calendar text in {@code ics} is an
 * attachment, never shown.
 */
@ApplicationScoped
public class NoticeRenderer {

    public record Rendered(String title, String body) {
    }

    /** A labelled value of the generic template. */
    @TemplateData
    public record Detail(String label, String value) {
    }

    private record Wording(String title, String lead) {
    }

    public static final ZoneId LOCAL_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）HH:mm", Locale.CHINA);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** fields carried for attachments, not shown in the text */
    static final java.util.Set<String> HIDDEN = java.util.Set.of("ics", "summonsId", "code");

    private static final Map<NoticeKind, Wording> WORDING = Map.ofEntries(
            Map.entry(NoticeKind.ASSIGNMENT_OFFER, new Wording("案件指派邀请", "邀请您参加以下案件的调解。")),
            Map.entry(NoticeKind.HEARING_NOTICE, new Wording("调解通知书", "现定于下列时间、地点召开调解会。")),
            Map.entry(NoticeKind.HEARING_REMINDER, new Wording("调解会提醒", "您参加的调解会即将召开，请准时到场。")),
            Map.entry(NoticeKind.HEARING_RESCHEDULED, new Wording("调解会改期通知", "您参加的调解会时间或地点已变更，以本通知为准。")),
            Map.entry(NoticeKind.HEARING_CANCELLED, new Wording("调解会取消通知", "您参加的调解会已取消，后续安排另行通知。")),
            Map.entry(NoticeKind.OVERDUE_ALERT, new Wording("督办提醒", "以下案件的办理环节已超过时限，请尽快处理。")),
            Map.entry(NoticeKind.ESCALATION_ALERT, new Wording("案件升级提醒", "以下案件已升级办理层级，请关注督办。")),
            Map.entry(NoticeKind.OUTCOME, new Wording("调解结果通知", "您参与的纠纷调解已有结果，详情如下。")),
            Map.entry(NoticeKind.EVALUATION_INVITATION, new Wording("服务评价邀请", "感谢您参与调解，请对本次调解服务作出评价。")),
            Map.entry(NoticeKind.JUDICIAL_CONFIRMATION_REMINDER, new Wording("司法确认期限提醒", "调解协议申请司法确认的期限即将届满；如需申请，请在期限内携协议向人民法院提出。")),
            Map.entry(NoticeKind.PERFORMANCE_REMINDER, new Wording("协议履行提醒", "调解协议约定的履行期限即将到来，请按协议履行。")),
            Map.entry(NoticeKind.FOLLOW_UP_DUE, new Wording("回访提醒", "以下案件调解协议的履行期限已过，请回访当事人，了解协议履行情况并登记回访。")),
            Map.entry(NoticeKind.DEPARTMENT_SUMMONS, new Wording("吹哨报到通知", "请贵单位在报到期限前派员到调解中心报到，协同化解以下纠纷；如不能报到，请说明原因。")),
            Map.entry(NoticeKind.ONE_TIME_CODE, new Wording("验证码", "您正在网上申请调解，验证码已用短信发给您。")),
            Map.entry(NoticeKind.APPLICATION_RECEIVED, new Wording("网上申请已收到", "您的调解申请已收到。工作人员会尽快审核，审核结果会用短信告诉您。")),
            Map.entry(NoticeKind.APPLICATION_FILED, new Wording("调解申请已立案", "您的调解申请已被受理（立案）。调解中心会为您安排调解员和调解时间，届时会通知您。")),
            Map.entry(NoticeKind.APPLICATION_REJECTED, new Wording("调解申请不予受理", "很抱歉，您的调解申请不予受理，原因如下。如有疑问，请拨打调解中心电话。")));

    private static final Map<NoticeKind, Wording> WORDING_EN = Map.ofEntries(
            Map.entry(NoticeKind.ASSIGNMENT_OFFER, new Wording("Invitation to mediate", "You are invited to mediate the case below.")),
            Map.entry(NoticeKind.HEARING_NOTICE, new Wording("Notice of Mediation Hearing", "A mediation hearing has been arranged.")),
            Map.entry(NoticeKind.HEARING_REMINDER, new Wording("Hearing reminder", "Your mediation hearing is coming up; please be on time.")),
            Map.entry(NoticeKind.HEARING_RESCHEDULED, new Wording("Hearing rescheduled", "The time or venue of your hearing has changed; this notice replaces the earlier one.")),
            Map.entry(NoticeKind.HEARING_CANCELLED, new Wording("Hearing cancelled", "Your mediation hearing has been cancelled; you will be told what happens next.")),
            Map.entry(NoticeKind.OVERDUE_ALERT, new Wording("Overdue alert", "A step of the case below is past its deadline; please act on it.")),
            Map.entry(NoticeKind.ESCALATION_ALERT, new Wording("Escalation alert", "The case below has been escalated to a higher level.")),
            Map.entry(NoticeKind.OUTCOME, new Wording("Outcome of mediation", "The mediation of your dispute has an outcome.")),
            Map.entry(NoticeKind.EVALUATION_INVITATION, new Wording("Please rate our service", "Thank you for taking part; please rate the mediation service.")),
            Map.entry(NoticeKind.JUDICIAL_CONFIRMATION_REMINDER, new Wording("Judicial confirmation: deadline near", "The time to apply for judicial confirmation of your agreement ends soon; to apply, take the agreement to the people's court before then.")),
            Map.entry(NoticeKind.PERFORMANCE_REMINDER, new Wording("Agreement due", "The date by which the agreement is to be performed is near; please perform it as agreed.")),
            Map.entry(NoticeKind.FOLLOW_UP_DUE, new Wording("Follow-up due", "The agreement of the case below was due; please follow up with the parties and record it.")),
            Map.entry(NoticeKind.DEPARTMENT_SUMMONS, new Wording("Summons to a mediation", "Please send someone to the mediation center by the deadline to help settle the dispute below, or say why you cannot.")),
            Map.entry(NoticeKind.ONE_TIME_CODE, new Wording("Verification code", "You are applying for mediation online; your code was sent by SMS.")),
            Map.entry(NoticeKind.APPLICATION_RECEIVED, new Wording("Application received", "We have your application for mediation. Staff will review it and tell you the result by SMS.")),
            Map.entry(NoticeKind.APPLICATION_FILED, new Wording("Application accepted", "Your application has been accepted for mediation. The center will arrange mediators and a time and tell you.")),
            Map.entry(NoticeKind.APPLICATION_REJECTED, new Wording("Application not accepted", "We are sorry: your application was not accepted, for the reason below. Call the center with any question.")));

    /** Labels of the fields senders use; other fields are shown under their own key. */
    private static final Map<String, String> LABELS = labels();
    private static final Map<String, String> LABELS_EN = labelsEn();

    private final Engine engine;
    private final Taxonomy taxonomy;
    private final NoticeLinks links;

    NoticeRenderer(Engine engine, Taxonomy taxonomy, NoticeLinks links) {
        this.engine = engine;
        this.taxonomy = taxonomy;
        this.links = links;
    }

    public static boolean english(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
    }

    public Rendered render(NoticeKind kind, String caseNo, RecipientKind recipientKind, String recipientName,
            Map<String, String> fields, boolean urgent) {
        return render(kind, caseNo, recipientKind, recipientName, fields, urgent, null);
    }

    public Rendered render(NoticeKind kind, String caseNo, RecipientKind recipientKind, String recipientName,
            Map<String, String> fields, boolean urgent, String language) {
        boolean en = english(language);
        Wording wording = (en ? WORDING_EN : WORDING).get(kind);
        String title = en
                ? (urgent ? "[URGENT] " : "") + wording.title() + (isBlank(caseNo) ? "" : " (" + caseNo + ")")
                : (urgent ? "【加急】" : "") + wording.title() + (isBlank(caseNo) ? "" : "（" + caseNo + "）");
        Map<String, String> shown = shownFields(fields, en);
        String folder = en ? "notices/en/" : "notices/";
        Template template = engine.getTemplate(folder + kind.name());
        if (template == null) {
            template = engine.getTemplate(folder + "generic");
        }
        String offerId = fields.get("offerId");
        String body = template
                .data("title", wording.title())
                .data("lead", wording.lead())
                .data("caseNo", isBlank(caseNo) ? (en ? "(none)" : "（无）") : caseNo)
                .data("recipientName", isBlank(recipientName) ? null : recipientName)
                .data("toParty", recipientKind == RecipientKind.PARTY)
                .data("toDepartment", recipientKind == RecipientKind.DEPARTMENT)
                .data("role", roleName(shown.get("role")))
                .data("session", sessionWords(shown.get("session"), en))
                .data("fields", shown)
                .data("details", details(shown, en))
                .data("acceptUrl", isBlank(offerId) ? null : links.offerUrl(offerId, "accept"))
                .data("declineUrl", isBlank(offerId) ? null : links.offerUrl(offerId, "decline"))
                .data("issuedOn", en ? LocalDate.now(LOCAL_TIME).format(DATE_EN) : LocalDate.now(LOCAL_TIME).format(DATE))
                .render();
        return new Rendered(title, body.strip() + "\n");
    }

    /** The SMS text: title, time and place if any, and the link. */
    public String sms(NoticeKind kind, String caseNo, RecipientKind recipientKind, Map<String, String> fields,
            boolean urgent, String language, String link) {
        boolean en = english(language);
        Wording wording = (en ? WORDING_EN : WORDING).get(kind);
        Map<String, String> shown = shownFields(fields, en);
        String center = shown.getOrDefault("centerName", en ? "Mediation Center" : "矛盾纠纷调处化解中心");
        if (kind == NoticeKind.ONE_TIME_CODE) {
            return engine.getTemplate(en ? "sms/code-en" : "sms/code-zh").data("center", center)
                    .data("code", fields.get("code")).data("validMinutes", shown.getOrDefault("validMinutes", "5"))
                    .render().strip();
        }
        return engine.getTemplate(en ? "sms/en" : "sms/zh")
                .data("center", center)
                .data("title", (urgent ? (en ? "[URGENT] " : "【加急】") : "") + wording.title())
                .data("caseNo", isBlank(caseNo) ? null : caseNo)
                .data("startsAt", shown.get("startsAt"))
                .data("venueName", shown.get("venueName"))
                .data("session", sessionWords(shown.get("session"), en))
                .data("videoLink", shown.get("videoLink"))
                .data("interpreterLanguage", shown.get("interpreterLanguage"))
                .data("toParty", recipientKind == RecipientKind.PARTY)
                .data("toDepartment", recipientKind == RecipientKind.DEPARTMENT)
                .data("link", link)
                .render().strip();
    }

    private Map<String, String> shownFields(Map<String, String> fields, boolean en) {
        Map<String, String> shown = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (!isBlank(value) && !HIDDEN.contains(key)) {
                shown.put(key, en ? localTimeEn(value) : localTime(value));
            }
        });
        return shown;
    }

    static String localTimeEn(String value) {
        String zh = localTime(value);
        if (zh.equals(value)) {
            return value;
        }
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(LOCAL_TIME).format(TIME_EN) + " (Beijing time)";
        } catch (DateTimeParseException e) {
            return Instant.parse(value).atZone(LOCAL_TIME).format(TIME_EN) + " (Beijing time)";
        }
    }

    /** 2026-07-01T01:30:00Z → 2026年7月1日（星期三）09:30; anything else unchanged. */
    static String localTime(String value) {
        if (value.length() < 16 || !Character.isDigit(value.charAt(0)) || value.indexOf('T') != 10) {
            return value;
        }
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(LOCAL_TIME).format(TIME);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value).atZone(LOCAL_TIME).format(TIME);
            } catch (DateTimeParseException notAnInstant) {
                return value;
            }
        }
    }

    /** How a hearing is held (field {@code session}), in the recipient's words; null when it is a day hearing. */
    private static String sessionWords(String session, boolean en) {
        return session == null ? null : (en ? CODE_WORDS_EN : CODE_WORDS).getOrDefault("session." + session, session);
    }

    private String roleName(String role) {
        if (role == null) {
            return "调解员";
        }
        return taxonomy.document().roles().stream().filter(r -> r.code().equals(role)).map(Taxonomy.Named::nameZh)
                .findFirst().orElse(role);
    }

    private List<Detail> details(Map<String, String> shown, boolean en) {
        List<Detail> details = new ArrayList<>();
        shown.forEach((key, value) -> details.add(new Detail((en ? LABELS_EN : LABELS).getOrDefault(key, key),
                key.equals("role") ? roleName(value) : (en ? CODE_WORDS_EN : CODE_WORDS).getOrDefault(key + "." + value,
                        value))));
        return details;
    }

    /** The words of the codes a field may carry (field.CODE), as a party reads them. */
    private static final Map<String, String> CODE_WORDS = Map.ofEntries(
            Map.entry("session.EVENING_ON_SITE", "屋场夜话，晚上在村里召开"),
            Map.entry("session.ON_SITE", "在村里就近召开"),
            Map.entry("session.EVENING", "晚上召开"),
            Map.entry("outcome.RESOLVED", "调解成功，双方达成调解协议"),
            Map.entry("outcome.UNRESOLVED", "调解不成"),
            Map.entry("outcome.WITHDRAWN", "申请人撤回调解申请"),
            Map.entry("referralRoute.LITIGATION", "可依法向人民法院提起诉讼"),
            Map.entry("referralRoute.ARBITRATION", "可依法申请仲裁"),
            Map.entry("referralRoute.ADMINISTRATIVE", "由有关行政机关依法处理"),
            Map.entry("reminder.SUMMONS_OVERDUE", "报到期限已过，尚未收到贵单位答复"));
    private static final Map<String, String> CODE_WORDS_EN = Map.ofEntries(
            Map.entry("session.EVENING_ON_SITE", "an evening session in the village"),
            Map.entry("session.ON_SITE", "held in the village"),
            Map.entry("session.EVENING", "an evening session"),
            Map.entry("outcome.RESOLVED", "Resolved: the parties reached an agreement"),
            Map.entry("outcome.UNRESOLVED", "Not resolved"),
            Map.entry("outcome.WITHDRAWN", "Withdrawn by the applicant"),
            Map.entry("referralRoute.LITIGATION", "You may bring the case to court"),
            Map.entry("referralRoute.ARBITRATION", "You may apply for arbitration"),
            Map.entry("referralRoute.ADMINISTRATIVE", "The competent authority will handle it"),
            Map.entry("reminder.SUMMONS_OVERDUE", "The deadline has passed without your answer"));

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("centerName", "调解中心");
        labels.put("summary", "纠纷概要");
        labels.put("role", "角色");
        labels.put("startsAt", "时间");
        labels.put("endsAt", "结束时间");
        labels.put("venueName", "地点");
        labels.put("venueAddress", "地址");
        labels.put("team", "调解组成员");
        labels.put("previousStartsAt", "原定时间");
        labels.put("reason", "原因");
        labels.put("deadline", "办理期限");
        labels.put("department", "被召集单位");
        labels.put("level", "办理层级");
        labels.put("outcome", "调解结果");
        labels.put("agreementTerms", "协议内容");
        labels.put("agreementAmount", "协议金额（元）");
        labels.put("performanceDeadline", "履行期限");
        labels.put("judicialConfirmationDue", "可申请司法确认至");
        labels.put("referralRoute", "后续途径");
        labels.put("respondBy", "答复期限");
        labels.put("link", "链接");
        labels.put("contactPhone", "联系电话");
        labels.put("message", "说明");
        labels.put("reminder", "提醒");
        labels.put("session", "形式");
        labels.put("videoLink", "视频参会链接");
        labels.put("interpreterLanguage", "翻译语种");
        labels.put("validMinutes", "有效时间（分钟）");
        labels.put("channel", "申请方式");
        return Map.copyOf(labels);
    }

    private static Map<String, String> labelsEn() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("centerName", "Center");
        labels.put("summary", "Dispute");
        labels.put("role", "Role");
        labels.put("startsAt", "Time");
        labels.put("endsAt", "Ends");
        labels.put("venueName", "Venue");
        labels.put("venueAddress", "Address");
        labels.put("team", "Mediation team");
        labels.put("previousStartsAt", "Previously");
        labels.put("reason", "Reason");
        labels.put("deadline", "Deadline");
        labels.put("department", "Department summoned");
        labels.put("level", "Level");
        labels.put("outcome", "Outcome");
        labels.put("agreementTerms", "Agreement");
        labels.put("agreementAmount", "Amount (CNY)");
        labels.put("performanceDeadline", "To be performed by");
        labels.put("judicialConfirmationDue", "Judicial confirmation may be applied for until");
        labels.put("referralRoute", "Next step");
        labels.put("respondBy", "Respond by");
        labels.put("link", "Link");
        labels.put("contactPhone", "Phone");
        labels.put("message", "Note");
        labels.put("reminder", "Reminder");
        labels.put("session", "Held as");
        labels.put("videoLink", "Video link");
        labels.put("interpreterLanguage", "Interpreter");
        labels.put("validMinutes", "Valid for (minutes)");
        labels.put("channel", "Applied by");
        return Map.copyOf(labels);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
