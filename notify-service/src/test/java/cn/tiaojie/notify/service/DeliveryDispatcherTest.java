package cn.tiaojie.notify.service;

import static cn.tiaojie.notify.NoticeRequests.PHONE;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.party;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.GetNoticeStatusRequest;
import cn.tiaojie.contracts.notify.v1.NoticeStatus;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.notify.Channel;
import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.DeliveryState;
import cn.tiaojie.notify.FailingEmailSender;
import cn.tiaojie.notify.NoticeRequests;
import cn.tiaojie.notify.channel.LogChannelSender;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryDispatcherTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Test
    void logAndInAppDeliveriesAreSentAndTheLogLineMasksThePhone() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-log",
                party("P-LOG", NoticeChannel.IN_APP))).getNoticeId());

        List<String> lines = capturingLogOf(LogChannelSender.class, () -> dispatcher.dispatchAllDue());

        Map<Channel, Delivery> deliveries = deliveries(id);
        assertEquals(DeliveryState.SENT, deliveries.get(Channel.LOG).state);
        assertEquals(DeliveryState.SENT, deliveries.get(Channel.IN_APP).state);
        assertEquals(1, deliveries.get(Channel.LOG).attempts);
        String line = lines.stream().filter(l -> l.contains(id.toString())).findFirst().orElseThrow();
        assertTrue(line.contains("HEARING_NOTICE"), line);
        assertTrue(line.contains("TJ2026000042"), line);
        assertTrue(line.contains("张三"), line);
        assertTrue(line.contains("138****5678"), line);
        assertTrue(line.contains("z***@example.cn"), line);
        assertTrue(line.contains("调解通知书"), line);
        assertFalse(line.contains(PHONE), line);
        assertFalse(line.contains(NoticeRequests.EMAIL), line);
        assertFalse(line.contains("\n"), "one line");
    }

    @Test
    void aFailingChannelIsRetriedWithGrowingBackoffThenFailedWithTheReason() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-mail",
                party("P-MAIL", NoticeChannel.EMAIL))).getNoticeId());

        dispatcher.dispatchAllDue();
        Delivery first = deliveries(id).get(Channel.EMAIL);
        assertEquals(DeliveryState.QUEUED, first.state);
        assertEquals(1, first.attempts);
        assertTrue(first.failureReason.contains(FailingEmailSender.REFUSAL), first.failureReason);
        Duration firstWait = Duration.between(first.updatedAt, first.nextAttemptAt);
        assertEquals(Duration.ofSeconds(10), firstWait);
        assertEquals(DeliveryState.SENT, deliveries(id).get(Channel.LOG).state, "the other channels go on");

        makeDue(id);
        dispatcher.dispatchAllDue();
        Delivery second = deliveries(id).get(Channel.EMAIL);
        assertEquals(2, second.attempts);
        assertEquals(Duration.ofSeconds(20), Duration.between(second.updatedAt, second.nextAttemptAt));

        makeDue(id);
        dispatcher.dispatchAllDue();
        Delivery last = deliveries(id).get(Channel.EMAIL);
        assertEquals(DeliveryState.FAILED, last.state);
        assertEquals(3, last.attempts);

        NoticeStatus status = notify.getNoticeStatus(
                GetNoticeStatusRequest.newBuilder().setNoticeId(id.toString()).build());
        var email = status.getDeliveriesList().stream().filter(d -> d.getChannel() == NoticeChannel.EMAIL)
                .findFirst().orElseThrow();
        assertEquals(cn.tiaojie.contracts.notify.v1.DeliveryState.FAILED, email.getState());
        assertTrue(email.getFailureReason().contains(FailingEmailSender.REFUSAL));
    }

    @Test
    void aDeliveryNotYetDueIsLeftAlone() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-later",
                party("P-LATER", NoticeChannel.IN_APP))).getNoticeId());
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("nextAttemptAt = ?1 where noticeId = ?2",
                Instant.now().plus(Duration.ofHours(1)), id));

        dispatcher.dispatchAllDue();

        assertTrue(deliveries(id).values().stream().allMatch(d -> d.state == DeliveryState.QUEUED));
    }

    /** As if the backoff had passed. */
    private static void makeDue(UUID noticeId) {
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "nextAttemptAt = ?1 where noticeId = ?2 and state = ?3", Instant.now().minusSeconds(1), noticeId,
                DeliveryState.QUEUED));
    }

    static Map<Channel, Delivery> deliveries(UUID noticeId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("noticeId", noticeId).stream()
                .collect(Collectors.toMap(d -> d.channel, d -> d)));
    }

    static List<String> capturingLogOf(Class<?> category, Runnable work) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(category.getName());
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
