package cn.tiaojie.mediator.rest;

import static cn.tiaojie.mediator.TestWorld.ADMIN;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.local.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MediatorResourceTest {

    static final String SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-1").claim("area", "330999").sign();
    static final AtomicInteger IDS = new AtomicInteger(9000);

    static String newMediator(String id) {
        return """
                {"id":"%s","name":"林律师","role":"LAWYER","areaCode":"330999103","organization":"石门乡公共法律服务工作站",
                 "phone":"13905719999","email":"lin@example.cn","languages":["zh-CN","en"],
                 "expertise":["LABOUR","CONTRACT_DEBT.PRIVATE_LENDING"],"capacity":4,"rating":4.5}""".formatted(id);
    }

    @Test
    void anAdminRegistersAMediatorAndStaffSeeTheirContactDetails() {
        String id = "M" + IDS.incrementAndGet();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newMediator(id))
                .post("/api/mediators")
                .then().statusCode(201)
                .header("Location", endsWith("/api/mediators/" + id))
                .body("roleName", equalTo("律师"))
                .body("expertise", hasItems("LABOUR", "CONTRACT_DEBT.PRIVATE_LENDING"));

        given().auth().oauth2(STAFF).get("/api/mediators/{id}", id)
                .then().statusCode(200).body("phone", equalTo("13905719999"));
        given().auth().oauth2(SUPERVISOR).get("/api/mediators/{id}", id)
                .then().statusCode(200).body("phone", equalTo("139****9999"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newMediator(id))
                .post("/api/mediators").then().statusCode(409);
    }

    @Test
    void badInputIs400NamingEachFieldAndWritesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Mediator.count());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"id":"X1","name":"","role":"LAWYER","areaCode":"12","phone":"abc","capacity":0,"rating":7}""")
                .post("/api/mediators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("id", "name", "areaCode", "phone", "capacity", "rating"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(newMediator("M" + IDS.incrementAndGet()).replace("\"LABOUR\"", "\"NO_SUCH_CATEGORY\""))
                .post("/api/mediators")
                .then().statusCode(400).body("errors[0].field", equalTo("expertise[0]"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(newMediator("M" + IDS.incrementAndGet()).replace("LAWYER", "ASTROLOGER"))
                .post("/api/mediators")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Mediator.count()));
    }

    @Test
    void onlyAnAdminChangesThePoolAndAStaleIfMatchIsRefused() {
        String id = "M" + IDS.incrementAndGet();
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(newMediator(id))
                .post("/api/mediators").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newMediator(id))
                .post("/api/mediators").then().statusCode(201);

        String deactivated = newMediator(id).replace("\"rating\":4.5", "\"rating\":4.5,\"active\":false");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(deactivated)
                .put("/api/mediators/{id}", id).then().statusCode(412);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(deactivated)
                .put("/api/mediators/{id}", id)
                .then().statusCode(200).body("active", equalTo(false)).header("ETag", "\"1\"");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newMediator("M000001"))
                .put("/api/mediators/{id}", id).then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void theListFiltersByRoleAndAreaServedAndMasksContacts() {
        given().auth().oauth2(STAFF).queryParam("role", "JUDGE").queryParam("serves", "330999102003")
                .get("/api/mediators")
                .then().statusCode(200)
                .body("id", hasItems("M023", "M024", "M025"))
                .body("role", everyItem(equalTo("JUDGE")))
                .body("phone", everyItem(containsString("****")));
        given().auth().oauth2(STAFF).queryParam("role", "PEOPLE_MEDIATOR").queryParam("serves", "330999101001")
                .get("/api/mediators")
                .then().statusCode(200)
                .body("id", hasItems("M001", "M003", "M004"))
                .body("id", not(hasItem("M009")));
    }

    @Test
    void aMediatorDeclaresTheirOwnConflictsButNotSomeoneElses() {
        given().auth().oauth2(mediatorToken("M004")).contentType(ContentType.JSON)
                .body("{\"partyName\":\"城东物业公司\",\"reason\":\"配偶在该公司任职\"}")
                .post("/api/mediators/M004/conflicts")
                .then().statusCode(201).body("partyName", equalTo("城东物业公司"));
        given().auth().oauth2(mediatorToken("M004")).get("/api/mediators/M004/conflicts")
                .then().statusCode(200).body("partyName", hasItem("城东物业公司"));
        given().auth().oauth2(mediatorToken("M005")).contentType(ContentType.JSON)
                .body("{\"partyName\":\"城东物业公司\"}")
                .post("/api/mediators/M004/conflicts")
                .then().statusCode(403);
        given().auth().oauth2(mediatorToken("M005")).get("/api/mediators/M004").then().statusCode(404);
    }

    @Test
    void everyEndpointNeedsATokenButHealthAndOpenApi() {
        given().get("/api/mediators").then().statusCode(401);
        given().get("/api/teams").then().statusCode(401);
        given().get("/api/offers").then().statusCode(401);
        given().get("/api/mediators/M001/availability").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
