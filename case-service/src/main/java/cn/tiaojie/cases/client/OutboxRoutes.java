package cn.tiaojie.cases.client;

import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.scheduling.v1.HearingRecord;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.outbox.OutboxHandler;
import cn.tiaojie.platform.outbox.OutboxRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Every outbox topic of case-service and the client call that delivers it. */
@ApplicationScoped
public class OutboxRoutes {

    /** A filed case to mediator-service; once it has taken it the case is DISPATCHED (a write, hence its own transaction). */
    @Produces
    @Singleton
    OutboxHandler requestTeam(MediatorClient mediator, CaseLifecycle lifecycle) {
        return OutboxRoute.writing(CaseTopics.REQUEST_TEAM, TeamRequest::parseFrom, request ->
                lifecycle.markDispatched(UUID.fromString(request.getCaseId()),
                        mediator.requestTeam(request).getTeamId()));
    }

    /** The hearing of a case whose team is formed, to scheduling-service. */
    @Produces
    @Singleton
    OutboxHandler requestHearing(SchedulingClient scheduling) {
        return OutboxRoute.to(CaseTopics.REQUEST_HEARING, HearingRequest::parseFrom, scheduling::requestHearing);
    }

    /** A hearing held or not held, to scheduling-service, which closes it. */
    @Produces
    @Singleton
    OutboxHandler recordHearing(SchedulingClient scheduling) {
        return OutboxRoute.to(CaseTopics.RECORD_HEARING, HearingRecord::parseFrom, scheduling::recordHearing);
    }

    /** Notices to parties, staff, departments and supervisors, to notify-service. */
    @Produces
    @Singleton
    OutboxHandler sendNotice(NotifyClient notify) {
        return OutboxRoute.to(CaseTopics.SEND_NOTICE, NoticeRequest::parseFrom, notify::sendNotice);
    }
}
