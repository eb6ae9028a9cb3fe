package cn.tiaojie.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static cn.tiaojie.cases.Fixtures.OTHER_STAFF;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.WAGE_DISPUTE;
import static cn.tiaojie.cases.Fixtures.register;

import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.service.CaseTopics;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseResourceTest {

    @Test
    void staffRegisterADisputeThatStartsReceivedAtItsSubcategoryLevel() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(WAGE_DISPUTE)
                .post("/api/cases")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/cases/[0-9a-f-]{36}"))
                .body("status", equalTo("RECEIVED"))
                .body("level", equalTo("TOWNSHIP"))
                .body("caseNo", matchesPattern("TJ\\d{10}"))
                .body("deadline", notNullValue())
                .body("parties[0].phone", equalTo("138****5678"));
    }

    @Test
    void filingPutsATeamRequestInTheOutboxInTheSameTransaction() {
        String id = register(WAGE_DISPUTE);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id)
                .then().statusCode(200).body("status", equalTo("FILED"));

        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("topic", CaseTopics.REQUEST_TEAM));
        TeamRequest request = messages.stream().map(m -> parse(m.payload)).filter(r -> r.getCaseId().equals(id))
                .findFirst().orElseThrow();
        assertEquals("LABOUR.WAGE_ARREARS", request.getSubcategory());
        assertEquals(2, request.getPartiesCount());

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id)
                .then().statusCode(200)
                .body("timeline.type", hasItem("FILED"));
    }

    @Test
    void filingTwiceIsAnIllegalTransition() {
        String id = register(WAGE_DISPUTE);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = register(WAGE_DISPUTE);
        given().auth().oauth2(STAFF).header("If-Match", "\"99\"").post("/api/cases/{id}/file", id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void badInputIs400NamingEachFieldAndWritesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> DisputeCase.count());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("""
                        {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"12",
                         "summary":"","amountInDispute":-5,"parties":[]}""")
                .post("/api/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("areaCode"))
                .body("errors.field", hasItem("summary"))
                .body("errors.field", hasItem("amountInDispute"))
                .body("errors.field", hasItem("parties"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(WAGE_DISPUTE.replace("LABOUR.WAGE_ARREARS", "NO.SUCH_CODE"))
                .post("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("subcategory"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(WAGE_DISPUTE.replace("WALK_IN", "CARRIER_PIGEON"))
                .post("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> DisputeCase.count()));
    }

    @Test
    void staffOfAnotherCenterCannotSeeTheCase() {
        String id = register(WAGE_DISPUTE);
        given().auth().oauth2(OTHER_STAFF).get("/api/cases/{id}", id).then().statusCode(404);
        given().auth().oauth2(OTHER_STAFF).post("/api/cases/{id}/file", id).then().statusCode(404);
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().get("/api/cases").then().statusCode(401);
        given().get("/api/taxonomy").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void taxonomyListsTheSharedCategories() {
        given().auth().oauth2(STAFF).get("/api/taxonomy")
                .then().statusCode(200)
                .body("categories.code", hasItem("LABOUR"))
                .body("roles.code", hasItem("PEOPLE_MEDIATOR"));
    }

    private static TeamRequest parse(byte[] payload) {
        try {
            return TeamRequest.parseFrom(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
