package cn.tiaojie.mediator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.tiaojie.local.DevTokens;
import cn.tiaojie.testsupport.PackagedServiceResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its own database: an admin adds a lawyer to the pool of a county nobody else serves, the
 * lawyer keeps their hours and declares a conflict, and matching's preview ranks them for a wage case until the
 * conflict names one of its parties.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
class MediatorServiceIT {

    static final String ADMIN = DevTokens.forRole("admin").subject("admin-it").sign();
    static final String STAFF = DevTokens.forRole("staff").subject("staff-it").claim("center", "QX-COUNTY").sign();
    static final String ID = "M" + (700000 + (int) (System.nanoTime() % 100000));
    static final String COUNTY = "390901";
    static final String VILLAGE = COUNTY + "101001";

    @Test
    void aMediatorJoinsThePoolKeepsTheirCalendarAndIsRankedUntilAConflictExcludesThem() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"id":"%s","name":"黄律师","role":"LAWYER","areaCode":"%s","organization":"河口律师事务所",
                 "phone":"13905718888","email":"huang@example.cn","expertise":["LABOUR"],"capacity":4,"rating":4.0}"""
                .formatted(ID, COUNTY))
                .post("/api/mediators")
                .then().statusCode(201).body("roleName", equalTo("律师"));

        String mediator = DevTokens.forRole("mediator").subject("user-" + ID).claim("mediatorId", ID).sign();
        given().auth().oauth2(mediator).contentType(ContentType.JSON).body("""
                {"hours":[{"day":"MONDAY","starts":"00:00","ends":"23:59"},{"day":"TUESDAY","starts":"00:00","ends":"23:59"},
                          {"day":"WEDNESDAY","starts":"00:00","ends":"23:59"},{"day":"THURSDAY","starts":"00:00","ends":"23:59"},
                          {"day":"FRIDAY","starts":"00:00","ends":"23:59"},{"day":"SATURDAY","starts":"00:00","ends":"23:59"},
                          {"day":"SUNDAY","starts":"00:00","ends":"23:59"}]}""")
                .put("/api/mediators/{id}/weekly-hours", ID)
                .then().statusCode(200).body("day", hasItem("WEDNESDAY"));

        String preview = """
                {"subcategory":"LABOUR.WAGE_ARREARS","areaCode":"%s","roles":["LAWYER"],
                 "parties":[{"name":"王五"},{"name":"青溪建筑公司","organization":true}]}""".formatted(VILLAGE);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(preview)
                .post("/api/match/preview")
                .then().statusCode(200)
                .body("rankings[0].role", equalTo("LAWYER"))
                .body("rankings[0].candidates.mediatorId", hasItem(ID));

        given().auth().oauth2(mediator).contentType(ContentType.JSON).body("""
                {"partyName":"青溪建筑公司","reason":"曾为该公司法律顾问"}""")
                .post("/api/mediators/{id}/conflicts", ID)
                .then().statusCode(201);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(preview)
                .post("/api/match/preview")
                .then().statusCode(200)
                .body("rankings[0].excluded.find { it.mediatorId == '%s' }.rule".formatted(ID),
                        equalTo("DECLARED_RELATION"));
    }
}
