package cn.tiaojie.notify.service.delivery;

import static cn.tiaojie.notify.NoticeRequests.daytime;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static cn.tiaojie.notify.service.delivery.DeliveryDispatcherTest.deliveries;
import static cn.tiaojie.notify.service.delivery.DeliveryDispatcherTest.notice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.proof.ProofOfService;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A served document delivered but never confirmed: sent again on the next channel, then to paper service. */
@QuarkusTest
class UnconfirmedServiceTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    UnconfirmedService unconfirmed;

    @Inject
    ProofOfService proof;

    @Test
    void aNoticeNotConfirmedIn48HoursGoesOutByEmailThenToPaperServiceEachOnce() {
        Instant sent = daytime();
        UUID id = send(hearingIn(sent.plus(Duration.ofDays(10)), NoticeKind.HEARING_NOTICE, NoticeChannel.SMS), sent);
        assertEquals(Set.of(Channel.SMS), deliveries(id).keySet());

        unconfirmed.followUp(sent.plus(Duration.ofHours(47)));
        assertEquals(Set.of(Channel.SMS), deliveries(id).keySet(), "not yet: 48 hours to confirm");

        unconfirmed.followUp(sent.plus(Duration.ofHours(49)));
        unconfirmed.followUp(sent.plus(Duration.ofHours(49)));
        assertEquals(Set.of(Channel.SMS, Channel.EMAIL), deliveries(id).keySet(), "sent again on a channel not used");
        assertEquals(1, notice(id).followUpStage);
        dispatcher.dispatchAllDue(sent.plus(Duration.ofHours(49)));
        assertEquals(DeliveryState.SENT, deliveries(id).get(Channel.EMAIL).state);

        unconfirmed.followUp(sent.plus(Duration.ofHours(49 + 47)));
        assertFalse(notice(id).paperDeliveryRequired);
        unconfirmed.followUp(sent.plus(Duration.ofHours(49 + 49)));
        Notice handed = notice(id);
        assertTrue(handed.paperDeliveryRequired, "still unconfirmed: the grid worker serves it");
        assertTrue(handed.paperDeliveryReason.contains("not confirmed within 48 h"), handed.paperDeliveryReason);
        assertEquals(2, handed.followUpStage);
        unconfirmed.followUp(sent.plus(Duration.ofDays(10)));
        assertEquals(2, notice(id).followUpStage);
    }

    @Test
    void beforeANearHearingTheWaitIsShorterAndWithNoOtherChannelItGoesStraightToPaper() {
        Instant sent = daytime();
        UUID id = send(hearingIn(sent.plus(Duration.ofDays(2)), NoticeKind.HEARING_NOTICE, NoticeChannel.SMS)
                .toBuilder().setRecipient(partyAt("P-NEAR-" + UUID.randomUUID(), uniquePhone(), "",
                        NoticeChannel.SMS)).build(), sent);
        unconfirmed.followUp(sent.plus(Duration.ofHours(11)));
        assertFalse(notice(id).paperDeliveryRequired);
        unconfirmed.followUp(sent.plus(Duration.ofHours(13)));
        assertTrue(notice(id).paperDeliveryRequired);
        assertEquals(Set.of(Channel.SMS), deliveries(id).keySet());
    }

    @Test
    void aConfirmedNoticeAMereReminderAndAHearingAlreadyBegunAreLeftAlone() {
        Instant sent = daytime();
        UUID confirmed = send(hearingIn(sent.plus(Duration.ofDays(10)), NoticeKind.HEARING_NOTICE,
                NoticeChannel.SMS), sent);
        proof.acknowledge(confirmed, Channel.SMS, "127.0.0.1", "test");
        UUID reminder = send(hearingIn(sent.plus(Duration.ofDays(10)), NoticeKind.HEARING_REMINDER,
                NoticeChannel.SMS), sent);
        UUID begun = send(hearingIn(sent.plus(Duration.ofHours(30)), NoticeKind.HEARING_NOTICE, NoticeChannel.SMS),
                sent);

        unconfirmed.followUp(sent.plus(Duration.ofDays(3)));
        for (UUID id : new UUID[] {confirmed, reminder, begun}) {
            assertEquals(Set.of(Channel.SMS), deliveries(id).keySet());
            assertFalse(notice(id).paperDeliveryRequired);
        }
        assertEquals(3, notice(begun).followUpStage, "its hearing has begun: serving it helps nobody");
        assertEquals(0, notice(confirmed).followUpStage);
    }

    private NoticeRequest hearingIn(Instant startsAt, NoticeKind kind, NoticeChannel channel) {
        return hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(), partyAt("P-UNC-" + UUID.randomUUID(),
                uniquePhone(), "p-" + UUID.randomUUID() + "@example.cn", channel)).toBuilder().setKind(kind)
                .putFields("startsAt", startsAt.toString()).putFields("endsAt", startsAt.plusSeconds(5400).toString())
                .build();
    }

    private UUID send(NoticeRequest request, Instant at) {
        UUID id = UUID.fromString(notify.sendNotice(request).getNoticeId());
        dispatcher.dispatchAllDue(at);
        return id;
    }
}
