package cn.tiaojie.mediator.service;

import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.Offer;
import cn.tiaojie.mediator.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The four conflict-of-interest rules exclude a mediator automatically, each named in the explanation. */
@QuarkusTest
class ConflictRulesTest {

    static final String ID_NUMBER = "330999199001011234";

    @Inject
    TeamFormation formation;

    private static TeamRequest.Builder withIdNumber(TeamRequest.Builder request) {
        return request.setParties(0, request.getParties(0).toBuilder().setIdNumber(ID_NUMBER));
    }

    private UUID request(TeamRequest.Builder request) {
        TeamRequest built = request.build();
        formation.requestTeam(built);
        return UUID.fromString(built.getCaseId());
    }

    private static String excludedRule(UUID caseId, String mediatorId) {
        return given().auth().oauth2(STAFF).get("/api/cases/{caseId}/team", caseId)
                .then().statusCode(200)
                .extract().path("offers[0].explanation.excluded.find { it.mediatorId == '" + mediatorId + "' }.rule");
    }

    @Test
    void aRelationDeclaredByIdNumberOrPhoneExcludesTheMediatorWithoutTheNameMatching() {
        TestWorld world = new TestWorld();
        String byIdNumber = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        String byPhone = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        String free = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        given().auth().oauth2(mediatorToken(byIdNumber)).contentType(ContentType.JSON)
                .body("{\"partyName\":\"张某\",\"idNumber\":\"" + ID_NUMBER + "\",\"reason\":\"表兄\"}")
                .post("/api/mediators/{id}/conflicts", byIdNumber)
                .then().statusCode(201).body("idNumber", equalTo("330999********1234"));
        given().auth().oauth2(mediatorToken(byPhone)).contentType(ContentType.JSON)
                .body("{\"phone\":\"+86 138 1234 5678\",\"reason\":\"邻居\"}")
                .post("/api/mediators/{id}/conflicts", byPhone)
                .then().statusCode(201).body("phone", equalTo("861****5678"));

        UUID caseId = request(withIdNumber(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID)));

        assertEquals(free, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        assertEquals("DECLARED_RELATION", excludedRule(caseId, byIdNumber));
        assertEquals("DECLARED_RELATION", excludedRule(caseId, byPhone));
    }

    @Test
    void aMediatorWhoServedOnAnotherCaseWithTheSamePartyIsExcluded() {
        TestWorld world = new TestWorld();
        String veteran = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        String other = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        UUID first = request(withIdNumber(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID)));
        Offer offer = liveOffer(first, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(veteran, offer.mediator.id);
        formation.accept(offer.id, veteran);

        // the same resident (by ID number) in a new case against someone else
        TeamRequest.Builder second = withIdNumber(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        second.setParties(0, second.getParties(0).toBuilder().setName("张三丰").clearPhone());
        second.setParties(1, second.getParties(1).toBuilder().setName("另一家公司"));
        UUID caseId = request(second);

        assertEquals(other, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        assertEquals("EARLIER_INVOLVEMENT", excludedRule(caseId, veteran));
    }

    @Test
    void aMediatorWhoseOwnOrganisationIsAPartyIsExcluded() {
        TestWorld world = new TestWorld();
        String insider = world.mediatorOf(MediatorRole.LAWYER, world.county, "青溪某某 有限公司");
        String outsider = world.mediatorOf(MediatorRole.LAWYER, world.county, "青溪律师事务所");
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        UUID caseId = request(world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP));

        assertEquals(outsider, liveOffer(caseId, MediatorRole.LAWYER).mediator.id);
        given().auth().oauth2(STAFF).get("/api/cases/{caseId}/team", caseId)
                .then().statusCode(200)
                .body("offers.find { it.role == 'LAWYER' }.explanation.excluded.find { it.mediatorId == '" + insider
                        + "' }.rule", equalTo("OWN_ORGANIZATION"));
    }

    @Test
    void aLawyerWhoRepresentedAPartyBeforeIsExcludedAndCannotBeAssignedByHand() {
        TestWorld world = new TestWorld();
        String formerCounsel = world.mediator(MediatorRole.LAWYER, world.county, "LABOUR.WAGE_ARREARS");
        world.mediator(MediatorRole.SOCIAL_WORKER, world.county);
        given().auth().oauth2(mediatorToken(formerCounsel)).contentType(ContentType.JSON)
                .body("{\"kind\":\"FORMER_CLIENT\",\"partyName\":\"青溪某某有限公司\",\"reason\":\"2024年代理其合同纠纷\"}")
                .post("/api/mediators/{id}/conflicts", formerCounsel)
                .then().statusCode(201).body("kind", equalTo("FORMER_CLIENT"));
        UUID caseId = request(world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP));
        UUID teamId = TestWorld.team(caseId).id;

        given().auth().oauth2(STAFF).queryParam("role", "LAWYER").get("/api/teams/{id}/candidates", teamId)
                .then().statusCode(200)
                .body("candidates.mediatorId", not(hasItem(formerCounsel)))
                .body("excluded.find { it.mediatorId == '" + formerCounsel + "' }.rule", equalTo("FORMER_CLIENT"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"LAWYER\",\"mediatorId\":\"" + formerCounsel + "\",\"reason\":\"试试\"}")
                .post("/api/teams/{id}/offers", teamId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("FORMER_CLIENT"));
    }

    @Test
    void onlyALawyerDeclaresFormerClientsAndAConflictMustNameSomeone() {
        TestWorld world = new TestWorld();
        String counselor = world.mediator(MediatorRole.COUNSELOR, world.county);
        given().auth().oauth2(mediatorToken(counselor)).contentType(ContentType.JSON)
                .body("{\"kind\":\"FORMER_CLIENT\",\"partyName\":\"某人\"}")
                .post("/api/mediators/{id}/conflicts", counselor)
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(mediatorToken(counselor)).contentType(ContentType.JSON)
                .body("{\"reason\":\"无\"}")
                .post("/api/mediators/{id}/conflicts", counselor)
                .then().statusCode(400).body("errors[0].field", equalTo("partyName"));
        given().auth().oauth2(mediatorToken(counselor)).contentType(ContentType.JSON)
                .body("{\"idNumber\":\"12345\"}")
                .post("/api/mediators/{id}/conflicts", counselor)
                .then().statusCode(400).body("errors[0].field", equalTo("idNumber"));
        given().auth().oauth2(mediatorToken(counselor)).get("/api/mediators/{id}/conflicts", counselor)
                .then().statusCode(200).body("", org.hamcrest.Matchers.hasSize(0));
    }
}
