package cn.tiaojie.cases.grpc;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.Fixtures;
import cn.tiaojie.cases.Flow;
import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.cases.service.privacy.PersonalDataSealing;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxMessage;
import cn.tiaojie.platform.privacy.PersonalDataCipher;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A hearing cancelled in scheduling-service reaches its case; staff then ask for a new one. */
@QuarkusTest
class HearingCancellationTest {

    private static final String MEDIATOR_PHONE = "13900001111";

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Inject
    EntityManager em;

    @Inject
    PersonalDataSealing sealing;

    @Test
    void aCancelledHearingTakesTheCaseBackToTeamAssignedAndStaffAskForANewOne() {
        String id = Fixtures.fileNewCase();
        assertTrue(cases.recordTeamAssigned(TeamAssigned.newBuilder().setMessageId(newId()).setCaseId(id)
                .setTeamId("team-c1")
                .addMembers(TeamMember.newBuilder().setMediatorId("M020").setRole(MediatorRole.SOCIAL_WORKER)
                        .setName("王社工").setEmail("wang@sw.example.cn"))
                .addMembers(TeamMember.newBuilder().setMediatorId("M010").setRole(MediatorRole.LAWYER)
                        .setName("李律师").setPhone(MEDIATOR_PHONE))
                .build()).getApplied());
        scheduled(id, "H-first", Instant.now().plus(4, ChronoUnit.DAYS));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("HEARING_SCHEDULED"))
                .body("step", equalTo("RESOLUTION"));
        // the first hearing step had been reminded of: the new one may be again
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into supervision_reminder (case_id, step, kind) values (?1, 'HEARING', 'DUE_SOON')")
                .setParameter(1, UUID.fromString(id)).executeUpdate());

        Instant cancelledAt = Instant.now();
        HearingCancelled cancelled = cancellation(id, "H-first", "调解员临时出差");
        assertTrue(cases.recordHearingCancelled(cancelled).getApplied());
        assertFalse(cases.recordHearingCancelled(cancelled).getApplied(), "a repeated message changes nothing");

        JsonPath c = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().statusCode(200)
                .body("status", equalTo("TEAM_ASSIGNED"))
                .body("hearing", nullValue())
                .body("step", equalTo("HEARING"))
                .body("slaState", equalTo("ON_TRACK"))
                .body("timeline.type", hasItem("HEARING_CANCELLED"))
                .extract().jsonPath();
        String detail = c.getString("timeline.find { it.type == 'HEARING_CANCELLED' }.detail");
        assertTrue(detail.contains("调解员临时出差") && detail.contains("staff-qx-1"), detail);
        Instant stepDeadline = Instant.parse(c.getString("stepDeadline"));
        assertTrue(stepDeadline.isAfter(cancelledAt), "the hearing step is timed afresh from the cancellation");
        assertFalse(stepDeadline.isAfter(Instant.parse(c.getString("deadline"))));
        assertEquals(0L, reminders(id, "HEARING"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then()
                .body("action", hasItem("HEARING_CANCELLED"));

        // a report of the cancelled hearing's time that arrives late does not bring it back
        assertFalse(scheduled(id, "H-first", Instant.now().plus(5, ChronoUnit.DAYS)));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("TEAM_ASSIGNED"));

        // staff ask for a new hearing: the same request the team's forming sent, as a new message
        String etag = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(STAFF).header("If-Match", etag).post("/api/cases/{id}/request-hearing", id)
                .then().statusCode(200).body("status", equalTo("TEAM_ASSIGNED"));
        List<HearingRequest> requests = hearingRequests(id);
        assertEquals(2, requests.size());
        HearingRequest first = requests.get(0);
        HearingRequest again = requests.get(1);
        assertNotEquals(first.getMessageId(), again.getMessageId());
        assertEquals(first.toBuilder().clearMessageId().build(), again.toBuilder().clearMessageId().build());
        assertEquals(List.of("M020", "M010"), again.getTeamList().stream().map(TeamMember::getMediatorId).toList());
        assertEquals(MEDIATOR_PHONE, again.getTeam(1).getPhone());
        assertEquals("wang@sw.example.cn", again.getTeam(0).getEmail());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("timeline.type", hasItem("HEARING_REQUESTED"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then().body("action", hasItem("REQUEST_HEARING"));
        // the mediator's phone is sealed at rest like the parties'
        String storedPhone = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select phone from team_member where case_id = ?1 and mediator_id = 'M010'")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertTrue(storedPhone.startsWith("pd1.") && !storedPhone.contains(MEDIATOR_PHONE), storedPhone);

        // the new hearing is booked: the case is scheduled again
        assertTrue(scheduled(id, "H-second", Instant.now().plus(6, ChronoUnit.DAYS)));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("status", equalTo("HEARING_SCHEDULED")).body("hearing.hearingId", equalTo("H-second"));
        given().auth().oauth2(STAFF).post("/api/cases/{id}/request-hearing", id)
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(2, hearingRequests(id).size());
    }

    @Test
    void aRescheduledHearingIsNoCancellation() {
        String id = Flow.toHearingScheduled(cases, STAFF, wageDispute());
        Instant moved = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertTrue(scheduled(id, "H-" + id.substring(0, 8), moved));

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("status", equalTo("HEARING_SCHEDULED"))
                .body("hearing.startsAt", equalTo(moved.toString()))
                .body("timeline.type", not(hasItem("HEARING_CANCELLED")));
    }

    @Test
    void theCancellationOfAHearingThatIsNotTheCasesIsIgnored() {
        String id = Flow.toHearingScheduled(cases, STAFF, wageDispute());
        String before = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().header("ETag");

        assertFalse(cases.recordHearingCancelled(cancellation(id, "H-another", "旧的安排")).getApplied());

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .header("ETag", before)
                .body("status", equalTo("HEARING_SCHEDULED"))
                .body("hearing.hearingId", equalTo("H-" + id.substring(0, 8)))
                .body("timeline.type", not(hasItem("HEARING_CANCELLED")));
    }

    @Test
    void aCaseThatHasMovedOnRecordsTheCancellationAndKeepsItsStatus() {
        String id = Flow.toMediation(cases, STAFF, wageDispute());

        assertTrue(cases.recordHearingCancelled(cancellation(id, "H-" + id.substring(0, 8), "场地停电")).getApplied());

        JsonPath c = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("status", equalTo("IN_MEDIATION"))
                .body("step", equalTo("RESOLUTION"))
                .body("timeline.type", hasItem("HEARING_CANCELLED"))
                .extract().jsonPath();
        assertTrue(c.getString("timeline.find { it.type == 'HEARING_CANCELLED' }.detail").contains("IN_MEDIATION"));
        given().auth().oauth2(STAFF).post("/api/cases/{id}/request-hearing", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aHearingIsRequestedOnlyForACaseWhoseTeamWaitsForOne() {
        String received = Fixtures.register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/request-hearing", received)
                .then().statusCode(409).contentType("application/problem+json");
        String scheduled = Flow.toHearingScheduled(cases, STAFF, wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/request-hearing", scheduled).then().statusCode(409);
        assertEquals(0, hearingRequests(received).size());
        assertEquals(1, hearingRequests(scheduled).size());
        // a stale If-Match is refused before anything is asked
        String waiting = Flow.toTeamAssigned(cases, STAFF, wageDispute());
        given().auth().oauth2(STAFF).header("If-Match", "\"99\"").post("/api/cases/{id}/request-hearing", waiting)
                .then().statusCode(412);
        assertEquals(1, hearingRequests(waiting).size());
    }

    @Test
    void aMediatorsPhoneSealedUnderARetiredKeyIsSealedAgainAndStillReachesANewRequest() {
        String id = Fixtures.fileNewCase();
        assertTrue(cases.recordTeamAssigned(TeamAssigned.newBuilder().setMessageId(newId()).setCaseId(id)
                .setTeamId("team-r1")
                .addMembers(TeamMember.newBuilder().setMediatorId("M010").setRole(MediatorRole.LAWYER)
                        .setName("李律师").setPhone(MEDIATOR_PHONE))
                .build()).getApplied());
        String underRetiredKey = new PersonalDataCipher(
                Map.of("DEV-ONLY-1", Base64.getDecoder().decode("HTv4/TkBwDYIisAOs+MSDLHZBgrVBbU4iYvLGE+2XkM=")),
                "DEV-ONLY-1", new byte[32]).encrypt(PersonalData.MEDIATOR_PHONE_FIELD, MEDIATOR_PHONE);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update team_member set phone = ?1 where case_id = ?2")
                .setParameter(1, underRetiredKey).setParameter(2, UUID.fromString(id)).executeUpdate());

        assertTrue(sealing.resealTeamPhones() >= 1);

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select phone from team_member where case_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertTrue(stored.startsWith("pd1.DEV-ONLY-2."), stored);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/request-hearing", id).then().statusCode(200);
        List<HearingRequest> requests = hearingRequests(id);
        assertEquals(MEDIATOR_PHONE, requests.get(requests.size() - 1).getTeam(0).getPhone());
    }

    private boolean scheduled(String caseId, String hearingId, Instant startsAt) {
        return cases.recordHearingScheduled(HearingScheduled.newBuilder().setMessageId(newId()).setCaseId(caseId)
                .setHearingId(hearingId).setStartsAt(ProtoTime.of(startsAt))
                .setEndsAt(ProtoTime.of(startsAt.plus(90, ChronoUnit.MINUTES))).setVenueName("第一调解室")
                .setWithinDeadline(true).build()).getApplied();
    }

    private static HearingCancelled cancellation(String caseId, String hearingId, String reason) {
        return HearingCancelled.newBuilder().setMessageId(newId()).setCaseId(caseId).setHearingId(hearingId)
                .setReason(reason).setCancelledBy("staff-qx-1").setCancelledAt(ProtoTime.of(Instant.now())).build();
    }

    private long reminders(String caseId, String step) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from supervision_reminder where case_id = ?1 and step = ?2")
                .setParameter(1, UUID.fromString(caseId)).setParameter(2, step).getSingleResult()).longValue());
    }

    /** The hearing requests the case left for scheduling-service, oldest first. */
    private static List<HearingRequest> hearingRequests(String caseId) {
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>list("topic = ?1 order by createdAt", CaseTopics.REQUEST_HEARING));
        return messages.stream()
                .filter(m -> new String(m.payload, StandardCharsets.ISO_8859_1).contains(caseId))
                .map(m -> {
                    try {
                        return HearingRequest.parseFrom(m.payload);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(r -> r.getCaseId().equals(caseId)).toList();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
