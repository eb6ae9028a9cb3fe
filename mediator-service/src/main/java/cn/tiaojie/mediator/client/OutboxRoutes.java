package cn.tiaojie.mediator.client;

import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.platform.outbox.OutboxHandler;
import cn.tiaojie.platform.outbox.OutboxRoute;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Every outbox topic of mediator-service and the client call that delivers it. */
@Singleton
public class OutboxRoutes {

    @Produces
    @Singleton
    OutboxHandler sendNotice(NotifyClient notify) {
        return OutboxRoute.to(MediatorTopics.SEND_NOTICE, NoticeRequest::parseFrom, notify::sendNotice);
    }

    @Produces
    @Singleton
    OutboxHandler recordTeamAssigned(CaseClient cases) {
        return OutboxRoute.to(MediatorTopics.RECORD_TEAM_ASSIGNED, TeamAssigned::parseFrom, cases::recordTeamAssigned);
    }
}
