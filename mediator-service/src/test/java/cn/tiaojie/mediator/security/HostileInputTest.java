package cn.tiaojie.mediator.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.testsupport.DatabaseFingerprint;
import cn.tiaojie.testsupport.security.ApiCall;
import cn.tiaojie.testsupport.security.HostileRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint refuses malformed and hostile variants of a valid request with a 4xx and writes nothing.
 * Each test first shows its valid request succeeding on data of its own, so the refusals are due to the variants.
 * Endpoints whose only inputs are path ids get one variant per catalogue entry and id (50 or 100).
 */
@QuarkusTest
class HostileInputTest {

    private static final String WEEKLY_HOURS = """
            {"hours":[{"day":"MONDAY","starts":"09:00","ends":"12:00"},{"day":"THURSDAY","starts":"14:00","ends":"17:30"}]}""";
    private static final String UNAVAILABILITY = """
            {"startsAt":"2027-03-01T09:00:00+08:00","endsAt":"2027-03-02T09:00:00+08:00","kind":"COURT_DAY","reason":"出庭"}""";
    private static final String CONFLICT = """
            {"kind":"RELATION","partyName":"表兄王五","idNumber":"330999199001011234","phone":"13912345678","reason":"亲属"}""";

    @Inject
    AgroalDataSource dataSource;

    SecurityScene scene;

    @BeforeEach
    void scene() {
        scene = new SecurityScene();
    }

    private int refused(String endpoint, String token, ApiCall valid, String... freeText) {
        int sent = HostileRequests.to(endpoint).as(token).call(valid).freeText(freeText)
                .unchanged(() -> DatabaseFingerprint.of(dataSource)).run();
        assertTrue(sent >= 50, endpoint + ": only " + sent + " variants");
        System.out.printf("%s: %d hostile variants refused%n", endpoint, sent);
        return sent;
    }

    private static void atLeast200(String endpoint, int sent) {
        assertTrue(sent >= 200, endpoint + ": only " + sent + " variants");
    }

    @Test
    void registeringAMediator() {
        given().auth().oauth2(scene.admin).contentType(ContentType.JSON)
                .body(SecurityScene.mediatorBody(SecurityScene.newMediatorId(), scene.world.county))
                .post("/api/mediators").then().statusCode(201);
        atLeast200("POST /api/mediators", refused("POST /api/mediators", scene.admin, ApiCall.call()
                .json(SecurityScene.mediatorBody(SecurityScene.newMediatorId(), scene.world.county)), "name", "organization"));
    }

    @Test
    void changingAMediator() {
        String proof = scene.registeredMediator();
        given().auth().oauth2(scene.admin).contentType(ContentType.JSON)
                .body(SecurityScene.mediatorBody(proof, scene.world.county))
                .put("/api/mediators/{id}", proof).then().statusCode(200);
        String id = scene.registeredMediator();
        atLeast200("PUT /api/mediators/{id}", refused("PUT /api/mediators/{id}", scene.admin, ApiCall.call()
                .path("id", id).json(SecurityScene.mediatorBody(id, scene.world.county)), "name", "organization"));
    }

    @Test
    void declaringAndWithdrawingAConflict() {
        given().auth().oauth2(scene.mediator).contentType(ContentType.JSON).body(CONFLICT)
                .post("/api/mediators/{id}/conflicts", scene.onCase).then().statusCode(201);
        atLeast200("POST /api/mediators/{id}/conflicts", refused("POST /api/mediators/{id}/conflicts", scene.mediator,
                ApiCall.call().path("id", scene.onCase).json(CONFLICT), "partyName", "reason"));
        refused("DELETE /api/mediators/{id}/conflicts/{conflictId}", scene.mediator, ApiCall.call()
                .path("id", scene.onCase).path("conflictId", SecurityScene.conflictOf(scene.onCase)));
    }

    @Test
    void keepingTheCalendar() {
        given().auth().oauth2(scene.mediator).contentType(ContentType.JSON).body(WEEKLY_HOURS)
                .put("/api/mediators/{id}/weekly-hours", scene.otherMediator).then().statusCode(403);
        given().auth().oauth2(scene.mediator).contentType(ContentType.JSON).body(UNAVAILABILITY)
                .post("/api/mediators/{id}/unavailability", scene.onCase).then().statusCode(201);
        given().auth().oauth2(scene.mediator).contentType(ContentType.JSON).body(WEEKLY_HOURS)
                .put("/api/mediators/{id}/weekly-hours", scene.onCase).then().statusCode(200);
        atLeast200("PUT /api/mediators/{id}/weekly-hours", refused("PUT /api/mediators/{id}/weekly-hours",
                scene.mediator, ApiCall.call().path("id", scene.onCase).json(WEEKLY_HOURS)));
        atLeast200("POST /api/mediators/{id}/unavailability", refused("POST /api/mediators/{id}/unavailability",
                scene.mediator, ApiCall.call().path("id", scene.onCase).json(UNAVAILABILITY), "reason"));
        refused("DELETE /api/mediators/{id}/unavailability/{unavailabilityId}", scene.mediator, ApiCall.call()
                .path("id", scene.onCase).path("unavailabilityId", SecurityScene.unavailabilityOf(scene.onCase)));
    }

    @Test
    void settingAndResettingATeamRule() {
        String rule = "{\"requiredRoles\":[\"POLICE_OFFICER\"],\"optionalRoles\":[\"COUNSELOR\"]}";
        given().auth().oauth2(scene.admin).contentType(ContentType.JSON).body(rule)
                .put("/api/team-rules/{code}", "PETITION_RISK").then().statusCode(200);
        atLeast200("PUT /api/team-rules/{code}", refused("PUT /api/team-rules/{code}", scene.admin,
                ApiCall.call().path("code", "LABOUR.WAGE_ARREARS").json(rule)));
        refused("DELETE /api/team-rules/{code}", scene.admin, ApiCall.call().path("code", SecurityScene.riskRule()));
    }

    @Test
    void previewingAMatch() {
        String preview = """
                {"subcategory":"NEIGHBOUR.NOISE","areaCode":"%s","level":"GRID","roles":["PEOPLE_MEDIATOR"],"limit":5,
                 "deadline":"2027-01-01T00:00:00+08:00","parties":[{"name":"张三","organization":false,
                 "idNumber":"330999199001011234","phone":"13812345678","language":"zh-CN"}]}"""
                .formatted(scene.world.village());
        given().auth().oauth2(scene.staff).contentType(ContentType.JSON).body(preview)
                .post("/api/match/preview").then().statusCode(200);
        atLeast200("POST /api/match/preview", refused("POST /api/match/preview", scene.staff,
                ApiCall.call().json(preview), "parties[].name"));
    }

    @Test
    void answeringAnOffer() {
        SecurityScene.FreshOffer proof = SecurityScene.freshOffer();
        given().auth().oauth2(proof.mediatorToken()).contentType(ContentType.JSON).body("{\"reason\":\"外出学习\"}")
                .post("/api/offers/{id}/decline", proof.offerId()).then().statusCode(200);
        SecurityScene.FreshOffer offer = SecurityScene.freshOffer();
        // a reason is all a decline carries: about a hundred variants are all there are
        refused("POST /api/offers/{id}/decline", offer.mediatorToken(),
                ApiCall.call().path("id", offer.offerId()).json("{\"reason\":\"外出学习\"}"), "reason");
        refused("POST /api/offers/{id}/accept", offer.mediatorToken(), ApiCall.call().path("id", offer.offerId()));
    }

    @Test
    void publishingAChoiceListAndAssigningByHand() {
        SecurityScene.FreshTeam proof = SecurityScene.freshTeam();
        given().auth().oauth2(scene.staff).contentType(ContentType.JSON).body(choiceList(proof))
                .post("/api/teams/{id}/choice-lists", proof.teamId()).then().statusCode(201);
        SecurityScene.FreshTeam team = SecurityScene.freshTeam();
        atLeast200("POST /api/teams/{id}/choice-lists", refused("POST /api/teams/{id}/choice-lists", scene.staff,
                ApiCall.call().path("id", team.teamId()).json(choiceList(team))));

        SecurityScene.WaitingTeam waitingProof = SecurityScene.waitingTeam();
        given().auth().oauth2(scene.staff).contentType(ContentType.JSON).body(assignment(waitingProof))
                .post("/api/teams/{id}/offers", waitingProof.teamId()).then().statusCode(201);
        SecurityScene.WaitingTeam waiting = SecurityScene.waitingTeam();
        atLeast200("POST /api/teams/{id}/offers", refused("POST /api/teams/{id}/offers", scene.staff,
                ApiCall.call().path("id", waiting.teamId()).json(assignment(waiting)), "reason"));
    }

    @Test
    void answeringAndDecidingAChoiceList() {
        SecurityScene.FreshList proof = SecurityScene.freshList();
        given().auth().oauth2(proof.residentToken()).contentType(ContentType.JSON).body(ballot(proof))
                .put("/api/choice-lists/{id}/ballot", proof.listId()).then().statusCode(200);
        SecurityScene.FreshList list = SecurityScene.freshList();
        atLeast200("PUT /api/choice-lists/{id}/ballot", refused("PUT /api/choice-lists/{id}/ballot",
                list.residentToken(), ApiCall.call().path("id", list.listId()).json(ballot(list))));
        refused("POST /api/choice-lists/{id}/decide", scene.staff, ApiCall.call().path("id", list.listId()));
    }

    private static String choiceList(SecurityScene.FreshTeam team) {
        return "{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorIds\":[\"" + team.first() + "\",\"" + team.second() + "\"]}";
    }

    private static String assignment(SecurityScene.WaitingTeam team) {
        return "{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorId\":\"" + team.spare() + "\",\"reason\":\"邻镇调解员愿意接手\"}";
    }

    private static String ballot(SecurityScene.FreshList list) {
        return "{\"struck\":[\"" + list.team().first() + "\"],\"ranking\":[\"" + list.team().second() + "\"]}";
    }
}
