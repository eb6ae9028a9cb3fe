package cn.tiaojie.cases.service.notices;

import cn.tiaojie.cases.client.CaseOutbox;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Center;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.PartyRole;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.platform.notice.NoticeChannels;
import cn.tiaojie.platform.reference.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Notices to the parties and to the center's staff, through notify-service by way of the outbox, so each leaves
 * exactly when the change that caused it commits: the outcome of the mediation (调解结果通知) to every party, with an
 * agreement's terms, amount, performance deadline and judicial-confirmation window; on closing, the invitation to
 * rate the service (服务评价邀请), whose link opens the rating form; and the reminders an agreement gives rise to.
 */
@ApplicationScoped
public class CaseNotices {

    private final CaseOutbox outbox;
    private final PersonalData personalData;

    CaseNotices(CaseOutbox outbox, PersonalData personalData) {
        this.outbox = outbox;
        this.personalData = personalData;
    }

    /** 调解结果通知: one per party, keyed by the case and the outcome so that a repeat sends nothing more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outcome(DisputeCase c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("outcome", c.outcome.name());
        if (c.agreementTerms != null) {
            fields.put("agreementTerms", c.agreementTerms);
        }
        if (c.agreementAmount != null) {
            fields.put("agreementAmount", c.agreementAmount.toPlainString());
        }
        if (c.performanceDeadline != null) {
            fields.put("performanceDeadline", c.performanceDeadline.toString());
        }
        if (c.judicialConfirmationDue != null) {
            fields.put("judicialConfirmationDue", c.judicialConfirmationDue.toString());
        }
        if (c.referralRoute != null) {
            fields.put("referralRoute", c.referralRoute.name());
        }
        if (c.outcomeReason != null) {
            fields.put("reason", c.outcomeReason);
        }
        toEveryParty(c, NoticeKind.OUTCOME, "outcome:" + c.outcome, fields);
    }

    /** 服务评价邀请: one per party when the case closes; the notice's link opens the rating form. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluationInvitation(DisputeCase c) {
        toEveryParty(c, NoticeKind.EVALUATION_INVITATION, "evaluation", Map.of());
    }

    /** 司法确认期限提醒: to each applicant and to the center's staff, {@code lead} before the window closes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void judicialConfirmationReminder(DisputeCase c, Duration lead) {
        String key = "judicial-confirmation:" + c.judicialConfirmationDue + ":" + lead;
        Map<String, String> fields = agreementFields(c, Map.of("judicialConfirmationDue",
                c.judicialConfirmationDue.toString()));
        toParties(c, party -> PartyRole.APPLICANT.name().equals(party.role), NoticeKind.JUDICIAL_CONFIRMATION_REMINDER,
                key, fields);
        toStaff(c, NoticeKind.JUDICIAL_CONFIRMATION_REMINDER, key, fields);
    }

    /** 协议履行提醒: to every party, {@code lead} before the agreement is to be performed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void performanceReminder(DisputeCase c, Duration lead) {
        toEveryParty(c, NoticeKind.PERFORMANCE_REMINDER, "performance:" + c.performanceDeadline + ":" + lead,
                agreementFields(c, Map.of("performanceDeadline", c.performanceDeadline.toString())));
    }

    /** 回访提醒: to the center's staff once the performance deadline has passed; the follow-up is due by the step's deadline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followUpDue(DisputeCase c) {
        toStaff(c, NoticeKind.FOLLOW_UP_DUE, "follow-up:" + c.performanceDeadline, agreementFields(c, Map.of(
                "performanceDeadline", c.performanceDeadline.toString(), "deadline", c.stepDeadline.toString())));
    }

    /**
     * 吹哨报到通知 to the department's duty phone and e-mail: the case, what it is about, the deadline and the note;
     * its link answers. Sent again, marked as a reminder, when the deadline passes unanswered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void summons(DisputeCase c, Summons s, Taxonomy.Department department, boolean overdue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("summonsId", s.id.toString());
        fields.put("department", department.nameZh());
        fields.put("summary", c.summary);
        fields.put("deadline", s.deadline.toString());
        if (s.requestNote != null) {
            fields.put("message", s.requestNote);
        }
        if (overdue) {
            fields.put("reminder", "SUMMONS_OVERDUE");
        }
        List<NoticeChannel> channels = NoticeChannels.forParty(List.of(), department.dutyPhone(), department.email())
                .stream().map(NoticeChannel::valueOf).toList();
        outbox.sendNotice(new Notice("summons:" + s.id + (overdue ? ":overdue" : ""), NoticeKind.DEPARTMENT_SUMMONS,
                c.id.toString(), c.caseNo, new Notice.Recipient(RecipientKind.DEPARTMENT, "department:" + department.code(),
                        department.nameZh(), department.dutyPhone(), department.email(), "zh-CN", channels),
                fields, c.urgent));
    }

    /** A notice to the case's applicants, keyed by the case and {@code key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toApplicants(DisputeCase c, NoticeKind kind, String key, Map<String, String> fields) {
        toParties(c, party -> PartyRole.APPLICANT.name().equals(party.role), kind, key, fields);
    }

    private static Map<String, String> agreementFields(DisputeCase c, Map<String, String> dates) {
        Map<String, String> fields = new LinkedHashMap<>(dates);
        if (c.agreementTerms != null) {
            fields.put("agreementTerms", c.agreementTerms);
        }
        return fields;
    }

    private void toEveryParty(DisputeCase c, NoticeKind kind, String key, Map<String, String> fields) {
        toParties(c, party -> true, kind, key, fields);
    }

    private void toParties(DisputeCase c, Predicate<Party> which, NoticeKind kind, String key,
            Map<String, String> fields) {
        for (Party party : c.parties.stream().filter(which).toList()) {
            outbox.sendNotice(new Notice("case:" + c.id + ":" + key + ":" + party.id, kind, c.id.toString(), c.caseNo,
                    recipient(party), fields, false));
        }
    }

    /** The staff of the case's center, in their notices list (staff have no personal inbox). */
    private void toStaff(DisputeCase c, NoticeKind kind, String key, Map<String, String> fields) {
        Center center = Center.findById(c.centerCode);
        outbox.sendNotice(new Notice("case:" + c.id + ":" + key + ":center", kind, c.id.toString(), c.caseNo,
                new Notice.Recipient(RecipientKind.STAFF, "center:" + c.centerCode,
                        center == null ? c.centerCode : center.name, null, null, "zh-CN", List.of(NoticeChannel.IN_APP)),
                fields, false));
    }

    /** The party as notify-service reaches them, by the suite's one rule for a party's channels; the phone opened. */
    private Notice.Recipient recipient(Party party) {
        String phone = personalData.phone(party);
        List<NoticeChannel> channels = NoticeChannels.forParty(party.preferredChannelList(), phone, party.email)
                .stream().map(NoticeChannel::valueOf).toList();
        return new Notice.Recipient(RecipientKind.PARTY, party.id.toString(), party.name, phone, party.email,
                party.language, channels);
    }
}
