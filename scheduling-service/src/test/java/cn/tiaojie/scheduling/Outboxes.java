package cn.tiaojie.scheduling;

import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.platform.outbox.OutboxMessage;
import cn.tiaojie.scheduling.client.SchedulingTopics;
import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** The messages the service left for other services (the relay is off in tests). */
public final class Outboxes {

    private Outboxes() {
    }

    public static List<NoticeRequest> notices(String caseNo, NoticeKind kind) {
        return messages(SchedulingTopics.SEND_NOTICE).stream().map(Outboxes::notice)
                .filter(n -> n.getCaseNo().equals(caseNo) && n.getKind() == kind).toList();
    }

    public static List<HearingScheduled> scheduled(String hearingId) {
        return messages(SchedulingTopics.RECORD_HEARING_SCHEDULED).stream().map(m -> {
            try {
                return HearingScheduled.parseFrom(m.payload);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> m.getHearingId().equals(hearingId)).toList();
    }

    public static List<HearingCancelled> cancelled(String hearingId) {
        return messages(SchedulingTopics.RECORD_HEARING_CANCELLED).stream().map(m -> {
            try {
                return HearingCancelled.parseFrom(m.payload);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> m.getHearingId().equals(hearingId)).toList();
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count());
    }

    private static List<OutboxMessage> messages(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("topic", topic));
    }

    private static NoticeRequest notice(OutboxMessage m) {
        try {
            return NoticeRequest.parseFrom(m.payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
