package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static cn.tiaojie.mediator.TestWorld.residentToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.TestWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Strike-and-rank: staff publish a short list, each party strikes and ranks, the best mutual rank is offered. */
@QuarkusTest
class PartyChoiceTest {

    @Inject
    TeamFormation formation;

    @Test
    void thePartiesStrikeAndRankAndTheBestMutualRankGetsTheOfferThenTheNextOnADecline() {
        TestWorld world = new TestWorld();
        String a = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        String b = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String c = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String d = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        TeamRequest request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation.requestTeam(TeamRequests.of(request));
        UUID caseId = UUID.fromString(request.getCaseId());
        Offer matched = liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
        UUID teamId = TestWorld.team(caseId).id;
        String applicant = request.getParties(0).getPartyId();
        String respondent = request.getParties(1).getPartyId();

        String listId = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorIds\":[\"%s\",\"%s\",\"%s\",\"%s\"]}".formatted(a, b, c, d))
                .post("/api/teams/{id}/choice-lists", teamId)
                .then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        // the matched offer is withdrawn while the parties choose, and the team is still forming
        assertEquals(OfferStatus.WITHDRAWN, QuarkusTransaction.requiringNew()
                .call(() -> Offer.<Offer>findById(matched.id).status));
        assertEquals(TeamStatus.FORMING, TestWorld.team(caseId).status);

        String applicantToken = residentToken(request.getCaseId(), applicant);
        given().auth().oauth2(applicantToken).get("/api/choice-lists")
                .then().statusCode(200).body("[0].mediators.mediatorId", equalTo(List.of(a, b, c, d)));
        // the applicant strikes a: c 1, b 2, d 3
        given().auth().oauth2(applicantToken).contentType(ContentType.JSON)
                .body("{\"struck\":[\"%s\"],\"ranking\":[\"%s\",\"%s\",\"%s\"]}".formatted(a, c, b, d))
                .put("/api/choice-lists/{id}/ballot", listId)
                .then().statusCode(200).body("status", equalTo("OPEN"));
        // the respondent strikes d: b 1, c 2, a 3 → sums b 3, c 3; tie broken by the worse single rank: b 2, c 2;
        // then the list's order: b
        given().auth().oauth2(residentToken(request.getCaseId(), respondent)).contentType(ContentType.JSON)
                .body("{\"struck\":[\"%s\"],\"ranking\":[\"%s\",\"%s\",\"%s\"]}".formatted(d, b, c, a))
                .put("/api/choice-lists/{id}/ballot", listId)
                .then().statusCode(200).body("status", equalTo("DECIDED"))
                .body("decidedOrder", equalTo(List.of(b, c)));

        Offer chosen = liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(b, chosen.mediator.id);
        assertEquals("party-choice", chosen.offeredBy);
        formation.decline(chosen.id, b, "出差");
        Offer next = liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
        assertEquals(c, next.mediator.id);
        formation.decline(next.id, c, "出差");
        // the list is used up; a and d were struck, so nobody is left
        assertEquals(TeamStatus.NEEDS_MANUAL_ASSIGNMENT, TestWorld.team(caseId).status);
    }

    @Test
    void aBallotMustCoverTheListAndOnlyThePartiesOfTheCaseMayAnswer() {
        TestWorld world = new TestWorld();
        String a = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String b = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        String outOfReach = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county + "102");
        TeamRequest request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
        formation.requestTeam(TeamRequests.of(request));
        UUID teamId = TestWorld.team(UUID.fromString(request.getCaseId())).id;

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorIds\":[\"%s\",\"%s\"]}".formatted(a, outOfReach))
                .post("/api/teams/{id}/choice-lists", teamId)
                .then().statusCode(400).body("errors[0].field", equalTo("mediatorIds[1]"));
        String listId = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"role\":\"PEOPLE_MEDIATOR\",\"mediatorIds\":[\"%s\",\"%s\"]}".formatted(a, b))
                .post("/api/teams/{id}/choice-lists", teamId).then().statusCode(201).extract().path("id");

        String token = residentToken(request.getCaseId(), request.getParties(0).getPartyId());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"struck\":[],\"ranking\":[\"%s\"]}".formatted(a))
                .put("/api/choice-lists/{id}/ballot", listId)
                .then().statusCode(400).body("errors[0].field", equalTo("ranking"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"struck\":[\"%s\"],\"ranking\":[\"%s\",\"M999\"]}".formatted(a, b))
                .put("/api/choice-lists/{id}/ballot", listId)
                .then().statusCode(400).body("errors[0].field", equalTo("ranking[1]"));
        given().auth().oauth2(residentToken(request.getCaseId(), UUID.randomUUID().toString()))
                .contentType(ContentType.JSON).body("{\"struck\":[],\"ranking\":[\"%s\",\"%s\"]}".formatted(a, b))
                .put("/api/choice-lists/{id}/ballot", listId).then().statusCode(404);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"struck\":[],\"ranking\":[\"%s\",\"%s\"]}".formatted(a, b))
                .put("/api/choice-lists/{id}/ballot", listId).then().statusCode(403);

        // staff close the list early: nobody answered, so the published order stands
        given().auth().oauth2(STAFF).post("/api/choice-lists/{id}/decide", listId)
                .then().statusCode(200).body("decidedOrder", equalTo(List.of(a, b)));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"struck\":[],\"ranking\":[\"%s\",\"%s\"]}".formatted(a, b))
                .put("/api/choice-lists/{id}/ballot", listId).then().statusCode(409);
    }
}
