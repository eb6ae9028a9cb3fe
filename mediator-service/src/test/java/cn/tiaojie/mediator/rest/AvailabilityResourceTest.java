package cn.tiaojie.mediator.rest;

import static cn.tiaojie.mediator.TestWorld.STAFF;
import static cn.tiaojie.mediator.TestWorld.mediatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AvailabilityResourceTest {

    static final String PATTERN = """
            {"hours":[{"day":"MONDAY","starts":"08:30","ends":"12:00"},{"day":"MONDAY","starts":"14:00","ends":"17:30"},
                      {"day":"WEDNESDAY","starts":"19:00","ends":"21:00"}]}""";

    @Test
    void aMediatorKeepsTheirWeekAndStaffReadTheFreeWindows() {
        TestWorld world = new TestWorld();
        String id = world.mediator(MediatorRole.COUNSELOR, world.county);
        String token = mediatorToken(id);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(PATTERN)
                .put("/api/mediators/{id}/weekly-hours", id)
                .then().statusCode(200).body("", hasSize(3));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"2030-01-07T02:00:00Z\",\"endsAt\":\"2030-01-07T07:00:00Z\",\"reason\":\"培训\"}")
                .post("/api/mediators/{id}/unavailability", id)
                .then().statusCode(201);

        // Monday 2030-01-07 and Wednesday 2030-01-09, Asia/Shanghai; away 10:00-15:00 on the Monday
        given().auth().oauth2(STAFF)
                .queryParam("from", "2030-01-07T00:00:00+08:00").queryParam("to", "2030-01-10T00:00:00+08:00")
                .get("/api/mediators/{id}/availability", id)
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("[0].start", equalTo("2030-01-07T00:30:00Z"))
                .body("[0].end", equalTo("2030-01-07T02:00:00Z"))
                .body("[1].start", equalTo("2030-01-07T07:00:00Z"))
                .body("[1].end", equalTo("2030-01-07T09:30:00Z"))
                .body("[2].start", equalTo("2030-01-09T11:00:00Z"));
    }

    @Test
    void overlappingOrBackwardsHoursAreRefusedAndTheOldPatternStays() {
        TestWorld world = new TestWorld();
        String id = world.mediator(MediatorRole.COUNSELOR, world.county);
        String token = mediatorToken(id);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PATTERN)
                .put("/api/mediators/{id}/weekly-hours", id).then().statusCode(200);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"hours":[{"day":"MONDAY","starts":"08:30","ends":"12:00"},{"day":"MONDAY","starts":"11:00","ends":"13:00"},
                                  {"day":"FRIDAY","starts":"18:00","ends":"09:00"}]}""")
                .put("/api/mediators/{id}/weekly-hours", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("hours[1]", "hours[2]")));
        given().auth().oauth2(token).get("/api/mediators/{id}/weekly-hours", id)
                .then().statusCode(200).body("", hasSize(3));
    }

    @Test
    void aMediatorChangesOnlyTheirOwnCalendarAndAsksForATimeRangeThatMakesSense() {
        TestWorld world = new TestWorld();
        String id = world.mediator(MediatorRole.COUNSELOR, world.county);
        String other = world.mediator(MediatorRole.COUNSELOR, world.county);
        given().auth().oauth2(mediatorToken(other)).contentType(ContentType.JSON).body(PATTERN)
                .put("/api/mediators/{id}/weekly-hours", id).then().statusCode(403);
        given().auth().oauth2(mediatorToken(other)).get("/api/mediators/{id}/availability", id)
                .then().statusCode(403);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(PATTERN)
                .put("/api/mediators/{id}/weekly-hours", id).then().statusCode(403);
        given().auth().oauth2(STAFF)
                .queryParam("from", "2030-01-07T00:00:00+08:00").queryParam("to", "next week")
                .get("/api/mediators/{id}/availability", id)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(STAFF)
                .queryParam("from", "2030-01-07T00:00:00Z").queryParam("to", "2031-01-07T00:00:00Z")
                .get("/api/mediators/{id}/availability", id)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
