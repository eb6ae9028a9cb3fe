package cn.tiaojie.cases.grpc;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxMessage;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a hearing is to be held, asked at filing and with a new hearing request, reaches scheduling and the case view. */
@QuarkusTest
class HearingArrangementsTest {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Test
    void anEveningOnSiteSessionWithAnInterpreterAskedAtFilingGoesWithTheHearingRequest() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"hearing\":{\"evening\":true,\"onSite\":true,\"interpreterNeeded\":true,"
                        + "\"interpreterLanguage\":\"维吾尔语\"}}")
                .post("/api/cases/{id}/file", id).then().statusCode(200).body("status", equalTo("FILED"));
        teamFormed(id);

        HearingRequest request = single(hearingRequests(id));
        assertTrue(request.getPreferEvening() && request.getOnSite(), "屋场夜话");
        assertFalse(request.getVideoAllowed());
        assertTrue(request.getInterpreterNeeded());
        assertEquals("维吾尔语", request.getInterpreterLanguage());

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().statusCode(200)
                .body("hearingArrangements.evening", equalTo(true))
                .body("hearingArrangements.onSite", equalTo(true))
                .body("hearingArrangements.interpreterLanguage", equalTo("维吾尔语"))
                .body("hearingArrangements.description", equalTo("屋场夜话、需维吾尔语翻译"))
                .body("timeline.find { it.type == 'HEARING_ARRANGEMENTS' }.detail", equalTo("屋场夜话、需维吾尔语翻译"));
    }

    @Test
    void staffAskingForANewHearingMayChangeHowItIsHeld() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        teamFormed(id);
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("hearingArrangements", nullValue());
        HearingRequest first = single(hearingRequests(id));
        assertFalse(first.getPreferEvening() || first.getOnSite() || first.getVideoAllowed()
                || first.getInterpreterNeeded());
        cancelHearing(id);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"hearing\":{\"videoAllowed\":true}}")
                .post("/api/cases/{id}/request-hearing", id).then().statusCode(200);

        List<HearingRequest> requests = hearingRequests(id);
        assertEquals(2, requests.size());
        assertTrue(requests.get(1).getVideoAllowed());
        assertFalse(requests.get(1).getPreferEvening());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("hearingArrangements.videoAllowed", equalTo(true))
                .body("timeline.find { it.type == 'HEARING_REQUESTED' }.detail", equalTo("team team-a; 可视频参加"));
    }

    @Test
    void anInterpreterWithoutALanguageIsRefusedAndChangesNothing() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"hearing\":{\"interpreterNeeded\":true}}")
                .post("/api/cases/{id}/file", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("hearing.interpreterLanguage"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"hearing\":{\"interpreterLanguage\":\"English\"}}")
                .post("/api/cases/{id}/file", id).then().statusCode(400);
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("RECEIVED"))
                .body("hearingArrangements", nullValue());
    }

    private void teamFormed(String id) {
        assertTrue(cases.recordTeamAssigned(TeamAssigned.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setTeamId("team-a")
                .addMembers(TeamMember.newBuilder().setMediatorId("M010").setRole(MediatorRole.LAWYER)
                        .setName("李律师").setPhone("13900001111"))
                .build()).getApplied());
    }

    private void cancelHearing(String id) {
        Instant startsAt = Instant.now().plus(4, ChronoUnit.DAYS);
        assertTrue(cases.recordHearingScheduled(HearingScheduled.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setHearingId("H-" + id).setStartsAt(ProtoTime.of(startsAt))
                .setEndsAt(ProtoTime.of(startsAt.plus(90, ChronoUnit.MINUTES))).setVenueName("第一调解室")
                .setWithinDeadline(true).build()).getApplied());
        assertTrue(cases.recordHearingCancelled(HearingCancelled.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setHearingId("H-" + id).setReason("当事人希望视频参加").setCancelledBy("staff-qx-1")
                .setCancelledAt(ProtoTime.of(Instant.now())).build()).getApplied());
    }

    private static HearingRequest single(List<HearingRequest> requests) {
        assertEquals(1, requests.size());
        return requests.getFirst();
    }

    /** The hearing requests the case left for scheduling-service, oldest first. */
    private static List<HearingRequest> hearingRequests(String caseId) {
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>list("topic = ?1 order by createdAt", CaseTopics.REQUEST_HEARING));
        return messages.stream().map(m -> {
            try {
                return HearingRequest.parseFrom(m.payload);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(r -> r.getCaseId().equals(caseId)).toList();
    }
}
