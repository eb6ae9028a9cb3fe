package cn.tiaojie.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingStatus;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.testsupport.PackagedServiceResource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as it runs: a center gets a room over REST, case-service's request books a hearing over
 * gRPC (a case without a team, so no mediator-service is asked), and staff read, move and cancel it over REST.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
class SchedulingServiceIT {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Test
    void aRequestedHearingIsBookedInTheCentersRoomThenMovedAndCancelled() throws Exception {
        String center = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String admin = "Bearer " + DevTokens.token("admin", "it-admin", Map.of());
        String venueId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("centerCode", center, "name", "第一调解室", "address", "青溪县城关镇人民路 88 号",
                        "kind", "ROOM", "capacity", 10, "opens", "08:30", "closes", "17:30"))
                .when().post("/api/venues")
                .then().statusCode(201).body("centerCode", equalTo(center))
                .extract().path("id");

        Hearing booked = book(center);
        assertEquals(HearingStatus.BOOKED, booked.getStatus());
        assertEquals(venueId, booked.getVenueId());
        String id = booked.getHearingId();

        given().header("Authorization", admin).when().get("/api/hearings/" + id)
                .then().statusCode(200).body("venue.id", equalTo(venueId)).body("status", equalTo("BOOKED"))
                .body("participants", hasSize(2));
        given().header("Authorization", admin).when().get("/api/hearings/" + id + ".ics")
                .then().statusCode(200).body(containsString("BEGIN:VCALENDAR"));

        String bookedStart = given().header("Authorization", admin).when().get("/api/hearings/" + id)
                .then().extract().path("startsAt");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("reason", "当事人出差"))
                .when().post("/api/hearings/" + id + "/reschedule")
                .then().statusCode(200).body("status", equalTo("RESCHEDULED"))
                .body("startsAt", not(equalTo(bookedStart)));
        given().header("Authorization", admin).when().get("/api/hearings/" + id + "/history")
                .then().statusCode(200).body("kind", org.hamcrest.Matchers.contains("BOOKED", "RESCHEDULED"));

        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("reason", "当事人已和解"))
                .when().post("/api/hearings/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().header("Authorization", admin).queryParam("center", center).when().get("/api/venues")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.contains(venueId));
    }

    /** RequestHearing as case-service calls it, with its service token, on the HTTP port. */
    private static Hearing book(String center) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", RestAssured.port).usePlaintext().build();
        try {
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, "Bearer " + DevTokens.token("service", "case-service", Map.of()));
            return SchedulingServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .requestHearing(Fixtures.request(center).build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
