package cn.tiaojie.notify.grpc;

import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.party;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.DeliveryState;
import cn.tiaojie.contracts.notify.v1.GetNoticeStatusRequest;
import cn.tiaojie.contracts.notify.v1.NoticeAccepted;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NoticeStatus;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotifyGrpcServiceTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Test
    void theSameKeyTwiceGivesTheFirstNoticeAndWritesNothing() {
        String key = uniqueKey();
        NoticeAccepted first = notify.sendNotice(hearingNotice(key, "case-a", party("P-A", NoticeChannel.IN_APP)));
        assertTrue(first.getCreated());
        long notices = count("select count(n) from Notice n");
        long deliveries = count("select count(d) from Delivery d");

        NoticeRequest changed = hearingNotice(key, "case-a", party("P-A", NoticeChannel.IN_APP)).toBuilder()
                .putFields("venueName", "另一个调解室").build();
        NoticeAccepted again = notify.sendNotice(changed);

        assertFalse(again.getCreated());
        assertEquals(first.getNoticeId(), again.getNoticeId());
        assertEquals(notices, count("select count(n) from Notice n"));
        assertEquals(deliveries, count("select count(d) from Delivery d"));
        String body = QuarkusTransaction.requiringNew().call(
                () -> Notice.<Notice>findById(UUID.fromString(first.getNoticeId())).body);
        assertFalse(body.contains("另一个调解室"));
    }

    @Test
    void phoneAndEmailAreSealedAtRestAndOpenOnlyInMemory() {
        String id = notify.sendNotice(hearingNotice(uniqueKey(), "case-sealed", party("P-SEAL", NoticeChannel.SMS)))
                .getNoticeId();

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) Notice.getEntityManager()
                .createNativeQuery("select phone, email from notice where id = cast(:id as uuid)")
                .setParameter("id", id).getSingleResult());
        assertTrue(((String) stored[0]).startsWith("pd1."), (String) stored[0]);
        assertFalse(((String) stored[0]).contains(cn.tiaojie.notify.NoticeRequests.PHONE));
        assertTrue(((String) stored[1]).startsWith("pd1."), (String) stored[1]);
        assertFalse(((String) stored[1]).contains("zhang.san"));
        Notice notice = QuarkusTransaction.requiringNew().call(() -> Notice.findById(UUID.fromString(id)));
        assertEquals(cn.tiaojie.notify.NoticeRequests.PHONE, notice.phone);
        assertEquals(cn.tiaojie.notify.NoticeRequests.EMAIL, notice.email);
    }

    @Test
    void concurrentDuplicatesCreateOneNotice() throws Exception {
        String key = uniqueKey();
        NoticeRequest request = hearingNotice(key, "case-b", party("P-B", NoticeChannel.IN_APP));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<NoticeAccepted>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return notify.sendNotice(request);
                }));
            }
            start.countDown();
            List<NoticeAccepted> accepted = new ArrayList<>();
            for (Future<NoticeAccepted> answer : answers) {
                accepted.add(answer.get());
            }
            assertEquals(1, accepted.stream().filter(NoticeAccepted::getCreated).count());
            assertEquals(1, accepted.stream().map(NoticeAccepted::getNoticeId).distinct().count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, count("select count(n) from Notice n where n.idempotencyKey = '" + key + "'"));
        assertEquals(1L, count("select count(d) from Delivery d where d.noticeId in "
                + "(select n.id from Notice n where n.idempotencyKey = '" + key + "')"));
    }

    @Test
    void deliveriesAreTheRecipientsReachableChannelsOrElseLog() {
        NoticeAccepted reachable = notify.sendNotice(hearingNotice(uniqueKey(), "case-c",
                party("P-C", NoticeChannel.IN_APP, NoticeChannel.SMS, NoticeChannel.EMAIL)));
        NoticeAccepted noPhone = notify.sendNotice(hearingNotice(uniqueKey(), "case-c",
                cn.tiaojie.notify.NoticeRequests.partyAt("P-C3", "", "", NoticeChannel.SMS, NoticeChannel.EMAIL)));
        NoticeAccepted none = notify.sendNotice(hearingNotice(uniqueKey(), "case-c", party("P-C2")));

        NoticeStatus status = notify.getNoticeStatus(statusOf(reachable));
        assertEquals(NoticeKind.HEARING_NOTICE, status.getKind());
        assertEquals(Set.of(NoticeChannel.IN_APP, NoticeChannel.SMS, NoticeChannel.EMAIL), channels(status));
        assertTrue(status.getDeliveriesList().stream().allMatch(d -> d.getState() == DeliveryState.QUEUED));
        assertEquals(Set.of(NoticeChannel.LOG), channels(notify.getNoticeStatus(statusOf(noPhone))));
        assertEquals(Set.of(NoticeChannel.LOG), channels(notify.getNoticeStatus(statusOf(none))));
    }

    @Test
    void aRequestWithoutKeyKindOrRecipientIsInvalidAndWritesNothing() {
        long before = count("select count(n) from Notice n");
        NoticeRequest valid = hearingNotice(uniqueKey(), "case-d", party("P-D"));

        assertInvalid(valid.toBuilder().clearIdempotencyKey().build(), "idempotency_key");
        assertInvalid(valid.toBuilder().setKind(NoticeKind.NOTICE_KIND_UNSPECIFIED).build(), "kind");
        assertInvalid(valid.toBuilder().clearRecipient().build(), "recipient");
        assertInvalid(valid.toBuilder().setRecipient(Recipient.newBuilder(valid.getRecipient()).clearId()).build(),
                "recipient.id");
        assertInvalid(NoticeRequest.getDefaultInstance(), "idempotency_key");

        assertEquals(before, count("select count(n) from Notice n"));
    }

    @Test
    void theStatusOfAnUnknownNoticeIsNotFound() {
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> notify.getNoticeStatus(
                GetNoticeStatusRequest.newBuilder().setNoticeId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());

        StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> notify.getNoticeStatus(
                GetNoticeStatusRequest.newBuilder().setNoticeId("not-a-uuid").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
    }

    private void assertInvalid(NoticeRequest request, String field) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> notify.sendNotice(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains(field), e.getStatus().getDescription());
    }

    private static GetNoticeStatusRequest statusOf(NoticeAccepted accepted) {
        return GetNoticeStatusRequest.newBuilder().setNoticeId(accepted.getNoticeId()).build();
    }

    private static Set<NoticeChannel> channels(NoticeStatus status) {
        return status.getDeliveriesList().stream().map(cn.tiaojie.contracts.notify.v1.Delivery::getChannel)
                .collect(Collectors.toSet());
    }

    static long count(String hql) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.getEntityManager()
                .createQuery(hql, Long.class).getSingleResult());
    }
}
