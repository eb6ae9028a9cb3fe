package cn.tiaojie.cases.service.supervision;

import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.cases.client.CaseOutbox;
import cn.tiaojie.cases.service.notices.Notice;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Alerts the supervisors (督办) of a jurisdiction through notify-service, by way of the outbox so an alert leaves
 * exactly when the change that caused it commits. The recipient is the jurisdiction: the area at the case's level.
 */
@ApplicationScoped
public class SupervisorAlerts {

    private final CaseOutbox outbox;

    SupervisorAlerts(CaseOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void escalated(DisputeCase c, AreaLevel from, String reason) {
        send(c, NoticeKind.ESCALATION_ALERT, "case:" + c.id + ":escalated:" + c.level, Map.of(
                "fromLevel", from.name(), "toLevel", c.level.name(), "reason", reason,
                "subcategory", c.subcategory));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void overdue(DisputeCase c, String kind) {
        send(c, NoticeKind.OVERDUE_ALERT, "case:" + c.id + ":" + c.step + ":" + kind, Map.of(
                "step", String.valueOf(c.step), "stepDeadline", String.valueOf(c.stepDeadline),
                "reminder", kind, "level", c.level.name()));
    }

    /** A department did not report by its summons' deadline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void summonsOverdue(DisputeCase c, Summons s) {
        send(c, NoticeKind.OVERDUE_ALERT, "summons:" + s.id + ":overdue", Map.of(
                "reminder", "SUMMONS_OVERDUE", "summons", s.id.toString(), "department", s.department,
                "deadline", String.valueOf(s.deadline), "level", c.level.name()));
    }

    private void send(DisputeCase c, NoticeKind kind, String key, Map<String, String> fields) {
        String jurisdiction = jurisdictionOf(c.areaCode, c.level);
        outbox.sendNotice(new Notice(key, kind, c.id.toString(), c.caseNo, new Notice.Recipient(
                RecipientKind.SUPERVISOR, "area:" + jurisdiction, "督办 " + c.level + " " + jurisdiction, null, null,
                null, List.of(NoticeChannel.IN_APP)), fields, c.urgent || kind == NoticeKind.ESCALATION_ALERT));
    }

    /** The area whose supervisors watch a case at {@code level}: the ancestor of its area at that level. */
    public static String jurisdictionOf(String areaCode, AreaLevel level) {
        return AreaCodes.ancestorAt(areaCode, level == AreaLevel.GRID ? AreaLevel.GRID : level);
    }
}
