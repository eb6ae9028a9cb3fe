package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.ADMIN;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.service.TeamFormation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamRuleResourceTest {

    @Inject
    TeamFormation formation;

    @Test
    void everySubcategoryHasARuleAndTheTaskExamplesAreTheDefaults() {
        given().auth().oauth2(STAFF).get("/api/team-rules")
                .then().statusCode(200)
                .body("findAll { it.scope == 'SUBCATEGORY' }.size()", equalTo(85))
                .body("find { it.code == 'LABOUR.WAGE_ARREARS' }.requiredRoles", equalTo(List.of("LAWYER", "SOCIAL_WORKER")))
                .body("find { it.code == 'MARRIAGE_FAMILY.DOMESTIC_CONFLICT' }.requiredRoles",
                        equalTo(List.of("COUNSELOR", "SOCIAL_WORKER")))
                .body("find { it.code == 'MARRIAGE_FAMILY.DOMESTIC_CONFLICT' }.optionalRoles", equalTo(List.of("JUDGE")))
                .body("find { it.code == 'ROAD_TRAFFIC.PERSONAL_INJURY' }.requiredRoles",
                        equalTo(List.of("POLICE_OFFICER", "LAWYER")))
                .body("find { it.code == 'VIOLENCE_THREAT' }.requiredRoles", equalTo(List.of("POLICE_OFFICER")));
    }

    @Test
    void anAdminsRuleForASubcategoryOrItsCategoryDecidesNewTeamsAndAResetRestoresTheDefault() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        world.mediator(MediatorRole.JUDGE, world.county);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"requiredRoles\":[\"PEOPLE_MEDIATOR\",\"JUDGE\"],\"optionalRoles\":[\"LAWYER\"]}")
                .put("/api/team-rules/{code}", "FISHERY_MARITIME")
                .then().statusCode(200).header("ETag", "\"0\"").body("source", equalTo("CATEGORY"));
        given().auth().oauth2(STAFF).get("/api/team-rules/{code}", "FISHERY_MARITIME.FISHING_GEAR")
                .then().statusCode(200).body("source", equalTo("CATEGORY"))
                .body("requiredRoles", equalTo(List.of("PEOPLE_MEDIATOR", "JUDGE")));

        UUID caseId = request(world.caseOf("FISHERY_MARITIME.FISHING_GEAR", AreaLevel.VILLAGE));
        assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR, MediatorRole.JUDGE), TestWorld.team(caseId).requiredRoles);
        assertEquals(List.of(MediatorRole.LAWYER), TestWorld.team(caseId).optionalRoles);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body("{\"requiredRoles\":[\"PEOPLE_MEDIATOR\"]}")
                .put("/api/team-rules/{code}", "FISHERY_MARITIME").then().statusCode(412);
        given().auth().oauth2(ADMIN).delete("/api/team-rules/{code}", "FISHERY_MARITIME").then().statusCode(204);
        UUID later = request(world.caseOf("FISHERY_MARITIME.FISHING_GEAR", AreaLevel.VILLAGE));
        assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR), TestWorld.team(later).requiredRoles);
    }

    @Test
    void theViolenceRuleIsEditableLikeAnyOther() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        world.mediator(MediatorRole.POLICE_OFFICER, world.county);
        world.mediator(MediatorRole.COUNSELOR, world.county);
        String etag = given().auth().oauth2(STAFF).get("/api/team-rules/VIOLENCE_THREAT")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"requiredRoles\":[\"POLICE_OFFICER\",\"COUNSELOR\"]}")
                .put("/api/team-rules/VIOLENCE_THREAT").then().statusCode(200);
        try {
            UUID caseId = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).addRiskFlags("VIOLENCE_THREAT"));
            assertEquals(List.of(MediatorRole.PEOPLE_MEDIATOR, MediatorRole.POLICE_OFFICER, MediatorRole.COUNSELOR),
                    TestWorld.team(caseId).requiredRoles);
        } finally {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"requiredRoles\":[\"POLICE_OFFICER\"]}")
                    .put("/api/team-rules/VIOLENCE_THREAT").then().statusCode(200);
        }
    }

    @Test
    void badRulesAre400OnlyAdminsEditAndNothingChanges() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"requiredRoles\":[],\"optionalRoles\":[\"JUDGE\",\"JUDGE\"]}")
                .put("/api/team-rules/{code}", "NEIGHBOUR.DRAINAGE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("requiredRoles", "optionalRoles")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"requiredRoles\":[\"WIZARD\"]}")
                .put("/api/team-rules/{code}", "NEIGHBOUR.DRAINAGE").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"requiredRoles\":[\"LAWYER\"]}")
                .put("/api/team-rules/{code}", "no.such-code")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"requiredRoles\":[\"LAWYER\"]}")
                .put("/api/team-rules/{code}", "NEIGHBOUR.DRAINAGE").then().statusCode(403);
        given().auth().oauth2(STAFF).get("/api/team-rules/{code}", "NEIGHBOUR.DRAINAGE")
                .then().statusCode(200).body("source", equalTo("TAXONOMY"))
                .body("requiredRoles", equalTo(List.of("PEOPLE_MEDIATOR")));
    }

    private UUID request(TeamRequest.Builder request) {
        TeamRequest built = request.build();
        formation.requestTeam(TeamRequests.of(built));
        return UUID.fromString(built.getCaseId());
    }
}
