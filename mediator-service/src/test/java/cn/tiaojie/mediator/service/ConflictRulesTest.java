package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The conflict-of-interest rules exclude a mediator automatically, each named in the explanation; earlier involvement
 * with a party excludes only where an administrator says so, and otherwise scores down.
 */
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
        formation.requestTeam(TeamRequests.of(built));
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
    void aMediatorWhoServedOnAnotherCaseWithTheSamePartyIsScoredDownAndExcludedOnlyWhereAnAdminSaysSo() {
        TestWorld world = new TestWorld();
        String veteran = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        String other = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        UUID first = request(withIdNumber(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID)));
        Offer offer = liveOffer(first, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(veteran, offer.mediator.id);
        formation.accept(offer.id, veteran);

        // the same resident (by ID number) in a new case against someone else: the veteran's expertise (+30) still
        // outweighs the repeat-party factor (-15), so they are offered it, with the factor in the explanation
        UUID caseId = request(sameResidentAgain(world));
        assertEquals(veteran, liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
        given().auth().oauth2(STAFF).get("/api/cases/{caseId}/team", caseId).then().statusCode(200)
                .body("offers[0].explanation.factors.repeatParty", equalTo(-15.0f))
                .body("offers[0].explanation.excludedByRule.EARLIER_INVOLVEMENT", equalTo(null));

        // an administrator makes earlier involvement a hard exclusion for the category, within a year
        given().auth().oauth2(TestWorld.ADMIN).contentType(ContentType.JSON).body("{\"lookBackDays\":0}")
                .put("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR").then().statusCode(400)
                .body("errors[0].field", equalTo("lookBackDays"));
        given().auth().oauth2(TestWorld.ADMIN).contentType(ContentType.JSON).body("{\"lookBackDays\":365}")
                .put("/api/conflict-rules/earlier-involvement/{code}", "NO_SUCH_CATEGORY").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().auth().oauth2(TestWorld.ADMIN).contentType(ContentType.JSON).body("{\"lookBackDays\":365}")
                .put("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR").then().statusCode(200)
                .body("lookBackDays", equalTo(365)).body("updatedBy", equalTo("admin-1"));
        try {
            given().auth().oauth2(STAFF).get("/api/conflict-rules/earlier-involvement").then().statusCode(200)
                    .body("elsewhere", equalTo("SCORED_DOWN")).body("repeatPartyPenalty", equalTo(15.0f))
                    .body("rules.find { it.code == 'NEIGHBOUR' }.lookBackDays", equalTo(365));
            UUID third = request(sameResidentAgain(world));
            assertEquals(other, liveOffer(third, MediatorRole.PEOPLE_MEDIATOR).mediator.id);
            assertEquals("EARLIER_INVOLVEMENT", excludedRule(third, veteran));

            // a window shorter than the time since the earlier case excludes no one
            QuarkusTransaction.requiringNew().run(() -> Team.ofCase(first).orElseThrow().createdAt =
                    java.time.Instant.now().minus(java.time.Duration.ofDays(40)));
            given().auth().oauth2(TestWorld.ADMIN).contentType(ContentType.JSON).body("{\"lookBackDays\":30}")
                    .put("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR").then().statusCode(200);
            UUID fourth = request(sameResidentAgain(world));
            given().auth().oauth2(STAFF).get("/api/cases/{caseId}/team", fourth).then().statusCode(200)
                    .body("offers[0].explanation.excluded.find { it.mediatorId == '" + veteran + "' }", equalTo(null));
        } finally {
            given().auth().oauth2(TestWorld.ADMIN).delete("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR")
                    .then().statusCode(204);
        }
        given().auth().oauth2(TestWorld.ADMIN).delete("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR")
                .then().statusCode(404);
    }

    private static TeamRequest.Builder sameResidentAgain(TestWorld world) {
        TeamRequest.Builder again = withIdNumber(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        again.setParties(0, again.getParties(0).toBuilder().setName("张三丰").clearPhone());
        again.setParties(1, again.getParties(1).toBuilder().setName("另一家公司"));
        return again;
    }

    /**
     * The commonest group dispute: five workers, one after another, against the employer who owes them all. Every
     * case gets its lawyer and social worker from a pool of two each, the cases spread over both, and no team waits
     * for assignment by hand (when earlier involvement excluded, the third worker's case found no social worker).
     */
    @Test
    void fiveWorkersAgainstOneEmployerEachGetATeamSpreadOverThePool() {
        TestWorld world = new TestWorld();
        List<String> socialWorkers = List.of(world.mediator(MediatorRole.SOCIAL_WORKER, world.county, "LABOUR"),
                world.mediator(MediatorRole.SOCIAL_WORKER, world.county, "LABOUR"));
        world.mediator(MediatorRole.LAWYER, world.county, "LABOUR");
        world.mediator(MediatorRole.LAWYER, world.county, "LABOUR");
        List<String> servedBy = new java.util.ArrayList<>();
        for (int worker = 1; worker <= 5; worker++) {
            TeamRequest.Builder dispute = world.caseOf("LABOUR.WAGE_ARREARS", AreaLevel.TOWNSHIP);
            dispute.setParties(0, dispute.getParties(0).toBuilder().setName("工人" + worker)
                    .setPhone("1380000%04d".formatted(worker)));
            dispute.setParties(1, dispute.getParties(1).toBuilder().setName("青溪建工有限公司"));
            UUID caseId = request(dispute);
            for (MediatorRole role : List.of(MediatorRole.LAWYER, MediatorRole.SOCIAL_WORKER)) {
                Offer offer = liveOffer(caseId, role);
                formation.accept(offer.id, offer.mediator.id);
                if (role == MediatorRole.SOCIAL_WORKER) {
                    servedBy.add(offer.mediator.id);
                }
            }
            assertEquals(TeamStatus.FORMED, TestWorld.team(caseId).status, "worker " + worker + "'s team");
        }
        assertEquals(java.util.Set.copyOf(socialWorkers), java.util.Set.copyOf(servedBy));
        assertNotEquals(servedBy.get(0), servedBy.get(1), "the second worker's case goes to the other social worker");
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
