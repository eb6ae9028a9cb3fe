package cn.tiaojie.scheduling.rest;

import static cn.tiaojie.scheduling.Fixtures.at;
import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static cn.tiaojie.scheduling.Fixtures.workingDayAfter;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.ICalendars;
import cn.tiaojie.scheduling.Outboxes;
import cn.tiaojie.scheduling.grpc.FakeMediatorService;
import cn.tiaojie.scheduling.service.booking.TimeRange;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RescheduleTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    record Booked(String center, String mediator, HearingRequest request, Hearing hearing) {
        String staff() {
            return DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
        }

        String party(int index) {
            return DevTokens.forRole("resident").subject("r-" + index + "-" + request.getCaseNo())
                    .claim("caseId", request.getCaseId()).claim("partyId", request.getParties(index).getPartyId())
                    .sign();
        }

        String mediatorToken() {
            return DevTokens.forRole("mediator").subject(mediator).claim("mediatorId", mediator).sign();
        }

        TimeRange time() {
            return new TimeRange(ProtoTime.toInstant(hearing.getStartsAt()), ProtoTime.toInstant(hearing.getEndsAt()));
        }
    }

    Booked book(int rooms) {
        String center = newCenter(rooms);
        String mediator = uniqueId("M");
        HearingRequest request = request(center, mediator).build();
        return new Booked(center, mediator, request, scheduling.requestHearing(request));
    }

    static String reason(String text) {
        return "{\"reason\":\"" + text + "\"}";
    }

    @Test
    void aPartyMovesTheHearingAndEveryoneIsToldAgainWithTheHistoryKept() {
        Booked b = book(1);
        Instant askedAt = Instant.now();

        JsonPath moved = given().auth().oauth2(b.party(0)).contentType(ContentType.JSON).body(reason("外出务工，无法到场"))
                .post("/api/hearings/{id}/reschedule", b.hearing().getHearingId())
                .then().statusCode(200)
                .body("status", equalTo("RESCHEDULED"))
                .body("sequence", equalTo(1))
                .extract().jsonPath();
        TimeRange now = new TimeRange(Instant.parse(moved.getString("startsAt")), Instant.parse(moved.getString("endsAt")));
        assertFalse(now.overlaps(b.time()), "the new time leaves the one the party cannot come to");
        assertFalse(now.start().isBefore(askedAt.plus(Duration.ofDays(3))), "everyone gets the full notice again");

        // every participant hears of the move, with the new time in the attached calendar
        List<NoticeRequest> notices = Outboxes.notices(b.request().getCaseNo(), NoticeKind.HEARING_RESCHEDULED);
        assertEquals(3, notices.size());
        for (NoticeRequest notice : notices) {
            assertEquals("外出务工，无法到场", notice.getFieldsOrThrow("reason"));
            VEvent event = ICalendars.parse(notice.getFieldsOrThrow("ics")).<VEvent>getComponents(Component.VEVENT).getFirst();
            assertEquals(now.start(), ((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant());
            assertEquals(1, event.getSequence().getSequenceNo());
        }
        // case-service hears the new time, and a move is no cancellation
        List<HearingScheduled> scheduled = Outboxes.scheduled(b.hearing().getHearingId());
        assertEquals(2, scheduled.size());
        assertEquals(List.of(), Outboxes.cancelled(b.hearing().getHearingId()));
        assertTrue(scheduled.stream().anyMatch(m -> ProtoTime.toInstant(m.getStartsAt()).equals(now.start())));

        given().auth().oauth2(b.staff()).get("/api/hearings/{id}/history", b.hearing().getHearingId())
                .then().statusCode(200)
                .body("kind", contains("BOOKED", "RESCHEDULED"))
                .body("[1].cause", equalTo("PARTY_REQUEST"))
                .body("[1].oldStartsAt", equalTo(b.time().start().toString()));
    }

    @Test
    void thePartiesOfACaseMayAskOnlyTwiceThenNothingChanges() {
        Booked b = book(1);
        String id = b.hearing().getHearingId();
        given().auth().oauth2(b.party(0)).contentType(ContentType.JSON).body(reason("第一次"))
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(200);
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON)
                .body("{\"reason\":\"第二次\",\"partyId\":\"" + b.request().getParties(1).getPartyId() + "\"}")
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(200);
        String before = given().auth().oauth2(b.staff()).get("/api/hearings/{id}", id).then().extract().asString();
        long messages = Outboxes.count();

        given().auth().oauth2(b.party(1)).contentType(ContentType.JSON).body(reason("第三次"))
                .post("/api/hearings/{id}/reschedule", id)
                .then().statusCode(409).contentType("application/problem+json");

        assertEquals(before, given().auth().oauth2(b.staff()).get("/api/hearings/{id}", id).then().extract().asString());
        assertEquals(messages, Outboxes.count());
        // the center itself can still move it
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body(reason("中心调整"))
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(200).body("sequence", equalTo(3));
    }

    @Test
    void aMediatorReportingAConflictGetsANewTimeAndOtherMediatorsCannot() {
        Booked b = book(1);
        given().auth().oauth2(DevTokens.forRole("mediator").subject("MX").claim("mediatorId", uniqueId("M")).sign())
                .contentType(ContentType.JSON).body(reason("冲突"))
                .post("/api/hearings/{id}/reschedule", b.hearing().getHearingId()).then().statusCode(404);

        JsonPath moved = given().auth().oauth2(b.mediatorToken()).contentType(ContentType.JSON).body(reason("出庭冲突"))
                .post("/api/hearings/{id}/reschedule", b.hearing().getHearingId())
                .then().statusCode(200).extract().jsonPath();
        assertFalse(b.time().overlaps(new TimeRange(Instant.parse(moved.getString("startsAt")),
                Instant.parse(moved.getString("endsAt")))));
        given().auth().oauth2(b.staff()).get("/api/hearings/{id}/history", b.hearing().getHearingId())
                .then().body("[1].cause", equalTo("MEDIATOR_CONFLICT"))
                .body("[1].requestedBy", equalTo("mediator " + b.mediator()));
    }

    @Test
    void aStaleIfMatchOrABlankReasonChangesNothing() {
        Booked b = book(1);
        String id = b.hearing().getHearingId();
        String etag = given().auth().oauth2(b.staff()).get("/api/hearings/{id}", id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body(reason(" "))
                .post("/api/hearings/{id}/reschedule", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).header("If-Match", "\"99\"").body(reason("调整"))
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(412);
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body("{\"reason\":\"x\",\"partyId\":\"nobody\"}")
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(400).body("errors[0].field", equalTo("partyId"));
        given().auth().oauth2(b.staff()).get("/api/hearings/{id}", id).then().body("sequence", equalTo(0))
                .header("ETag", etag);
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).header("If-Match", etag).body(reason("调整"))
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(200);
    }

    @Test
    void withNoOtherSlotTheHearingStaysWhereItIs() {
        String mediator = uniqueId("M");
        LocalDate day = workingDayAfter(9);
        // free only on one morning: the booked slot is the only one there is
        FakeMediatorService.setFreeWindows(mediator, List.of(new TimeRange(at(day, 9, 0), at(day, 10, 30))));
        HearingRequest request = request(newCenter(1), mediator).build();
        Hearing hearing = scheduling.requestHearing(request);
        Booked b = new Booked(request.getCenterCode(), mediator, request, hearing);
        long messages = Outboxes.count();

        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body(reason("调整"))
                .post("/api/hearings/{id}/reschedule", hearing.getHearingId())
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(b.staff()).get("/api/hearings/{id}", hearing.getHearingId())
                .then().body("status", equalTo("BOOKED")).body("startsAt", equalTo(at(day, 9, 0).toString()));
        assertEquals(messages, Outboxes.count());
    }

    @Test
    void cancellingFreesTheSlotAndTellsEveryone() {
        Booked b = book(1);
        String id = b.hearing().getHearingId();
        given().auth().oauth2(b.mediatorToken()).contentType(ContentType.JSON).body(reason("x"))
                .post("/api/hearings/{id}/cancel", id).then().statusCode(403);

        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body(reason("双方已自行和解"))
                .post("/api/hearings/{id}/cancel", id)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("双方已自行和解"));

        List<NoticeRequest> notices = Outboxes.notices(b.request().getCaseNo(), NoticeKind.HEARING_CANCELLED);
        assertEquals(3, notices.size());
        VEvent event = ICalendars.parse(notices.getFirst().getFieldsOrThrow("ics")).<VEvent>getComponents(Component.VEVENT)
                .getFirst();
        assertEquals("CANCELLED", event.getStatus().getValue());
        // case-service hears of it once, with the reason and who cancelled, and is told of no new time
        List<HearingCancelled> cancelled = Outboxes.cancelled(id);
        assertEquals(1, cancelled.size());
        assertEquals(b.request().getCaseId(), cancelled.getFirst().getCaseId());
        assertEquals("双方已自行和解", cancelled.getFirst().getReason());
        assertEquals("staff-" + b.center(), cancelled.getFirst().getCancelledBy());
        assertEquals(b.hearing().getStartsAt(), cancelled.getFirst().getStartsAt());
        assertEquals(1, Outboxes.scheduled(id).size());
        // the freed room takes the next case at the same time
        Hearing next = scheduling.requestHearing(request(b.center(), uniqueId("M")).build());
        assertEquals(b.hearing().getStartsAt(), next.getStartsAt());
        // and a cancelled hearing can no longer move
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body(reason("x"))
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(409);
    }

    @Test
    void closingAVenueMovesItsComingHearingsToAnotherVenue() {
        Booked b = book(2);
        String admin = DevTokens.forRole("admin").subject("admin-1").sign();
        given().auth().oauth2(b.staff()).delete("/api/venues/{id}", b.hearing().getVenueId())
                .then().statusCode(200)
                .body("moved", contains(b.hearing().getHearingId()))
                .body("unplaced", hasSize(0));

        JsonPath after = given().auth().oauth2(b.staff()).get("/api/hearings/{id}", b.hearing().getHearingId())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("调解室 2", after.getString("venue.name"));
        assertFalse(Instant.parse(after.getString("startsAt")).isBefore(Instant.now().plus(Duration.ofDays(3))));
        assertEquals(3, Outboxes.notices(b.request().getCaseNo(), NoticeKind.HEARING_RESCHEDULED).size());
        given().auth().oauth2(admin).get("/api/venues/{id}", b.hearing().getVenueId())
                .then().body("active", equalTo(false));
        given().auth().oauth2(b.staff()).get("/api/hearings/{id}/history", b.hearing().getHearingId())
                .then().body("[1].cause", equalTo("VENUE_CLOSED"));
        // staff of another center cannot close it: to them it does not exist
        given().auth().oauth2(DevTokens.forRole("staff").subject("s").claim("center", "QX-BAIXI").sign())
                .delete("/api/venues/{id}", b.hearing().getVenueId()).then().statusCode(404);
    }
}
