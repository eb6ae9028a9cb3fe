package cn.tiaojie.scheduling.rest;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.scheduling.model.PlanJob;
import cn.tiaojie.testsupport.DatabaseFingerprint;
import cn.tiaojie.testsupport.security.ApiCall;
import cn.tiaojie.testsupport.security.HostileRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint refuses malformed and hostile variants of a valid request with a 4xx and writes nothing.
 * Each valid request is first shown to succeed on data of its own, so the refusals are the variants' doing.
 */
@QuarkusTest
class HostileInputTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Inject
    AgroalDataSource dataSource;

    final String admin = DevTokens.forRole("admin").subject("admin-1").sign();
    final String supervisor = DevTokens.forRole("supervisor").subject("sup-county").claim("area", "330999").sign();
    String center;
    String staff;

    @BeforeEach
    void newCenterWithStaff() {
        center = newCenter(4);
        staff = DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
    }

    Map<String, String> fingerprint() {
        return DatabaseFingerprint.of(dataSource);
    }

    String venueBody(String name) {
        return """
                {"centerCode":"%s","name":"%s","address":"测试路 9 号","kind":"ROOM","capacity":8,
                 "opens":"09:00","closes":"17:00","hasVideo":true}""".formatted(center, name);
    }

    String newVenue() {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(venueBody(uniqueId("室")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
    }

    Hearing book() {
        HearingRequest request = request(center, uniqueId("MH")).build();
        return scheduling.requestHearing(request);
    }

    HearingRequest bookedRequest(Hearing hearing) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return HearingRequest.parseFrom(cn.tiaojie.scheduling.model.Hearing
                        .<cn.tiaojie.scheduling.model.Hearing>findById(java.util.UUID.fromString(hearing.getHearingId())).request);
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void addingAVenue() {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(venueBody(uniqueId("室")))
                .post("/api/venues").then().statusCode(201);
        int sent = HostileRequests.to("POST /api/venues").as(staff)
                .call(ApiCall.call().json(venueBody(uniqueId("室"))))
                .freeText("name", "address")
                .unchanged(this::fingerprint)
                .run();
        assertTrue(sent >= 200, "only " + sent + " variants");
    }

    @Test
    void changingAVenue() {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(venueBody(uniqueId("改")))
                .put("/api/venues/{id}", newVenue()).then().statusCode(200);
        String venue = newVenue();
        String body = venueBody(uniqueId("改"));
        int sent = HostileRequests.to("PUT /api/venues/{id}").as(staff)
                .call(ApiCall.call().path("id", venue).json(body))
                .freeText("name", "address")
                .unchanged(this::fingerprint)
                .run();
        assertTrue(sent >= 200, "only " + sent + " variants");
    }

    /** A close has only its path id: the catalogue's strings there, plus hostile reasons in the query. */
    @Test
    void closingAVenue() {
        given().auth().oauth2(staff).queryParam("reason", "装修").delete("/api/venues/{id}", newVenue())
                .then().statusCode(200);
        String venue = newVenue();
        Map<String, String> before = fingerprint();
        int sent = HostileRequests.to("DELETE /api/venues/{id}").as(staff)
                .call(ApiCall.call().path("id", venue))
                .unchanged(this::fingerprint)
                .run();
        for (String reason : new String[] {"text\u0000with NUL", "bell\u0007escape\u001b[2J", "x".repeat(501),
            "line\r\nX-Injected: 1"}) {
            given().auth().oauth2(staff).queryParam("reason", reason).delete("/api/venues/{id}", venue)
                    .then().statusCode(400);
            sent++;
        }
        assertEquals(before, fingerprint());
        assertTrue(sent >= 50, "only " + sent + " variants");
    }

    @Test
    void reschedulingAHearing() {
        Hearing proof = book();
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"reason\":\"当事人出差\",\"partyId\":\"%s\"}".formatted(bookedRequest(proof).getParties(0).getPartyId()))
                .post("/api/hearings/{id}/reschedule", proof.getHearingId()).then().statusCode(200);
        Hearing hearing = book();
        String party = bookedRequest(hearing).getParties(0).getPartyId();
        String body = "{\"reason\":\"当事人出差\",\"partyId\":\"%s\"}".formatted(party);
        int sent = HostileRequests.to("POST /api/hearings/{id}/reschedule").as(staff)
                .call(ApiCall.call().path("id", hearing.getHearingId()).json(body))
                .freeText("reason")
                .unchanged(this::fingerprint)
                .run();
        assertTrue(sent >= 200, "only " + sent + " variants");
    }

    /** A cancel has one free-text field: fewer than 200 variants exist; staff and supervisors each send them all. */
    @Test
    void cancellingAHearing() {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"reason\":\"双方已自行和解\"}")
                .post("/api/hearings/{id}/cancel", book().getHearingId()).then().statusCode(200);
        String hearing = book().getHearingId();
        int sent = 0;
        for (String token : new String[] {staff, supervisor}) {
            sent += HostileRequests.to("POST /api/hearings/{id}/cancel").as(token)
                    .call(ApiCall.call().path("id", hearing).json("{\"reason\":\"双方已自行和解\"}"))
                    .freeText("reason")
                    .unchanged(this::fingerprint)
                    .run();
        }
        assertTrue(sent >= 200, "only " + sent + " variants");
    }

    @Test
    void startingAnOptimisation() {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0);
        String body = """
                {"from":"%s","to":"%s","areaCode":"330999102"}""".formatted(from, from.plusDays(7));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/schedule/optimize").then().statusCode(202);
        awaitNoJobSolving();
        int sent = HostileRequests.to("POST /api/schedule/optimize").as(admin)
                .call(ApiCall.call().json(body))
                .unchanged(this::fingerprint)
                .run();
        assertTrue(sent >= 200, "only " + sent + " variants");
    }

    /** Jobs solve in the background and then write their result: wait, so the fingerprint holds still. */
    private static void awaitNoJobSolving() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (QuarkusTransaction.requiringNew().call(() -> PlanJob.count("status", PlanJob.Status.SOLVING)) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "a plan job still solves after 60 s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
