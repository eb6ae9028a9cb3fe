package cn.tiaojie.scheduling.client;

import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.platform.outbox.OutboxHandler;
import cn.tiaojie.platform.outbox.OutboxRoute;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Where each outbox topic of scheduling-service goes: one call of a client per topic. */
public class OutboxRoutes {

    /** case-service learns that its case's hearing is booked or moved (排期). */
    @Produces
    @Singleton
    OutboxHandler recordHearingScheduled(CaseClient cases) {
        return OutboxRoute.to(SchedulingTopics.RECORD_HEARING_SCHEDULED, HearingScheduled::parseFrom,
                cases::recordHearingScheduled);
    }

    /** case-service learns that its case's hearing is cancelled, so the case waits for a new one. */
    @Produces
    @Singleton
    OutboxHandler recordHearingCancelled(CaseClient cases) {
        return OutboxRoute.to(SchedulingTopics.RECORD_HEARING_CANCELLED, HearingCancelled::parseFrom,
                cases::recordHearingCancelled);
    }

    /** notify-service sends a hearing notice on the recipient's channels. */
    @Produces
    @Singleton
    OutboxHandler sendNotice(NotifyClient notify) {
        return OutboxRoute.to(SchedulingTopics.SEND_NOTICE, NoticeRequest::parseFrom, notify::sendNotice);
    }
}
