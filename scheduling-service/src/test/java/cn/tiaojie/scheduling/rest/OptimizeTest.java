package cn.tiaojie.scheduling.rest;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.scheduling.Outboxes;
import cn.tiaojie.local.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optimised plans with the real solver, on bookings that stay provisional for an hour. */
@QuarkusTest
@TestProfile(OptimizeTest.ProvisionalBookings.class)
class OptimizeTest {

    public static class ProvisionalBookings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tiaojie.scheduling.provisional-hold", "PT1H");
        }
    }

    static final String SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-baixi").claim("area", "330999102").sign();

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Inject
    EntityManager em;

    @Test
    void aSupervisorRePlansTheProvisionalHearingsAroundTheNotifiedOnesAndPublishesThePlan() throws Exception {
        String center = newCenter(2);
        String busy = uniqueId("M");
        // a hearing already notified: it must stay exactly where it is
        HearingRequest notifiedRequest = request(center, busy).build();
        Hearing notified = scheduling.requestHearing(notifiedRequest);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update hearing set notified_at = now() where id = cast(?1 as uuid)")
                .setParameter(1, notified.getHearingId()).executeUpdate());
        // three provisional hearings of the same mediator, booked back to back on one day
        List<HearingRequest> provisional = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HearingRequest r = request(center, busy).build();
            provisional.add(r);
            scheduling.requestHearing(r);
        }
        assertTrue(Outboxes.notices(provisional.getFirst().getCaseNo(), NoticeKind.HEARING_NOTICE).isEmpty(),
                "a provisional booking tells nobody yet");

        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8));
        String location = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", from.plusDays(14).toString()))
                .post("/api/schedule/optimize")
                .then().statusCode(202)
                .body("status", equalTo("SOLVING"))
                .body("hearingsPlanned", equalTo(3))
                .body("hearingsPinned", greaterThanOrEqualTo(1))
                .body("scoreBefore", startsWith("0hard"))
                .extract().header("Location");

        JsonPath job = awaitFinished(location);
        assertEquals("APPLIED", job.getString("status"), job.prettify());
        assertEquals(100, job.getInt("progressPercent"));
        HardMediumSoftScore before = HardMediumSoftScore.parseScore(job.getString("scoreBefore"));
        HardMediumSoftScore after = HardMediumSoftScore.parseScore(job.getString("scoreAfter"));
        assertEquals(0, after.hardScore());
        assertTrue(after.compareTo(before) >= 0, before + " -> " + after);

        String staff = DevTokens.forRole("staff").subject("s").claim("center", center).sign();
        given().auth().oauth2(staff).get("/api/hearings/{id}", notified.getHearingId())
                .then().body("startsAt", equalTo(java.time.Instant.ofEpochSecond(notified.getStartsAt().getSeconds()).toString()))
                .body("venue.id", equalTo(notified.getVenueId()))
                .body("sequence", equalTo(0));
        // the plan is published: each planned hearing is notified now, and case-service hears of it
        for (HearingRequest r : provisional) {
            JsonPath h = given().auth().oauth2(staff).queryParam("caseId", r.getCaseId()).get("/api/hearings")
                    .then().statusCode(200).extract().jsonPath();
            assertFalse(h.getBoolean("[0].provisional"));
            assertEquals(3, Outboxes.notices(r.getCaseNo(), NoticeKind.HEARING_NOTICE).size());
            assertEquals(1, Outboxes.scheduled(h.getString("[0].id")).size());
        }
        // published hearings are pinned from now on: a second job has nothing to plan
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", from.plusDays(14).toString()))
                .post("/api/schedule/optimize")
                .then().statusCode(202).body("status", equalTo("APPLIED")).body("hearingsPlanned", equalTo(0));
    }

    @Test
    void onlySupervisorsAndAdminsStartJobsWithinTheirAreaAndBadHorizonsAre400() {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8));
        given().auth().oauth2(DevTokens.forRole("staff").subject("s").claim("center", "QX-COUNTY").sign())
                .contentType(ContentType.JSON).body(Map.of("from", from.toString(), "to", from.plusDays(7).toString()))
                .post("/api/schedule/optimize").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", from.plusDays(7).toString(), "areaCode", "330999103"))
                .post("/api/schedule/optimize").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", from.minusDays(1).toString()))
                .post("/api/schedule/optimize").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", from.plusDays(60).toString()))
                .post("/api/schedule/optimize").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("to", from.toString()))
                .post("/api/schedule/optimize").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(DevTokens.forRole("admin").subject("a").sign()).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", from.plusDays(7).toString()))
                .post("/api/schedule/optimize").then().statusCode(400).body("errors[0].field", equalTo("areaCode"));
        given().auth().oauth2(SUPERVISOR).get("/api/schedule/jobs/{id}", "00000000-0000-4000-8000-000000000000")
                .then().statusCode(404);
    }

    private static JsonPath awaitFinished(String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonPath job = given().auth().oauth2(SUPERVISOR).get(location).then().statusCode(200).extract().jsonPath();
            if (!"SOLVING".equals(job.getString("status")) || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(250);
        }
    }
}
