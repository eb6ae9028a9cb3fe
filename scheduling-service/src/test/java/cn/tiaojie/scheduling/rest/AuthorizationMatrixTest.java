package cn.tiaojie.scheduling.rest;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.testsupport.security.AccessMatrix;
import cn.tiaojie.testsupport.security.ApiCall;
import io.quarkus.grpc.GrpcClient;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call which endpoint, and how far their data scope reaches. The hearings are booked at a center of the
 * test's own in area 330999102003 with one mediator; the scope columns are staff of another center, a supervisor
 * of another township, a mediator not on the hearing and a resident of another case.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String AREA_SUPERVISED = "330999";
    static final String PLAN_AREA = "330999102";

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    String center;
    String mediator;
    String staff;
    String mediatorToken;

    final String supervisor = DevTokens.forRole("supervisor").subject("sup-county").claim("area", AREA_SUPERVISED).sign();
    final String admin = DevTokens.forRole("admin").subject("admin-1").sign();
    final String service = DevTokens.forRole("service").subject("case-service").sign();
    final String otherCenter = DevTokens.forRole("staff").subject("staff-baixi").claim("center", "QX-BAIXI").sign();
    final String outsideSupervisor = DevTokens.forRole("supervisor").subject("sup-shimen").claim("area", "330999103")
            .sign();
    final String otherMediator = DevTokens.forRole("mediator").subject("M-OTHER").claim("mediatorId", "M-OTHER").sign();
    final String otherResident = DevTokens.forRole("resident").subject("r-other")
            .claim("caseId", UUID.randomUUID().toString()).claim("partyId", UUID.randomUUID().toString()).sign();

    /** A center and a mediator of this test's own, so that no other test's bookings get in the way. */
    @BeforeEach
    void newCenterAndMediator() {
        center = newCenter(6);
        mediator = uniqueId("MX");
        staff = DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
        mediatorToken = DevTokens.forRole("mediator").subject(mediator).claim("mediatorId", mediator).sign();
    }

    record Booked(HearingRequest request, Hearing hearing) {
        String id() {
            return hearing.getHearingId();
        }

        String resident() {
            return DevTokens.forRole("resident").subject("r-" + request.getCaseNo())
                    .claim("caseId", request.getCaseId()).claim("partyId", request.getParties(0).getPartyId()).sign();
        }
    }

    Booked book() {
        HearingRequest request = request(center, mediator).build();
        return new Booked(request, scheduling.requestHearing(request));
    }

    /** A call on a fresh hearing; the resident column asks as a party of that hearing's case. */
    ApiCall onNewHearing(String column) {
        Booked b = book();
        ApiCall call = ApiCall.call().path("id", b.id());
        return column.equals("resident") ? call.as(b.resident()) : call;
    }

    String newVenue() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(venueBody(uniqueId("室")))
                .post("/api/venues").then().statusCode(201).extract().path("id");
    }

    String venueBody(String name) {
        return """
                {"centerCode":"%s","name":"%s","address":"测试路 9 号","kind":"ROOM","capacity":8,
                 "opens":"09:00","closes":"17:00","hasVideo":false}""".formatted(center, name);
    }

    static String horizon(String area) {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0);
        return """
                {"from":"%s","to":"%s","areaCode":"%s"}""".formatted(from, from.plusDays(7), area);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        String planJob = given().auth().oauth2(admin).contentType(ContentType.JSON).body(horizon(PLAN_AREA))
                .post("/api/schedule/optimize").then().statusCode(202).extract().path("id");
        Booked shared = book();
        String sharedVenue = newVenue();
        String feedToken = given().auth().oauth2(admin).post("/api/mediators/{id}/calendar-subscription",
                uniqueId("M")).then().statusCode(201).extract().path("token");
        return AccessMatrix.of("""
                endpoint                                  staff supervisor mediator resident admin service other-center outside-supervisor other-mediator other-resident anonymous bad-token
                GET    /api/venues                        200   200        403      403      200   403     200          200                403            403            401       401
                POST   /api/venues                        201   403        403      403      201   403     403          403                403            403            401       401
                GET    /api/venues/{id}                   200   200        403      403      200   403     404          200                403            403            401       401
                PUT    /api/venues/{id}                   200   403        403      403      200   403     404          403                403            403            401       401
                DELETE /api/venues/{id}                   200   403        403      403      200   403     404          403                403            403            401       401
                # staff, supervisors and mediators list within their scope: another scope's list is empty (checked below)
                GET    /api/hearings                      200   200        200      403      200   403     200          200                200            403            401       401
                GET    /api/hearings/{id}                 200   200        200      200      200   403     404          404                404            404            401       401
                GET    /api/hearings/{id}.ics             200   200        200      200      200   403     404          404                404            404            401       401
                GET    /api/hearings/{id}/history         200   200        200      403      200   403     404          404                404            403            401       401
                POST   /api/hearings/{id}/reschedule      200   200        200      200      200   403     404          404                404            404            401       401
                POST   /api/hearings/{id}/cancel          200   200        403      403      200   403     404          404                403            403            401       401
                # a mediator reads only their own feed; staff and supervisors get only the hearings in their scope
                GET    /api/mediators/{id}/calendar.ics   200   200        200      403      200   403     200          200                403            403            401       401
                # the secret address: kept by the mediator and admins, read by whoever holds it (a calendar app)
                GET    /api/mediators/{id}/calendar-subscription 403 403   200      403      200   403     403          403                403            403            401       401
                POST   /api/mediators/{id}/calendar-subscription 403 403   201      403      201   403     403          403                403            403            401       401
                DELETE /api/mediators/{id}/calendar-subscription 403 403   204      403      204   403     403          403                403            403            401       401
                GET    /api/calendar-feeds/{token}.ics    200   200        200      200      200   200     200          200                200            200            200       401
                POST   /api/schedule/optimize             403   202        403      403      202   403     403          403                403            403            401       401
                GET    /api/schedule/jobs/{id}            403   200        403      403      200   403     403          404                403            403            401       401
                """)
                .caller("staff", staff).caller("supervisor", supervisor).caller("mediator", mediatorToken)
                .caller("resident", shared.resident()).caller("admin", admin).caller("service", service)
                .caller("other-center", otherCenter).caller("outside-supervisor", outsideSupervisor)
                .caller("other-mediator", otherMediator).caller("other-resident", otherResident)
                .request("GET /api/venues", column -> ApiCall.call().query("center", center))
                .request("POST /api/venues", column -> ApiCall.call().json(venueBody(uniqueId("室"))))
                .request("GET /api/venues/{id}", column -> ApiCall.call().path("id", sharedVenue))
                .request("PUT /api/venues/{id}", column -> ApiCall.call().path("id", newVenue())
                        .json(venueBody(uniqueId("改"))))
                .request("DELETE /api/venues/{id}", column -> ApiCall.call().path("id", newVenue())
                        .query("reason", "装修"))
                .request("GET /api/hearings", column -> ApiCall.call().query("caseId", shared.request().getCaseId()))
                .request("GET /api/hearings/{id}", column -> onShared(shared, column))
                .request("GET /api/hearings/{id}.ics", column -> onShared(shared, column))
                .request("GET /api/hearings/{id}/history", column -> onShared(shared, column))
                .request("POST /api/hearings/{id}/reschedule", column -> onNewHearing(column)
                        .json("{\"reason\":\"当事人出差\"}"))
                .request("POST /api/hearings/{id}/cancel", column -> onNewHearing(column)
                        .json("{\"reason\":\"双方已自行和解\"}"))
                .request("GET /api/mediators/{id}/calendar.ics", column -> ApiCall.call().path("id", mediator))
                .request("GET /api/mediators/{id}/calendar-subscription", column -> ApiCall.call().path("id", mediator))
                .request("POST /api/mediators/{id}/calendar-subscription", column -> ApiCall.call().path("id", mediator))
                .request("DELETE /api/mediators/{id}/calendar-subscription", column -> ApiCall.call().path("id", mediator))
                .request("GET /api/calendar-feeds/{token}.ics", column -> ApiCall.call().path("token", feedToken))
                .request("POST /api/schedule/optimize", column -> ApiCall.call().json(horizon(PLAN_AREA)))
                .request("GET /api/schedule/jobs/{id}", column -> ApiCall.call().path("id", planJob))
                .coversOpenApi()
                .tests();
    }

    private static ApiCall onShared(Booked shared, String column) {
        ApiCall call = ApiCall.call().path("id", shared.id());
        return column.equals("resident") ? call.as(shared.resident()) : call;
    }

    /** The 200 cells of other scopes carry none of the other scope's data. */
    @Test
    void listsAndFeedsOfAnotherScopeHoldNothingOfIt() {
        Booked b = book();
        given().auth().oauth2(otherCenter).queryParam("caseId", b.request().getCaseId()).get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(outsideSupervisor).queryParam("caseId", b.request().getCaseId()).get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(otherMediator).queryParam("caseId", b.request().getCaseId()).get("/api/hearings")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(otherCenter).queryParam("center", center).get("/api/venues")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(otherCenter).get("/api/venues")
                .then().statusCode(200).body("centerCode", not(org.hamcrest.Matchers.hasItem(center)));
        String uid = "UID:hearing-" + b.id();
        given().auth().oauth2(otherCenter).get("/api/mediators/{id}/calendar.ics", mediator)
                .then().statusCode(200).body(not(containsString(uid)));
        given().auth().oauth2(outsideSupervisor).get("/api/mediators/{id}/calendar.ics", mediator)
                .then().statusCode(200).body(not(containsString(uid)));
        given().auth().oauth2(staff).get("/api/mediators/{id}/calendar.ics", mediator)
                .then().statusCode(200).body(containsString(uid));
    }
}
