package cn.tiaojie.cases.grpc;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.scheduling.v1.HearingRecord;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.OutboxMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff record a hearing held (attendance, minutes) or not held (why); scheduling-service learns it. */
@QuarkusTest
class HearingRecordTest {

    private static final String HELD = """
            {"held": true,
             "attendance": [{"role": "申请人", "name": "王建国"}, {"role": "被申请人", "name": "李明"},
                            {"role": "律师", "name": "李律师"}],
             "minutes": "双方就拖欠工资数额陈述意见，被申请人同意分两期支付。"}""";

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Test
    void aHeldHearingWithAttendanceAndMinutesShowsInTheTimelineAndClosesItInScheduling() {
        String id = Flow.toHearingScheduled(cases, STAFF, wageDispute());
        String hearingId = hearingOf(id);
        String etag = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().statusCode(200)
                .extract().header("ETag");

        given().auth().oauth2(STAFF).header("If-Match", etag).contentType(ContentType.JSON).body(HELD)
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, hearingId)
                .then().statusCode(200).body("status", equalTo("IN_MEDIATION"));

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().statusCode(200)
                .body("timeline.find { it.type == 'HEARING_HELD' }.detail", containsString(
                        "已召开；出席：申请人 王建国、被申请人 李明、律师 李律师；笔录：双方就拖欠工资数额陈述意见，被申请人同意分两期支付。"));
        HearingRecord sent = single(records(id));
        assertTrue(sent.getHeld());
        assertEquals(hearingId, sent.getHearingId());
        // recorded once: the same hearing is not recorded again
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(HELD)
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, hearingId)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anAdjournedHearingLetsStaffAskForTheNextOne() {
        String id = Flow.toHearingScheduled(cases, STAFF, wageDispute());
        String hearingId = hearingOf(id);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"held\": false, \"reason\": \"ADJOURNED\", \"note\": \"被申请人需补充工资流水\"}")
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, hearingId)
                .then().statusCode(200).body("status", equalTo("TEAM_ASSIGNED"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("timeline.find { it.type == 'HEARING_NOT_HELD' }.detail",
                        containsString("未召开：休庭改期（被申请人需补充工资流水）"));
        HearingRecord sent = single(records(id));
        assertFalse(sent.getHeld());
        assertEquals("休庭改期", sent.getReason());
        assertEquals(1, hearingRequests(id).size());

        given().auth().oauth2(STAFF).post("/api/cases/{id}/request-hearing", id).then().statusCode(200);
        assertEquals(2, hearingRequests(id).size());
        // a late report of the adjourned hearing is ignored; the new hearing is taken
        assertFalse(cases.recordHearingScheduled(scheduled(id, hearingId)).getApplied());
        assertTrue(cases.recordHearingScheduled(scheduled(id, "H2-" + id.substring(0, 8))).getApplied());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("HEARING_SCHEDULED"));
    }

    @Test
    void badInputIsRefusedInPlainWordsAndChangesNothing() {
        String id = Flow.toHearingScheduled(cases, STAFF, wageDispute());
        String hearingId = hearingOf(id);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"held\": true, \"attendance\": [{\"role\": \"申请人\", \"name\": \"王建国\"}]}")
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, hearingId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("minutes")).body("errors.message", hasItem("请填写笔录"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"held\": false}")
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, hearingId)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(HELD)
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, "H-someone-else")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(STAFF).header("If-Match", "\"99\"").contentType(ContentType.JSON).body(HELD)
                .post("/api/cases/{id}/hearings/{hearingId}/record", id, hearingId)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("HEARING_SCHEDULED"))
                .body("timeline.find { it.type == 'HEARING_HELD' }", nullValue());
        assertEquals(0, records(id).size());
    }

    private static String hearingOf(String id) {
        return given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("hearing.hearingId");
    }

    private static HearingScheduled scheduled(String id, String hearingId) {
        Instant startsAt = Instant.now().plus(5, ChronoUnit.DAYS);
        return HearingScheduled.newBuilder().setMessageId(UUID.randomUUID().toString()).setCaseId(id)
                .setHearingId(hearingId).setStartsAt(ProtoTime.of(startsAt))
                .setEndsAt(ProtoTime.of(startsAt.plus(90, ChronoUnit.MINUTES))).setVenueName("第二调解室")
                .setWithinDeadline(true).build();
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size());
        return items.getFirst();
    }

    private static List<HearingRecord> records(String caseId) {
        return payloads(CaseTopics.RECORD_HEARING).stream().map(p -> parse(() -> HearingRecord.parseFrom(p)))
                .filter(r -> r.getCaseId().equals(caseId)).toList();
    }

    private static List<HearingRequest> hearingRequests(String caseId) {
        return payloads(CaseTopics.REQUEST_HEARING).stream().map(p -> parse(() -> HearingRequest.parseFrom(p)))
                .filter(r -> r.getCaseId().equals(caseId)).toList();
    }

    private static List<byte[]> payloads(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>list("topic = ?1 order by createdAt", topic)).stream().map(m -> m.payload).toList();
    }

    private interface Parse<T> {
        T run() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.run();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
