package cn.tiaojie.scheduling.rest;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HearingResourceTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    static String staffOf(String center) {
        return DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
    }

    static String mediator(String id) {
        return DevTokens.forRole("mediator").subject(id).claim("mediatorId", id).sign();
    }

    record Booked(String center, String mediator, HearingRequest request, Hearing hearing) {
    }

    Booked book() {
        String center = newCenter(1);
        String mediator = uniqueId("M");
        HearingRequest request = request(center, mediator).build();
        return new Booked(center, mediator, request, scheduling.requestHearing(request));
    }

    @Test
    void staffOfTheCenterFindTheHearingOfACase() {
        Booked b = book();
        given().auth().oauth2(staffOf(b.center())).queryParam("caseId", b.request().getCaseId()).get("/api/hearings")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(b.hearing().getHearingId()))
                .body("[0].status", equalTo("BOOKED"))
                .body("[0].venue.name", equalTo("调解室 1"))
                .body("[0].participants.kind", hasItem("MEDIATOR"))
                .body("[0].participants.id", hasItem(b.request().getParties(0).getPartyId()));
        given().auth().oauth2(staffOf(b.center())).get("/api/hearings/{id}", b.hearing().getHearingId())
                .then().statusCode(200).body("caseNo", equalTo(b.request().getCaseNo()));
    }

    @Test
    void staffOfAnotherCenterSeeNothingOfIt() {
        Booked b = book();
        given().auth().oauth2(staffOf("QX-BAIXI")).queryParam("caseId", b.request().getCaseId()).get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(staffOf("QX-BAIXI")).get("/api/hearings/{id}", b.hearing().getHearingId())
                .then().statusCode(404);
    }

    @Test
    void supervisorsSeeTheirJurisdiction() {
        Booked b = book();
        String county = DevTokens.forRole("supervisor").subject("sup-1").claim("area", "330999").sign();
        String otherTownship = DevTokens.forRole("supervisor").subject("sup-2").claim("area", "330999103").sign();
        given().auth().oauth2(county).get("/api/hearings/{id}", b.hearing().getHearingId()).then().statusCode(200);
        given().auth().oauth2(otherTownship).get("/api/hearings/{id}", b.hearing().getHearingId()).then().statusCode(404);
    }

    @Test
    void aMediatorSeesOnlyTheirOwnHearings() {
        Booked b = book();
        Booked other = book();
        String token = mediator(b.mediator());
        given().auth().oauth2(token).get("/api/hearings")
                .then().statusCode(200)
                .body("id", hasItem(b.hearing().getHearingId()))
                .body("$", hasSize(1));
        given().auth().oauth2(token).queryParam("mediatorId", b.mediator()).get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(token).queryParam("mediatorId", other.mediator()).get("/api/hearings")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/hearings/{id}", other.hearing().getHearingId()).then().statusCode(404);
    }

    @Test
    void hearingsFilterByVenueAndTime() {
        Booked b = book();
        String staff = staffOf(b.center());
        String startsAt = java.time.Instant.ofEpochSecond(b.hearing().getStartsAt().getSeconds()).toString();
        given().auth().oauth2(staff).queryParam("venueId", b.hearing().getVenueId()).queryParam("from", startsAt)
                .get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(staff).queryParam("venueId", b.hearing().getVenueId()).queryParam("to", startsAt)
                .get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        String admin = DevTokens.forRole("admin").subject("admin-1").sign();
        given().auth().oauth2(admin).queryParam("caseId", "nope").get("/api/hearings")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("caseId"));
        given().auth().oauth2(admin).queryParam("from", "yesterday").get("/api/hearings")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("from", "2026-03-02T10:00:00Z").queryParam("to", "2026-03-02T09:00:00Z")
                .get("/api/hearings")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void hearingsNeedAToken() {
        given().get("/api/hearings").then().statusCode(401);
        given().auth().oauth2(DevTokens.forRole("resident").subject("r1").sign()).get("/api/hearings")
                .then().statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
