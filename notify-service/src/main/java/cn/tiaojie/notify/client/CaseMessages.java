package cn.tiaojie.notify.client;

import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.NoticeRating;
import cn.tiaojie.notify.model.SummonsAnswer;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What notify-service tells case-service, written to the outbox inside the caller's transaction: each message is
 * built here from the service's own types, and {@link OutboxRoutes} relays it to {@link CaseClient}.
 */
@ApplicationScoped
public class CaseMessages {

    public static final String CASE_NOTICE_ACKNOWLEDGED = "case.notice-acknowledged";
    public static final String CASE_RATING_RECORDED = "case.rating-recorded";
    public static final String CASE_SUMMONS_ANSWERED = "case.summons-answered";

    private final Outbox outbox;

    CaseMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A party confirmed receipt of the notice (proof of service), through {@code channel} at {@code at}. */
    public void noticeAcknowledged(Notice notice, Channel channel, Instant at) {
        outbox.enqueue(CASE_NOTICE_ACKNOWLEDGED, NoticeAcknowledged.newBuilder()
                .setMessageId("notice-ack:" + notice.id)
                .setCaseId(notice.caseId)
                .setNoticeId(notice.id.toString())
                .setPartyId(notice.recipientId)
                .setAcknowledgedAt(ProtoTime.of(at))
                .setChannel(channel.toProto())
                .build());
    }

    /** The rating a party gave through the evaluation invitation {@code notice}. */
    public void ratingRecorded(Notice notice, NoticeRating rating) {
        outbox.enqueue(CASE_RATING_RECORDED, PartyRating.newBuilder()
                .setMessageId("notice-rating:" + notice.id)
                .setCaseId(notice.caseId)
                .setPartyId(notice.recipientId)
                .setNoticeId(notice.id.toString())
                .setScore(rating.score)
                .setComment(rating.comment == null ? "" : rating.comment)
                .setRatedAt(ProtoTime.of(rating.ratedAt))
                .build());
    }

    /** The answer a department gave on the page of its summons {@code notice}. */
    public void summonsAnswered(Notice notice, SummonsAnswer answer) {
        SummonsAnswered.Builder message = SummonsAnswered.newBuilder()
                .setMessageId("summons-answer:" + notice.id)
                .setCaseId(notice.caseId)
                .setSummonsId(notice.fields.get("summonsId"))
                .setResponse(answer.response)
                .setAttendee(answer.attendee == null ? "" : answer.attendee)
                .setNote(answer.note == null ? "" : answer.note)
                .setAnsweredAt(ProtoTime.of(answer.answeredAt));
        if (answer.arrivesAt != null) {
            message.setArrivesAt(ProtoTime.of(answer.arrivesAt));
        }
        outbox.enqueue(CASE_SUMMONS_ANSWERED, message.build());
    }
}
