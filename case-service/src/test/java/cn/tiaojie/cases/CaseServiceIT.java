package cn.tiaojie.cases;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.tiaojie.testsupport.PackagedServiceResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on an embedded PostgreSQL: a dispute registered (受理), read back, filed (立案, the team
 * request waits in the outbox: mediator-service is not running), withdrawn (撤回), and its audit trail.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
class CaseServiceIT {

    @Test
    void aDisputeIsRegisteredReadFiledWithdrawnAndAudited() {
        Response registered = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(wageDispute())
                .post("/api/cases");
        registered.then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("status", equalTo("RECEIVED"))
                .body("caseNo", startsWith("TJ"))
                .body("step", equalTo("FILE"));
        String id = registered.path("id");

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().statusCode(200)
                .body("parties", hasSize(2))
                .body("parties[0].name", equalTo("张三"));
        String etag = given().auth().oauth2(STAFF).get("/api/cases/{id}/actions", id).then().statusCode(200)
                .body("actions", hasItem("file")).extract().header("ETag");

        given().auth().oauth2(STAFF).header("If-Match", etag).post("/api/cases/{id}/file", id).then()
                .statusCode(200).body("status", equalTo("FILED"));
        // the ETag read before filing names an older version now
        given().auth().oauth2(STAFF).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"reason\":\"申请人撤回\"}").post("/api/cases/{id}/withdraw", id).then()
                .statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"申请人撤回\"}")
                .post("/api/cases/{id}/withdraw", id).then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        List<String> actions = given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then().statusCode(200)
                .extract().path("action");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("REGISTER", "FILE", "WITHDRAW"), actions);
        given().auth().oauth2(STAFF).queryParam("status", "WITHDRAWN").get("/api/cases").then().statusCode(200)
                .body("items.id", hasItem(id));
    }
}
