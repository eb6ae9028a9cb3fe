package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamResourceTest {

    static final String BAIXI_STAFF = DevTokens.forRole("staff").subject("staff-bx-1").claim("center", "QX-BAIXI").sign();

    @Inject
    TeamFormation formation;

    @Test
    void staffOfTheCaseCenterSeeTheTeamAndItsOffersOthersDoNot() {
        TestWorld world = new TestWorld();
        String mediatorId = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String bystander = world.mediator(MediatorRole.LAWYER, world.county);
        TeamRequest request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        UUID teamId = formation.requestTeam(TeamRequests.of(request)).team().id;

        given().auth().oauth2(STAFF).queryParam("caseId", request.getCaseId()).get("/api/teams")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("FORMING"))
                .body("items[0].requiredRoles", equalTo(List.of("PEOPLE_MEDIATOR")))
                .body("items[0].offers[0].mediatorId", equalTo(mediatorId));
        given().auth().oauth2(BAIXI_STAFF).queryParam("caseId", request.getCaseId()).get("/api/teams")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(STAFF).get("/api/teams/by-case/{caseId}", request.getCaseId())
                .then().statusCode(200).body("id", equalTo(teamId.toString()));
        given().auth().oauth2(BAIXI_STAFF).get("/api/teams/by-case/{caseId}", request.getCaseId()).then().statusCode(404);
        given().auth().oauth2(STAFF).get("/api/teams/by-case/{caseId}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(BAIXI_STAFF).get("/api/teams/{id}", teamId).then().statusCode(404);
        given().auth().oauth2(mediatorToken(mediatorId)).get("/api/teams/{id}", teamId)
                .then().statusCode(200).body("caseNo", equalTo(request.getCaseNo()));
        given().auth().oauth2(mediatorToken(bystander)).get("/api/teams/{id}", teamId).then().statusCode(404);
        given().auth().oauth2(BAIXI_STAFF).queryParam("role", "PEOPLE_MEDIATOR")
                .get("/api/teams/{id}/candidates", teamId).then().statusCode(404);
    }

    @Test
    void anUnknownStatusOrRoleIs400NamingTheParameter() {
        given().auth().oauth2(STAFF).queryParam("status", "HALF_FORMED").get("/api/teams")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(STAFF).queryParam("caseId", "case-1").get("/api/teams")
                .then().statusCode(400).body("errors[0].field", equalTo("caseId"));
        given().auth().oauth2(STAFF).queryParam("role", "WIZARD").get("/api/mediators")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(mediatorToken("M001")).queryParam("status", "MAYBE").get("/api/offers")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
