package cn.tiaojie.mediator.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.common.v1.TimeWindow;
import cn.tiaojie.contracts.mediator.v1.AvailabilityReply;
import cn.tiaojie.contracts.mediator.v1.AvailabilityRequest;
import cn.tiaojie.contracts.mediator.v1.GetTeamRequest;
import cn.tiaojie.contracts.mediator.v1.MediatorServiceGrpc;
import cn.tiaojie.contracts.mediator.v1.Team;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.mediator.v1.TeamRequestAccepted;
import cn.tiaojie.contracts.mediator.v1.TeamStatus;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.WeeklyHours;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxRelay;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MediatorGrpcServiceTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @GrpcClient("mediator")
    MediatorServiceGrpc.MediatorServiceBlockingStub mediator;

    @Inject
    TeamFormation formation;

    @Inject
    OutboxRelay relay;

    @Test
    void aTeamRequestOffersEachRequiredRoleOnceAndARepeatAnswersTheSameTeam() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.LAWYER, world.county);
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        TeamRequest request = world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP).build();

        TeamRequestAccepted first = mediator.requestTeam(request);
        TeamRequestAccepted repeat = mediator.requestTeam(request.toBuilder().setMessageId(UUID.randomUUID().toString()).build());

        assertTrue(first.getCreated());
        assertFalse(repeat.getCreated());
        assertEquals(first.getTeamId(), repeat.getTeamId());
        long offers = QuarkusTransaction.requiringNew().call(() -> Offer.count("team.id", UUID.fromString(first.getTeamId())));
        assertEquals(2, offers);

        Team team = mediator.getTeam(GetTeamRequest.newBuilder().setCaseId(request.getCaseId()).build());
        assertEquals(TeamStatus.FORMING, team.getStatus());
        assertEquals(0, team.getMembersCount());
    }

    @Test
    void aRequestForAnUnknownSubcategoryIsInvalidAndWritesNothing() {
        TeamRequest request = new TestWorld().caseOf("NO.SUCH_CODE", AreaLevel.VILLAGE).build();

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> mediator.requestTeam(request));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> cn.tiaojie.mediator.model.Team.ofCase(UUID.fromString(request.getCaseId())).isEmpty()));
    }

    @Test
    void theTeamOfACaseWithoutOneIsNotFound() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> mediator.getTeam(
                GetTeamRequest.newBuilder().setCaseId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    @Test
    void availabilityIsTheWeeklyPatternLessTimeAway() {
        TestWorld world = new TestWorld();
        String id = world.mediator(MediatorRole.JUDGE, world.county);
        // 2030-01-07 is a Monday; office hours 08:30-12:00 and 14:00-17:30, away 10:00-15:00 for a trial
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] hours : new String[][] {{"08:30", "12:00"}, {"14:00", "17:30"}}) {
                WeeklyHours w = new WeeklyHours();
                w.mediatorId = id;
                w.dayOfWeek = 1;
                w.starts = LocalTime.parse(hours[0]);
                w.ends = LocalTime.parse(hours[1]);
                w.persist();
            }
            Unavailability away = new Unavailability();
            away.id = UUID.randomUUID();
            away.mediatorId = id;
            away.startsAt = local("2030-01-07T10:00");
            away.endsAt = local("2030-01-07T15:00");
            away.persist();
        });

        AvailabilityReply reply = mediator.getAvailability(AvailabilityRequest.newBuilder().addMediatorIds(id)
                .setFrom(ProtoTime.of(local("2030-01-06T00:00"))).setTo(ProtoTime.of(local("2030-01-09T00:00"))).build());

        List<TimeWindow> free = reply.getMediators(0).getFreeList();
        assertEquals(2, free.size());
        assertEquals(local("2030-01-07T08:30"), ProtoTime.toInstant(free.get(0).getStart()));
        assertEquals(local("2030-01-07T10:00"), ProtoTime.toInstant(free.get(0).getEnd()));
        assertEquals(local("2030-01-07T15:00"), ProtoTime.toInstant(free.get(1).getStart()));
        assertEquals(local("2030-01-07T17:30"), ProtoTime.toInstant(free.get(1).getEnd()));
    }

    @Test
    void availabilityOfAnUnknownMediatorOrABackwardsRangeIsRefused() {
        AvailabilityRequest.Builder request = AvailabilityRequest.newBuilder()
                .setFrom(ProtoTime.of(local("2030-01-06T00:00"))).setTo(ProtoTime.of(local("2030-01-09T00:00")));
        assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class,
                () -> mediator.getAvailability(request.clone().addMediatorIds("M999").build())).getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, assertThrows(StatusRuntimeException.class,
                () -> mediator.getAvailability(request.clone().addMediatorIds("M001")
                        .setTo(ProtoTime.of(local("2030-01-01T00:00"))).build())).getStatus().getCode());
    }

    @Test
    void theRelayDeliversOfferNoticesToNotifyAndTheFormedTeamToCaseService() {
        TestWorld world = new TestWorld();
        String mediatorId = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        TeamRequest request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        mediator.requestTeam(request);
        Offer offer = TestWorld.liveOffer(UUID.fromString(request.getCaseId()), MediatorRole.PEOPLE_MEDIATOR);
        formation.accept(offer.id, mediatorId);

        while (relay.relayAllDue() > 0) {
            // every message of every test is due; deliver them all, batch by batch
        }

        NoticeRequest notice = RecordingRemoteServices.NOTICES.stream()
                .filter(n -> n.getCaseId().equals(request.getCaseId())).findFirst().orElseThrow();
        assertEquals(RecipientKind.MEDIATOR, notice.getRecipient().getKind());
        assertEquals(mediatorId, notice.getRecipient().getId());
        assertTrue(notice.getRecipient().getChannelsList().contains(NoticeChannel.SMS));
        assertEquals("offer:" + offer.id, notice.getIdempotencyKey());
        assertEquals("人民调解员", notice.getFieldsOrThrow("roleName"));
        assertEquals(request.getCaseNo(), notice.getFieldsOrThrow("caseNo"));
        TeamAssigned assigned = RecordingRemoteServices.TEAMS_ASSIGNED.stream()
                .filter(t -> t.getCaseId().equals(request.getCaseId())).findFirst().orElseThrow();
        assertEquals(mediatorId, assigned.getMembers(0).getMediatorId());
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CHINA).toInstant();
    }
}
