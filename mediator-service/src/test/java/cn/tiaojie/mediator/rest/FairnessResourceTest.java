package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.grpc.TeamRequests;
import static cn.tiaojie.mediator.TestWorld.ADMIN;
import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.local.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FairnessResourceTest {

    @Inject
    TeamFormation formation;

    private UUID request(TeamRequest.Builder request) {
        TeamRequest built = request.build();
        formation.requestTeam(TeamRequests.of(built));
        return UUID.fromString(built.getCaseId());
    }

    @Test
    void offersAndTheirOutcomesPerRoleAndAreaWithTheSpreadOfLoad() {
        TestWorld world = new TestWorld();
        String busy = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
        world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
        world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.township());
        // earlier involvement excludes for this category here, so the figures below spread over all three
        given().auth().oauth2(TestWorld.ADMIN).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"lookBackDays\":365}")
                .put("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR").then().statusCode(200);
        try {
            offersAndOutcomes(world, busy);
        } finally {
            given().auth().oauth2(TestWorld.ADMIN).delete("/api/conflict-rules/earlier-involvement/{code}", "NEIGHBOUR")
                    .then().statusCode(204);
        }
    }

    private void offersAndOutcomes(TestWorld world, String busy) {
        // three cases: the expert accepts the first, declines the second, lets the third expire
        UUID first = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        formation.accept(liveOffer(first, MediatorRole.PEOPLE_MEDIATOR).id, busy);
        UUID second = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        Offer declined = liveOffer(second, MediatorRole.PEOPLE_MEDIATOR);
        formation.decline(declined.id, declined.mediator.id, "出差");
        UUID third = request(world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID));
        Offer late = liveOffer(third, MediatorRole.PEOPLE_MEDIATOR);
        QuarkusTransaction.requiringNew().run(() -> Offer.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), late.id));
        formation.expireDue();

        // the expert takes the first case and is then excluded (earlier involvement: the same parties); the township
        // mediator (16) is offered the second (declined, so it goes to the county generalist) and the third (expired,
        // so it goes to the generalist too): offers 1, 2, 2 -> max/min 2, Gini 2/15
        String supervisor = DevTokens.forRole("supervisor").subject("sup").claim("area", world.county).sign();
        given().auth().oauth2(supervisor)
                .queryParam("from", Instant.now().minus(Duration.ofDays(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString())
                .queryParam("role", "PEOPLE_MEDIATOR")
                .get("/api/reports/fairness")
                .then().statusCode(200)
                .body("area", equalTo(world.county))
                .body("byRole[0].role", equalTo("PEOPLE_MEDIATOR"))
                .body("byRole[0].mediators", equalTo(3))
                .body("byRole[0].offers", equalTo(5))
                .body("byRole[0].accepts", equalTo(1))
                .body("byRole[0].declines", equalTo(1))
                .body("byRole[0].expiries", equalTo(1))
                .body("byRole[0].maxOffers", equalTo(2))
                .body("byRole[0].minOffers", equalTo(1))
                .body("byRole[0].maxMinRatio", equalTo(2.0f))
                .body("byRole[0].gini", equalTo(0.133f))
                .body("byRoleAndArea.find { it.areaCode == '" + world.township() + "' }.offers", equalTo(2))
                .body("byRoleAndArea.find { it.areaCode == '" + world.county + "' }.offers", equalTo(3))
                .body("byRoleAndArea.find { it.areaCode == '" + world.county + "' }.mediators", equalTo(2));
    }

    @Test
    void aSupervisorSeesOnlyTheirAreaAndBadPeriodsAre400() {
        String supervisor = DevTokens.forRole("supervisor").subject("sup").claim("area", "330999102").sign();
        given().auth().oauth2(supervisor).queryParam("from", "2026-01-01T00:00:00+08:00")
                .queryParam("to", "2026-02-01T00:00:00+08:00").queryParam("area", "330999101")
                .get("/api/reports/fairness").then().statusCode(403);
        given().auth().oauth2(supervisor).queryParam("from", "2026-02-01T00:00:00+08:00")
                .queryParam("to", "2026-01-01T00:00:00+08:00")
                .get("/api/reports/fairness").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(supervisor).queryParam("from", "yesterday")
                .queryParam("to", "2026-01-01T00:00:00+08:00")
                .get("/api/reports/fairness").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(ADMIN).queryParam("from", "2020-01-01T00:00:00+08:00")
                .queryParam("to", "2020-02-01T00:00:00+08:00").queryParam("area", "330999")
                .queryParam("role", "PEOPLE_MEDIATOR")
                .get("/api/reports/fairness").then().statusCode(200)
                .body("byRole[0].maxMinRatio", nullValue())
                .body("byRole[0].gini", equalTo(0.0f));
        // an admin asking for no area reads the whole pool: this county's and everyone else's mediators
        given().auth().oauth2(ADMIN).queryParam("from", "2020-01-01T00:00:00+08:00")
                .queryParam("to", "2020-02-01T00:00:00+08:00").queryParam("role", "PEOPLE_MEDIATOR")
                .get("/api/reports/fairness").then().statusCode(200)
                .body("area", nullValue())
                .body("byRoleAndArea.areaCode", hasItems("330999", "330999101"));
        given().auth().oauth2(TestWorld.STAFF).queryParam("from", "2026-01-01T00:00:00+08:00")
                .queryParam("to", "2026-02-01T00:00:00+08:00").get("/api/reports/fairness").then().statusCode(403);
    }
}
