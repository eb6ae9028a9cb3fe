package cn.tiaojie.notify.client;

import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.platform.outbox.OutboxHandler;
import cn.tiaojie.platform.outbox.OutboxRoute;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Every outbox topic of notify-service and the client call that delivers it. */
@Singleton
public class OutboxRoutes {

    /** A party confirmed receipt of a notice (proof of service). */
    @Produces
    @Singleton
    OutboxHandler noticeAcknowledged(CaseClient cases) {
        return OutboxRoute.to(CaseMessages.CASE_NOTICE_ACKNOWLEDGED, NoticeAcknowledged::parseFrom,
                cases::recordNoticeAcknowledged);
    }

    /** The rating a party gave through their evaluation invitation. */
    @Produces
    @Singleton
    OutboxHandler ratingRecorded(CaseClient cases) {
        return OutboxRoute.to(CaseMessages.CASE_RATING_RECORDED, PartyRating::parseFrom, cases::recordRating);
    }

    /** The answer a department gave on the page of its summons. */
    @Produces
    @Singleton
    OutboxHandler summonsAnswered(CaseClient cases) {
        return OutboxRoute.to(CaseMessages.CASE_SUMMONS_ANSWERED, SummonsAnswered::parseFrom,
                cases::recordSummonsAnswer);
    }
}
