package cn.tiaojie.scheduling.rest;

import static cn.tiaojie.scheduling.Fixtures.SHANGHAI;
import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.ICalendars;
import cn.tiaojie.scheduling.Outboxes;
import cn.tiaojie.local.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarTest {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    static String staffOf(String center) {
        return DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
    }

    static String mediator(String id) {
        return DevTokens.forRole("mediator").subject(id).claim("mediatorId", id).sign();
    }

    @Test
    void aHearingDownloadsAsAnICalendarEventInShanghaiTime() {
        String center = newCenter(1);
        HearingRequest request = request(center, uniqueId("M")).setCaseNo(uniqueId("TJ,;")).build();
        Hearing hearing = scheduling.requestHearing(request);

        String ics = given().auth().oauth2(staffOf(center)).get("/api/hearings/{id}.ics", hearing.getHearingId())
                .then().statusCode(200).contentType("text/calendar").extract().asString();

        VEvent event = onlyEvent(ICalendars.parse(ics));
        ZonedDateTime start = (ZonedDateTime) event.getDateTimeStart().getDate();
        ZonedDateTime end = (ZonedDateTime) event.getDateTimeEnd().getDate();
        // ical4j names the zone after the calendar's own VTIMEZONE: UTC+8, at the local time the notice shows
        assertEquals(java.time.ZoneOffset.ofHours(8), start.getOffset());
        assertEquals(ProtoTime.toInstant(hearing.getStartsAt()).atZone(SHANGHAI).toLocalDateTime(), start.toLocalDateTime());
        assertEquals("Asia/Shanghai", event.getDateTimeStart().<TzId>getRequiredParameter(Parameter.TZID).getValue());
        assertEquals(ProtoTime.toInstant(hearing.getStartsAt()), start.toInstant());
        assertEquals(ProtoTime.toInstant(hearing.getEndsAt()), end.toInstant());
        assertEquals("hearing-" + hearing.getHearingId() + "@tiaojie", event.getUid().orElseThrow().getValue());
        assertEquals(0, event.getSequence().getSequenceNo());
        // commas and semicolons in text survive the escaping
        assertEquals("调解会 " + request.getCaseNo(), event.getSummary().getValue());
        assertTrue(event.getLocation().getValue().contains("调解室 1"));
        assertEquals("CONFIRMED", event.getStatus().getValue());
        // content lines are folded at 75 octets and end in CRLF
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
    }

    @Test
    void everyHearingNoticeCarriesTheSameEventForE_mailAttachments() {
        HearingRequest request = request(newCenter(1), uniqueId("M"), uniqueId("M")).build();
        Hearing hearing = scheduling.requestHearing(request);

        List<NoticeRequest> notices = Outboxes.notices(request.getCaseNo(), NoticeKind.HEARING_NOTICE);
        assertEquals(4, notices.size());
        for (NoticeRequest notice : notices) {
            VEvent event = onlyEvent(ICalendars.parse(notice.getFieldsOrThrow("ics")));
            assertEquals(ProtoTime.toInstant(hearing.getStartsAt()),
                    ((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant());
        }
    }

    @Test
    void aMediatorSubscribesToTheirOwnFeedOnly() {
        String center = newCenter(2);
        String mediatorId = uniqueId("M");
        Hearing first = scheduling.requestHearing(request(center, mediatorId).build());
        Hearing second = scheduling.requestHearing(request(center, mediatorId).build());
        scheduling.requestHearing(request(center, uniqueId("M")).build());

        String ics = given().auth().oauth2(mediator(mediatorId)).get("/api/mediators/{id}/calendar.ics", mediatorId)
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        List<String> uids = ICalendars.parse(ics).<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> e.getUid().orElseThrow().getValue()).toList();
        assertEquals(List.of("hearing-" + first.getHearingId() + "@tiaojie", "hearing-" + second.getHearingId() + "@tiaojie"),
                uids);

        given().auth().oauth2(mediator(uniqueId("M"))).get("/api/mediators/{id}/calendar.ics", mediatorId)
                .then().statusCode(403).contentType("application/problem+json");
        // staff of another center see none of this mediator's hearings here
        String otherStaff = given().auth().oauth2(staffOf("QX-BAIXI")).get("/api/mediators/{id}/calendar.ics", mediatorId)
                .then().statusCode(200).extract().asString();
        assertEquals(0, ICalendars.parse(otherStaff).getComponents(Component.VEVENT).size());
    }

    @Test
    void aCalendarAppReadsTheSecretAddressWithoutAHeaderUntilItIsRenewed() {
        String center = newCenter(2);
        String mediatorId = uniqueId("M");
        Hearing hearing = scheduling.requestHearing(request(center, mediatorId).build());
        scheduling.requestHearing(request(center, uniqueId("M")).build());
        given().auth().oauth2(mediator(mediatorId)).get("/api/mediators/{id}/calendar-subscription", mediatorId)
                .then().statusCode(200).body("active", equalTo(false));

        String path = given().auth().oauth2(mediator(mediatorId))
                .post("/api/mediators/{id}/calendar-subscription", mediatorId).then().statusCode(201)
                .body("active", equalTo(true)).extract().path("path");
        String ics = given().get(path).then().statusCode(200).contentType("text/calendar")
                .header("Cache-Control", "private, no-store").extract().asString();
        assertEquals(List.of("hearing-" + hearing.getHearingId() + "@tiaojie"), ICalendars.parse(ics)
                .<VEvent>getComponents(Component.VEVENT).stream().map(e -> e.getUid().orElseThrow().getValue()).toList());
        // the token is not shown again, and nobody else may renew it
        given().auth().oauth2(mediator(mediatorId)).get("/api/mediators/{id}/calendar-subscription", mediatorId)
                .then().statusCode(200).body("active", equalTo(true)).body("token", nullValue());
        given().auth().oauth2(mediator(uniqueId("M"))).post("/api/mediators/{id}/calendar-subscription", mediatorId)
                .then().statusCode(403);

        String renewed = given().auth().oauth2(mediator(mediatorId))
                .post("/api/mediators/{id}/calendar-subscription", mediatorId).then().statusCode(201)
                .extract().path("path");
        given().get(path).then().statusCode(404).contentType("application/problem+json");
        given().get(renewed).then().statusCode(200);
        given().auth().oauth2(mediator(mediatorId)).delete("/api/mediators/{id}/calendar-subscription", mediatorId)
                .then().statusCode(204);
        given().get(renewed).then().statusCode(404);
        given().get("/api/calendar-feeds/{token}.ics", "not-a-token").then().statusCode(400);
    }

    @Test
    void aPartyDownloadsTheirOwnHearingButNotAnothers() {
        HearingRequest request = request(newCenter(1), uniqueId("M")).build();
        Hearing hearing = scheduling.requestHearing(request);
        String party = DevTokens.forRole("resident").subject("r-" + uniqueId("R"))
                .claim("caseId", request.getCaseId()).claim("partyId", request.getParties(0).getPartyId()).sign();
        String stranger = DevTokens.forRole("resident").subject("r-" + uniqueId("R"))
                .claim("caseId", request.getCaseId()).claim("partyId", "someone-else").sign();

        ICalendars.parse(given().auth().oauth2(party).get("/api/hearings/{id}.ics", hearing.getHearingId())
                .then().statusCode(200).extract().asString());
        given().auth().oauth2(stranger).get("/api/hearings/{id}.ics", hearing.getHearingId()).then().statusCode(404);
        given().get("/api/hearings/{id}.ics", hearing.getHearingId()).then().statusCode(401);
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.getFirst();
    }
}
