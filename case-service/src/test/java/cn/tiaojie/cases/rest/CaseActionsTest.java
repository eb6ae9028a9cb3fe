package cn.tiaojie.cases.rest;

import static cn.tiaojie.cases.Fixtures.ADMIN;
import static cn.tiaojie.cases.Fixtures.COUNTY_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.OTHER_STAFF;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.Fixtures;
import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.local.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * GET /api/cases/{id}/actions agrees with the endpoints: a case is walked to each state and, there, every action
 * listed for a caller is accepted by its endpoint (each on a fresh case in that state), and every action not listed
 * is refused (403 or 409) and changes nothing.
 */
@QuarkusTest
class CaseActionsTest {

    /** M010 is the team member Flow puts on every case it walks to a team. */
    private static final String MEDIATOR = DevTokens.forRole("mediator").subject("m-010").claim("mediatorId", "M010").sign();
    private static final List<String> EVERY_ACTION = List.of("file", "reject", "withdraw", "escalate", "summons",
            "request-hearing", "start-mediation", "outcome", "judicial-confirmation", "close", "follow-ups");
    private static final String REASON = "{\"reason\":\"申请人撤回\"}";
    /** the outcome every open status takes; from any other status no outcome is taken */
    private static final String WITHDRAWN_OUTCOME = "{\"result\":\"WITHDRAWN\",\"reason\":\"申请人撤回\"}";
    private static final Map<String, String> BODIES = Map.of(
            "reject", REASON, "withdraw", REASON, "escalate", REASON,
            "summons", "{\"deadlineHours\":72}",
            "outcome", WITHDRAWN_OUTCOME,
            "judicial-confirmation", "{\"appliedOn\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                    + "\",\"court\":\"青溪县人民法院\"}",
            "follow-ups", "{\"method\":\"PHONE\",\"note\":\"已电话回访\"}");

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    /** A state, how to walk a new case there, what the center's staff and the area's supervisor may do in it. */
    record State(String name, Supplier<String> newCase, boolean withTeam, List<String> staff, List<String> supervisor) {
    }

    @TestFactory
    Stream<DynamicTest> eachStateListsExactlyTheActionsItsEndpointsAccept() {
        List<String> open = List.of("withdraw", "escalate", "summons", "outcome");
        List<String> overseeing = List.of("escalate", "summons");
        return Stream.of(
                new State("RECEIVED", () -> register(wageDispute()), false,
                        List.of("file", "reject", "withdraw", "escalate", "summons", "outcome"), overseeing),
                new State("RECEIVED at the county level, as high as it goes", () -> register(wageDispute()
                        .replace("\"riskFlags\":[]", "\"riskFlags\":[\"VIOLENCE_THREAT\"]")), false,
                        List.of("file", "reject", "withdraw", "summons", "outcome"), List.of("summons")),
                new State("FILED", Fixtures::fileNewCase, false, open, overseeing),
                new State("TEAM_ASSIGNED", () -> Flow.toTeamAssigned(cases, STAFF, wageDispute()), true,
                        List.of("withdraw", "escalate", "summons", "request-hearing", "outcome"), overseeing),
                new State("HEARING_SCHEDULED", () -> Flow.toHearingScheduled(cases, STAFF, wageDispute()), true,
                        List.of("withdraw", "escalate", "summons", "start-mediation", "outcome"), overseeing),
                new State("IN_MEDIATION", () -> Flow.toMediation(cases, STAFF, wageDispute()), true, open, overseeing),
                new State("RESOLVED, judicial confirmation due", this::resolved, true,
                        List.of("judicial-confirmation", "close", "follow-ups"), List.of()),
                new State("RESOLVED, judicial confirmation applied for",
                        () -> act("judicial-confirmation", resolved()), true, List.of("close", "follow-ups"), List.of()),
                new State("UNRESOLVED", () -> outcome(Flow.toMediation(cases, STAFF, wageDispute()),
                        "{\"result\":\"UNRESOLVED\",\"referralRoute\":\"LITIGATION\"}"), true,
                        List.of("close", "follow-ups"), List.of()),
                new State("WITHDRAWN", () -> act("withdraw", register(wageDispute())), false,
                        List.of("close", "follow-ups"), List.of()),
                // a rejection is no outcome of a mediation: nothing to follow up
                new State("REJECTED", () -> act("reject", register(wageDispute())), false, List.of("close"), List.of()),
                new State("CLOSED, judicial confirmation still due", () -> act("close", resolved()), true,
                        List.of("judicial-confirmation", "follow-ups"), List.of()),
                new State("CLOSED", () -> act("close", act("reject", register(wageDispute()))), false, List.of(),
                        List.of()))
                .map(state -> DynamicTest.dynamicTest(state.name(), () -> check(state)));
    }

    private void check(State state) {
        String id = state.newCase().get();
        long version = assertActions(STAFF, id, state.staff());
        assertActions(COUNTY_SUPERVISOR, id, state.supervisor());
        assertActions(ADMIN, id, List.of());
        assertActions(residentOf(id), id, List.of());
        if (state.withTeam()) {
            assertActions(MEDIATOR, id, List.of());
        } else {
            given().auth().oauth2(MEDIATOR).get("/api/cases/{id}/actions", id).then().statusCode(404);
        }
        given().auth().oauth2(OTHER_STAFF).get("/api/cases/{id}/actions", id).then().statusCode(404)
                .contentType("application/problem+json");

        Map<String, List<String>> listed = Map.of(STAFF, state.staff(), COUNTY_SUPERVISOR, state.supervisor(),
                MEDIATOR, List.of());
        listed.forEach((token, actions) -> EVERY_ACTION.stream().filter(a -> !actions.contains(a)).forEach(action -> {
            int status = attempt(token, action, id);
            assertTrue(status == 403 || status == 409, state.name() + ": " + action + " is not listed, yet answered " + status);
        }));
        EVERY_ACTION.forEach(action -> assertEquals(404, attempt(OTHER_STAFF, action, id), action + " by another center"));
        assertEquals(version, assertActions(STAFF, id, state.staff()), "a refused action changed the case");

        listed.forEach((token, actions) -> actions.forEach(action -> {
            int status = attempt(token, action, state.newCase().get());
            assertTrue(status / 100 == 2, state.name() + ": " + action + " is listed, yet answered " + status);
        }));
    }

    /** Asserts the caller's actions on the case, and that its version is the one GET /api/cases/{id} tags; the version. */
    private static long assertActions(String token, String id, List<String> expected) {
        String etag = given().auth().oauth2(token).get("/api/cases/{id}", id).then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(token).get("/api/cases/{id}/actions", id).then().statusCode(200)
                .header("ETag", etag)
                .body("actions", equalTo(expected))
                .body("version", equalTo(Integer.parseInt(etag.replace("\"", ""))))
                .extract().<Number>path("version").longValue();
    }

    private static int attempt(String token, String action, String id) {
        RequestSpecification request = given().auth().oauth2(token);
        String body = BODIES.get(action);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/cases/{id}/" + action, id).statusCode();
    }

    /** Takes the action as the center's staff, which must succeed; the case. */
    private static String act(String action, String id) {
        int status = attempt(STAFF, action, id);
        assertTrue(status / 100 == 2, action + " answered " + status);
        return id;
    }

    private String resolved() {
        return outcome(Flow.toMediation(cases, STAFF, wageDispute()), """
                {"result":"RESOLVED","agreement":{"terms":"公司于二十日内一次性支付工资 18000 元","amount":18000,
                 "judicialConfirmation":true}}""");
    }

    private static String outcome(String id, String body) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).post("/api/cases/{id}/outcome", id)
                .then().statusCode(200);
        return id;
    }

    private static String residentOf(String id) {
        String partyId = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("parties[0].id");
        return DevTokens.forRole("resident").subject("r-" + partyId).claim("caseId", id).claim("partyId", partyId).sign();
    }
}
