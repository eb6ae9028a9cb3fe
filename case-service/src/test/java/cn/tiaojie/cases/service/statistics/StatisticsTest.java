package cn.tiaojie.cases.service.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.tiaojie.cases.Fixtures;
import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.local.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Figures computed by the database; only this test concludes and rates cases at the 白溪镇 center (others may
 * register open ones there).
 */
@QuarkusTest
class StatisticsTest {

    static final String BAIXI_STAFF = Fixtures.OTHER_STAFF;

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Test
    void countsRatesMedianAndSatisfactionPerGroup() {
        // the authorization matrix may have registered an open case here too: counts are taken relative to now
        int casesBefore = given().auth().oauth2(BAIXI_STAFF).queryParam("groupBy", "category").get("/api/stats")
                .then().statusCode(200).extract().path("total.cases");
        Integer labourBefore = given().auth().oauth2(BAIXI_STAFF).queryParam("groupBy", "category").get("/api/stats")
                .then().extract().path("groups.find { it.key == 'LABOUR' }.cases");
        String resolved = Flow.toMediation(cases, BAIXI_STAFF, Fixtures.wageDispute());
        given().auth().oauth2(BAIXI_STAFF).contentType(ContentType.JSON)
                .body("{\"result\":\"RESOLVED\",\"agreement\":{\"terms\":\"付清\",\"judicialConfirmation\":false}}")
                .post("/api/cases/{id}/outcome", resolved).then().statusCode(200);
        String unresolved = Flow.toMediation(cases, BAIXI_STAFF, Fixtures.wageDispute());
        given().auth().oauth2(BAIXI_STAFF).contentType(ContentType.JSON)
                .body("{\"result\":\"UNRESOLVED\",\"referralRoute\":\"LITIGATION\"}")
                .post("/api/cases/{id}/outcome", unresolved).then().statusCode(200);
        given().auth().oauth2(BAIXI_STAFF).contentType(ContentType.JSON)
                .body(Fixtures.wageDispute().replace("LABOUR.WAGE_ARREARS", "NEIGHBOUR.NOISE")).post("/api/cases")
                .then().statusCode(201);
        rate(resolved, 4);
        rate(unresolved, 2);

        given().auth().oauth2(BAIXI_STAFF).queryParam("groupBy", "category").get("/api/stats").then().statusCode(200)
                .body("total.cases", equalTo(casesBefore + 3))
                .body("total.concluded", equalTo(2))
                .body("total.resolutionRate", equalTo(0.5f))
                .body("total.onTimeRate", equalTo(1.0f))
                .body("total.meanSatisfaction", equalTo(3.0f))
                .body("groups.key", hasItem("NEIGHBOUR"))
                .body("groups.find { it.key == 'LABOUR' }.cases", equalTo((labourBefore == null ? 0 : labourBefore) + 2))
                .body("groups.find { it.key == 'LABOUR' }.resolved", equalTo(1));
        given().auth().oauth2(BAIXI_STAFF).queryParam("groupBy", "status").get("/api/stats").then()
                .body("groups.find { it.key == 'RESOLVED' }.medianDaysToResolution", equalTo(0.0f));
        given().auth().oauth2(BAIXI_STAFF).queryParam("groupBy", "mood").get("/api/stats").then()
                .statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(BAIXI_STAFF).queryParam("from", "yesterday").get("/api/stats").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(DevTokens.forRole("mediator").subject("M001").claim("mediatorId", "M001").sign())
                .get("/api/stats").then().statusCode(403);
    }

    private static void rate(String caseId, int score) {
        String partyId = given().auth().oauth2(BAIXI_STAFF).get("/api/cases/{id}", caseId).then().extract().path("parties[0].id");
        String resident = DevTokens.forRole("resident").subject("r-" + partyId).claim("caseId", caseId)
                .claim("partyId", partyId).sign();
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"score\":" + score + "}")
                .post("/api/cases/{id}/ratings", caseId).then().statusCode(201);
    }
}
