package cn.tiaojie.cases.service.aftercare;

import cn.tiaojie.cases.service.supervision.Supervision;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.wageDispute;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An agreement's reminders on a controlled clock: each once at its lead, the follow-up step after the performance
 * deadline (supervised, ended by the follow-up), and none for a window already used.
 */
@QuarkusTest
class AgreementRemindersTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Inject
    AgreementReminders reminders;

    @Inject
    Supervision supervision;

    @Test
    void theConfirmationWindowAndThePerformanceDeadlineAreRemindedOnceEachAtTheirLeadsThenTheFollowUpFalls() {
        Instant start = Instant.now();
        LocalDate today = start.atZone(CHINA).toLocalDate();
        String id = resolved(today.plusDays(10), true);

        // outcome day: the outcome notice has told them everything
        reminders.sweep(start);
        assertEquals(List.of(), kinds(id, NoticeKind.PERFORMANCE_REMINDER, NoticeKind.JUDICIAL_CONFIRMATION_REMINDER));

        // three days before the performance deadline, to both parties, once however often the sweep runs
        reminders.sweep(start.plus(Duration.ofDays(7)));
        reminders.sweep(start.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)));
        List<NoticeRequest> performance = notices(id, NoticeKind.PERFORMANCE_REMINDER);
        assertEquals(2, performance.size());
        assertEquals(Set.of(RecipientKind.PARTY), performance.stream().map(n -> n.getRecipient().getKind())
                .collect(Collectors.toSet()));
        assertEquals(today.plusDays(10).toString(), performance.getFirst().getFieldsOrThrow("performanceDeadline"));
        // and one day before
        reminders.sweep(start.plus(Duration.ofDays(9)));
        reminders.sweep(start.plus(Duration.ofDays(9)));
        assertEquals(4, notices(id, NoticeKind.PERFORMANCE_REMINDER).size());

        // the day after the deadline: staff are told to follow up, and the 回访 step runs against its own deadline
        reminders.sweep(start.plus(Duration.ofDays(11)));
        reminders.sweep(start.plus(Duration.ofDays(11)));
        List<NoticeRequest> followUp = notices(id, NoticeKind.FOLLOW_UP_DUE);
        assertEquals(1, followUp.size());
        assertEquals(RecipientKind.STAFF, followUp.getFirst().getRecipient().getKind());
        assertEquals("center:QX-COUNTY", followUp.getFirst().getRecipient().getId());
        Instant followUpBy = today.plusDays(11).atStartOfDay(CHINA).toInstant().plus(Duration.ofDays(7));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("status", equalTo("RESOLVED")).body("step", equalTo("FOLLOW_UP"))
                .body("stepDeadline", equalTo(followUpBy.toString()))
                .body("timeline.type", hasItem("FOLLOW_UP_DUE"));
        // supervision watches it like any step: past its deadline the supervisors are alerted
        supervision.run(followUpBy.plus(Duration.ofHours(1)));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("slaState", equalTo("OVERDUE"));
        assertEquals(1, notices(id, NoticeKind.OVERDUE_ALERT).size());

        // the follow-up ends the step
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"method\":\"PHONE\",\"note\":\"电话回访，工资已付清\",\"agreementPerformed\":true}")
                .post("/api/cases/{id}/follow-ups", id).then().statusCode(201);
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("step", equalTo(null)).body("stepDeadline", equalTo(null)).body("slaState", equalTo(null));

        // the confirmation window (30 days) closes: the applicant and staff, 7 days and 1 day before
        reminders.sweep(start.plus(Duration.ofDays(23)));
        reminders.sweep(start.plus(Duration.ofDays(29)));
        reminders.sweep(start.plus(Duration.ofDays(29)));
        List<NoticeRequest> confirmation = notices(id, NoticeKind.JUDICIAL_CONFIRMATION_REMINDER);
        assertEquals(4, confirmation.size());
        assertEquals(List.of("center:QX-COUNTY", "center:QX-COUNTY"), confirmation.stream()
                .filter(n -> n.getRecipient().getKind() == RecipientKind.STAFF).map(n -> n.getRecipient().getId())
                .toList());
        assertEquals(2, confirmation.stream().filter(n -> n.getRecipient().getKind() == RecipientKind.PARTY
                && n.getRecipient().getName().equals("张三")).count(), "only the applicant among the parties");
        assertEquals(today.plusDays(30).toString(), confirmation.getFirst().getFieldsOrThrow("judicialConfirmationDue"));
        // an agreement performed and followed up is not reminded of its deadline again, nor followed up twice
        reminders.sweep(start.plus(Duration.ofDays(40)));
        assertEquals(4, notices(id, NoticeKind.PERFORMANCE_REMINDER).size());
        assertEquals(1, notices(id, NoticeKind.FOLLOW_UP_DUE).size());
    }

    @Test
    void aWindowAlreadyUsedAndALateSweepSendOnlyWhatIsStillOfUse() {
        Instant start = Instant.now();
        LocalDate today = start.atZone(CHINA).toLocalDate();
        String id = resolved(today.plusDays(5), true);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"appliedOn\":\"" + today + "\",\"court\":\"青溪县人民法院\"}")
                .post("/api/cases/{id}/judicial-confirmation", id).then().statusCode(200);

        // the sweep was down until the eve of the deadline: only the nearest lead goes out
        reminders.sweep(start.plus(Duration.ofDays(4)));
        assertEquals(2, notices(id, NoticeKind.PERFORMANCE_REMINDER).size());
        reminders.sweep(start.plus(Duration.ofDays(29)));
        assertEquals(List.of(), notices(id, NoticeKind.JUDICIAL_CONFIRMATION_REMINDER), "confirmation applied for");
    }

    private String resolved(LocalDate performBy, boolean judicialConfirmation) {
        String id = Flow.toMediation(cases, STAFF, wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"result":"RESOLVED","agreement":{"terms":"公司于期限内支付工资 18000 元","amount":18000,
                 "performanceDeadline":"%s","judicialConfirmation":%s}}""".formatted(performBy, judicialConfirmation))
                .post("/api/cases/{id}/outcome", id).then().statusCode(200);
        return id;
    }

    private static List<NoticeRequest> notices(String caseId, NoticeKind kind) {
        return Flow.noticesFor(caseId).stream().filter(n -> n.getKind() == kind).toList();
    }

    private static List<NoticeKind> kinds(String caseId, NoticeKind... of) {
        Set<NoticeKind> wanted = Set.of(of);
        return Flow.noticesFor(caseId).stream().map(NoticeRequest::getKind).filter(wanted::contains).toList();
    }
}
