package cn.tiaojie.cases.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static cn.tiaojie.cases.Fixtures.fileNewCase;
import static cn.tiaojie.cases.Fixtures.register;

import cn.tiaojie.cases.Fixtures;
import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxMessage;
import cn.tiaojie.platform.outbox.OutboxRelay;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case's side of the flow over real gRPC: dispatch through the outbox, then the messages it receives. */
@QuarkusTest
class CaseFlowGrpcTest {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void reset() {
        RecordingMediatorService.REQUESTS.clear();
        RecordingMediatorService.FAILURES_TO_GIVE.set(0);
    }

    @Test
    void aFiledCaseIsRelayedToMediatorServiceOnceAndBecomesDispatched() {
        String id = fileNewCase();
        relay.relayAllDue();
        relay.relayAllDue();

        assertEquals(1, RecordingMediatorService.REQUESTS.stream().filter(r -> r.getCaseId().equals(id)).count());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("DISPATCHED"));
        OutboxMessage sent = outboxFor(CaseTopics.REQUEST_TEAM, id);
        assertNotNull(sent.deliveredAt);
    }

    @Test
    void theTeamRequestCarriesTheApplicantsIdNumberForConflictChecks() {
        String idNumber = Fixtures.idNumber();
        String id = Fixtures.register(Fixtures.wageDispute(Fixtures.mobile(), idNumber));
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        relay.relayAllDue();

        TeamRequest sent = RecordingMediatorService.REQUESTS.stream().filter(r -> r.getCaseId().equals(id)).findFirst()
                .orElseThrow();
        assertEquals(idNumber, sent.getParties(0).getIdNumber());
        // the respondent is a company registered without one
        assertEquals("", sent.getParties(1).getIdNumber());
    }

    @Test
    void aFailedDeliveryIsKeptAndRetriedLater() {
        String id = fileNewCase();
        RecordingMediatorService.FAILURES_TO_GIVE.set(1);
        relay.relayAllDue();

        OutboxMessage pending = outboxFor(CaseTopics.REQUEST_TEAM, id);
        assertNull(pending.deliveredAt);
        assertEquals(1, pending.attempts);
        assertTrue(pending.lastError.contains("UNAVAILABLE"));
        assertTrue(pending.nextAttemptAt.isAfter(Instant.now().minusMillis(1)));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("FILED"));
    }

    @Test
    void teamAssignedMovesTheCaseOnceAndAsksForAHearing() {
        String id = fileNewCase();
        relay.relayAllDue();
        TeamAssigned assigned = TeamAssigned.newBuilder().setMessageId(UUID.randomUUID().toString()).setCaseId(id)
                .setTeamId("team-1")
                .addMembers(TeamMember.newBuilder().setMediatorId("M010").setRole(MediatorRole.LAWYER).setName("李律师"))
                .addMembers(TeamMember.newBuilder().setMediatorId("M020").setRole(MediatorRole.SOCIAL_WORKER).setName("王社工"))
                .build();

        assertTrue(cases.recordTeamAssigned(assigned).getApplied());
        assertFalse(cases.recordTeamAssigned(assigned).getApplied(), "a repeated message changes nothing");

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("status", equalTo("TEAM_ASSIGNED"))
                .body("team.size()", equalTo(2));
        HearingRequest hearing = parseHearing(outboxFor(CaseTopics.REQUEST_HEARING, id).payload);
        assertEquals(2, hearing.getTeamCount());
        assertEquals(2, hearing.getPartiesCount());
        assertEquals(90, hearing.getDurationMinutes());

        Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS);
        HearingScheduled scheduled = HearingScheduled.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setHearingId("H-1").setStartsAt(ProtoTime.of(startsAt))
                .setEndsAt(ProtoTime.of(startsAt.plus(90, ChronoUnit.MINUTES))).setVenueName("第一调解室")
                .setWithinDeadline(true).build();
        assertTrue(cases.recordHearingScheduled(scheduled).getApplied());
        assertFalse(cases.recordHearingScheduled(scheduled).getApplied());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("status", equalTo("HEARING_SCHEDULED"))
                .body("hearing.venue", equalTo("第一调解室"));

        NoticeAcknowledged ack = NoticeAcknowledged.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setNoticeId(UUID.randomUUID().toString()).setPartyId("p1")
                .setAcknowledgedAt(ProtoTime.of(Instant.now())).setChannel(NoticeChannel.SMS).build();
        assertTrue(cases.recordNoticeAcknowledged(ack).getApplied());
        assertFalse(cases.recordNoticeAcknowledged(ack).getApplied());
    }

    @Test
    void teamAssignedForACaseNotDispatchedIsNotApplied() {
        String id = register(wageDispute());
        TeamAssigned assigned = TeamAssigned.newBuilder().setMessageId(UUID.randomUUID().toString()).setCaseId(id)
                .setTeamId("team-x").build();
        assertFalse(cases.recordTeamAssigned(assigned).getApplied());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("RECEIVED"));
    }

    private static OutboxMessage outboxFor(String topic, String caseId) {
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("topic", topic));
        return messages.stream().filter(m -> m.payload != null && new String(m.payload, java.nio.charset.StandardCharsets.ISO_8859_1).contains(caseId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + topic + " message for case " + caseId));
    }

    private static HearingRequest parseHearing(byte[] payload) {
        try {
            return HearingRequest.parseFrom(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
