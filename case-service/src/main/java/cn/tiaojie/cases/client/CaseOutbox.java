package cn.tiaojie.cases.client;

import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.lifecycle.HearingArrangements;
import cn.tiaojie.cases.service.lifecycle.HearingRecord;
import cn.tiaojie.cases.service.lifecycle.TeamMember;
import cn.tiaojie.cases.service.notices.Notice;
import cn.tiaojie.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The messages case-service sends to the other services, built here and enqueued in the caller's transaction, so
 * each leaves exactly when the change that caused it commits ({@link OutboxRoutes} delivers them).
 */
@ApplicationScoped
public class CaseOutbox {

    private final Outbox outbox;
    private final CaseMessages messages;

    CaseOutbox(Outbox outbox, CaseMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Asks mediator-service for a team for a filed case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestTeam(DisputeCase c) {
        outbox.enqueue(CaseTopics.REQUEST_TEAM, messages.teamRequest(c));
    }

    /** Asks scheduling-service to book the earliest hearing that fits the team, held as arranged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestHearing(DisputeCase c, List<TeamMember> team, HearingArrangements arrangements) {
        outbox.enqueue(CaseTopics.REQUEST_HEARING, messages.hearingRequest(c, team, arrangements));
    }

    /** Tells scheduling-service the hearing was held or not, so it is closed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordHearing(DisputeCase c, HearingRecord record, Actor actor) {
        outbox.enqueue(CaseTopics.RECORD_HEARING, messages.hearingRecord(c, record, actor));
    }

    /** Hands a notice to notify-service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendNotice(Notice notice) {
        outbox.enqueue(CaseTopics.SEND_NOTICE, messages.noticeRequest(notice));
    }
}
