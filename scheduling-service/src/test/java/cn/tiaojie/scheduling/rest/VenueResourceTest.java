package cn.tiaojie.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.local.DevTokens;
import cn.tiaojie.scheduling.model.Venue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VenueResourceTest {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    static final String SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-1").claim("area", "330999").sign();
    static final String ADMIN = DevTokens.forRole("admin").subject("admin-1").sign();
    static final String MEDIATOR = DevTokens.forRole("mediator").subject("M001").claim("mediatorId", "M001").sign();

    static String venue(String center, String name) {
        return """
                {"centerCode":"%s","name":"%s","address":"青溪县城关镇人民路 88 号","kind":"ROOM","capacity":6,
                 "opens":"09:00","closes":"17:00","hasVideo":true}""".formatted(center, name);
    }

    @Test
    void theDemoCentersHaveTheirRoomsAndTheVillageHall() {
        given().auth().oauth2(STAFF).get("/api/venues?center=QX-COUNTY")
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("kind", everyItem(equalTo("ROOM")))
                .body("address", everyItem(equalTo("青溪县城关镇人民路 88 号")))
                .body("hasVideo", hasItem(true))
                .body("opens", everyItem(equalTo("08:30:00")));
        given().auth().oauth2(SUPERVISOR).get("/api/venues?center=QX-BAIXI")
                .then().statusCode(200)
                .body("name", hasItems("白溪镇调解室", "溪东村文化礼堂"))
                .body("find { it.kind == 'ON_SITE' }.opens", equalTo("18:30:00"))
                .body("find { it.kind == 'ON_SITE' }.closes", equalTo("21:30:00"));
    }

    @Test
    void staffAddAVenueAtTheirOwnCenterAndReadItBack() {
        String location = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(venue("QX-COUNTY", "第四调解室"))
                .post("/api/venues")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/venues/[0-9a-f-]{36}"))
                .body("kind", equalTo("ROOM"))
                .extract().header("Location");
        given().auth().oauth2(STAFF).get(location)
                .then().statusCode(200).body("name", equalTo("第四调解室")).body("closes", equalTo("17:00:00"));
        // the new room joins the county center's bookable rooms; take it out again for the other tests
        QuarkusTransaction.requiringNew().run(() -> Venue.update("active = false where name = ?1", "第四调解室"));
    }

    @Test
    void adminsAddVenuesAnywhereButStaffOnlyAtTheirOwnCenter() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(venue("T-ADMIN", "会议室"))
                .post("/api/venues").then().statusCode(201);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(venue("QX-BAIXI", "会议室"))
                .post("/api/venues").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(venue("QX-COUNTY", "会议室"))
                .post("/api/venues").then().statusCode(403);
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Venue.count());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"centerCode":"T-BAD","name":"","address":"x","kind":"ROOM","capacity":0,"opens":"09:00"}""")
                .post("/api/venues")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "capacity", "closes"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(venue("T-BAD", "夜间室").replace("\"09:00\"", "\"18:00\""))
                .post("/api/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("closes"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(venue("T-BAD", "帐篷").replace("ROOM", "TENT"))
                .post("/api/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(STAFF).get("/api/venues?center=not a code")
                .then().statusCode(400).body("errors[0].field", equalTo("center"));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Venue.count()));
    }

    @Test
    void venuesNeedAStaffSupervisorOrAdminToken() {
        given().get("/api/venues").then().statusCode(401);
        given().auth().oauth2(MEDIATOR).get("/api/venues").then().statusCode(403);
        given().auth().oauth2(STAFF).get("/api/venues/{id}", "00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
