package cn.tiaojie.cases.service.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static cn.tiaojie.cases.Fixtures.COUNTY_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.OTHER_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.platform.grpc.ProtoTime;
import io.quarkus.grpc.GrpcClient;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 督办 and 吹哨报到: SLA states, reminders once, escalation by itself and by hand, summoned departments. */
@QuarkusTest
class SupervisionTest {

    @Inject
    Supervision supervision;

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Inject
    EntityManager em;

    @Test
    void anOverdueStepIsRemindedOnceEvenWhenSupervisionRunsAgainThenEscalatesAfterTheGrace() {
        String id = register(wageDispute());
        moveStepDeadline(id, "2 hours");
        supervision.run(Instant.now());
        supervision.run(Instant.now());

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("slaState", equalTo("OVERDUE")).body("level", equalTo("TOWNSHIP"));
        assertEquals(1, reminders(id, "OVERDUE"));
        List<NoticeRequest> alerts = Flow.noticesFor(id);
        assertEquals(1, alerts.stream().filter(n -> n.getKind() == NoticeKind.OVERDUE_ALERT).count());
        assertEquals(RecipientKind.SUPERVISOR, alerts.get(0).getRecipient().getKind());

        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/supervision/overdue").then().statusCode(200)
                .body("cases.id", hasItem(id));
        given().auth().oauth2(OTHER_SUPERVISOR).get("/api/supervision/overdue").then().statusCode(200)
                .body("cases.id", not(hasItem(id)));
        given().auth().oauth2(OTHER_SUPERVISOR).queryParam("area", "330999").get("/api/supervision/overdue")
                .then().statusCode(403);
        given().auth().oauth2(STAFF).get("/api/supervision/overdue").then().statusCode(403);

        moveStepDeadline(id, "30 hours");
        supervision.run(Instant.now());
        supervision.run(Instant.now());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("level", equalTo("COUNTY"))
                .body("timeline.type", hasItem("ESCALATED"));
        assertEquals(1, reminders(id, "ESCALATED"));
        List<NoticeRequest> escalations = Flow.noticesFor(id).stream()
                .filter(n -> n.getKind() == NoticeKind.ESCALATION_ALERT).toList();
        assertEquals(1, escalations.size());
        assertEquals("area:330999", escalations.get(0).getRecipient().getId());
    }

    @Test
    void aStepCloseToItsDeadlineIsDueSoon() {
        String id = register(wageDispute());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update dispute_case set step_started_at = now() - interval '23 hours', step_deadline = now() + interval '1 hour' where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        supervision.run(Instant.now());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("slaState", equalTo("DUE_SOON"));
        assertEquals(1, reminders(id, "DUE_SOON"));
    }

    @Test
    void staffEscalateWithAReasonAndTheNewLevelsSupervisorsAreAlerted() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .post("/api/cases/{id}/escalate", id).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"涉及二十名工人，群体性风险\"}")
                .post("/api/cases/{id}/escalate", id).then().statusCode(200).body("level", equalTo("COUNTY"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"再升\"}")
                .post("/api/cases/{id}/escalate", id).then().statusCode(409);
        assertEquals(1, Flow.noticesFor(id).stream().filter(n -> n.getKind() == NoticeKind.ESCALATION_ALERT).count());

        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/supervision/escalations").then().statusCode(200)
                .body("find { it.caseId == '%s' }.level".formatted(id), equalTo("COUNTY"))
                .body("find { it.caseId == '%s' }.detail".formatted(id), org.hamcrest.Matchers.containsString("群体性风险"))
                .body("find { it.caseId == '%s' }.actor".formatted(id), equalTo("staff-qx-1"));
        given().auth().oauth2(OTHER_SUPERVISOR).get("/api/supervision/escalations").then().statusCode(200)
                .body("caseId", not(hasItem(id)));
        given().auth().oauth2(COUNTY_SUPERVISOR).queryParam("days", "0").get("/api/supervision/escalations").then()
                .statusCode(400).body("errors[0].field", equalTo("days"));
        given().auth().oauth2(STAFF).get("/api/supervision/escalations").then().statusCode(403);
    }

    @Test
    void departmentsAreSummonedAnswerAndOverdueSummonsesShowInSupervision() {
        String id = register(wageDispute());
        String summonsId = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"deadlineHours\":48}")
                .post("/api/cases/{id}/summons", id).then().statusCode(201)
                .body("[0].department", equalTo("LABOUR_BUREAU")).body("[0].status", equalTo("REQUESTED"))
                .extract().path("[0].id");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"departments\":[\"LABOUR_BUREAU\"]}")
                .post("/api/cases/{id}/summons", id).then().statusCode(409);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"departments\":[\"MINISTRY_OF_MAGIC\"]}")
                .post("/api/cases/{id}/summons", id).then().statusCode(400).body("errors[0].field", equalTo("departments[0]"));
        String police = given().auth().oauth2(COUNTY_SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"departments\":[\"POLICE_STATION\"],\"note\":\"工人情绪激动\"}")
                .post("/api/cases/{id}/summons", id).then().statusCode(201).extract().path("[0].id");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update summons set deadline = now() - interval '1 hour' where id = ?1")
                .setParameter(1, UUID.fromString(summonsId)).executeUpdate());
        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/supervision/overdue").then()
                .body("summons.id", hasItem(summonsId)).body("summons.id", not(hasItem(police)));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"response\":\"DECLINED\"}")
                .post("/api/cases/{id}/summons/{sid}/response", id, summonsId).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"response\":\"REPORTED\",\"note\":\"劳动监察大队已到场\"}")
                .post("/api/cases/{id}/summons/{sid}/response", id, summonsId).then().statusCode(200)
                .body("status", equalTo("REPORTED"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"response\":\"DECLINED\",\"note\":\"x\"}")
                .post("/api/cases/{id}/summons/{sid}/response", id, summonsId).then().statusCode(409);
        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/supervision/overdue").then()
                .body("summons.id", not(hasItem(summonsId)));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("summons.size()", equalTo(2)).body("timeline.type", hasItem("SUMMONS_REPORTED"));
    }

    @Test
    void aSummonedDepartmentIsToldOnItsDutyPhoneAndAnswersThroughItsLinkOrByPhone() {
        String id = register(wageDispute());
        Instant before = Instant.now();
        String summonsId = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"departments\":[\"POLICE_STATION\",\"LABOUR_BUREAU\"],\"note\":\"请带执法记录仪\"}")
                .post("/api/cases/{id}/summons", id).then().statusCode(201)
                .body("[0].department", equalTo("POLICE_STATION")).extract().path("[0].id");
        // each department's own deadline: the police station 24 h, the labour bureau 72 h
        Instant policeDue = Instant.parse(given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("timeline.find { it.type == 'SUMMONED' }.detail",
                        equalTo("POLICE_STATION 24 h, LABOUR_BUREAU 72 h"))
                .extract().path("summons.find { it.department == 'POLICE_STATION' }.deadline"));
        assertFalse(policeDue.isBefore(before.plus(java.time.Duration.ofHours(24))), policeDue.toString());
        assertTrue(policeDue.isBefore(Instant.now().plus(java.time.Duration.ofHours(24))), policeDue.toString());
        List<NoticeRequest> toDepartments = Flow.noticesFor(id).stream()
                .filter(n -> n.getKind() == NoticeKind.DEPARTMENT_SUMMONS).toList();
        assertEquals(2, toDepartments.size());
        NoticeRequest toPolice = toDepartments.stream()
                .filter(n -> n.getRecipient().getId().equals("department:POLICE_STATION")).findFirst().orElseThrow();
        assertEquals(RecipientKind.DEPARTMENT, toPolice.getRecipient().getKind());
        assertEquals("公安派出所", toPolice.getRecipient().getName());
        assertEquals("13909990005", toPolice.getRecipient().getPhone());
        assertEquals(summonsId, toPolice.getFieldsOrThrow("summonsId"));
        assertEquals("请带执法记录仪", toPolice.getFieldsOrThrow("message"));

        // the police station answers on its link: who comes and when
        Instant arrives = Instant.now().plus(java.time.Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        SummonsAnswered viaLink = SummonsAnswered.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setCaseId(id).setSummonsId(summonsId).setResponse("REPORTED").setAttendee("白溪派出所 王警官")
                .setArrivesAt(ProtoTime.of(arrives)).setAnsweredAt(ProtoTime.of(Instant.now())).build();
        assertTrue(cases.recordSummonsAnswer(viaLink).getApplied());
        assertFalse(cases.recordSummonsAnswer(viaLink).getApplied(), "the same message twice");
        assertFalse(cases.recordSummonsAnswer(viaLink.toBuilder().setMessageId(UUID.randomUUID().toString())
                .setResponse("DECLINED").setNote("x").build()).getApplied(), "the first answer stands");
        // the labour bureau phoned the center: staff record it, marked as given by phone
        String labour = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract()
                .path("summons.find { it.department == 'LABOUR_BUREAU' }.id");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"response\":\"DECLINED\",\"note\":\"本周集中执法检查，无法派员\"}")
                .post("/api/cases/{id}/summons/{sid}/response", id, labour).then().statusCode(200)
                .body("respondedVia", equalTo("PHONE"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("summons.find { it.department == 'POLICE_STATION' }.status", equalTo("REPORTED"))
                .body("summons.find { it.department == 'POLICE_STATION' }.attendee", equalTo("白溪派出所 王警官"))
                .body("summons.find { it.department == 'POLICE_STATION' }.arrivesAt", equalTo(arrives.toString()))
                .body("summons.find { it.department == 'POLICE_STATION' }.respondedVia", equalTo("LINK"))
                .body("summons.find { it.department == 'LABOUR_BUREAU' }.status", equalTo("DECLINED"));
    }

    @Test
    void anUnansweredSummonsRemindsTheDepartmentAtItsDeadlineThenAlertsTheSupervisorsOnce() {
        String id = register(wageDispute());
        String late = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"deadlineHours\":24}")
                .post("/api/cases/{id}/summons", id).then().statusCode(201).extract().path("[0].id");
        String answered = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"departments\":[\"POLICE_STATION\"],\"deadlineHours\":24}")
                .post("/api/cases/{id}/summons", id).then().statusCode(201).extract().path("[0].id");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"response\":\"REPORTED\"}")
                .post("/api/cases/{id}/summons/{sid}/response", id, answered).then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update summons set deadline = now() - interval '1 hour' where case_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        // at the deadline the department is reminded on its link; the supervisors not yet
        supervision.run(Instant.now());
        supervision.run(Instant.now());
        assertEquals(List.of(NoticeKind.DEPARTMENT_SUMMONS), Flow.noticesFor(id).stream()
                .filter(n -> "SUMMONS_OVERDUE".equals(n.getFieldsMap().get("reminder"))).map(NoticeRequest::getKind)
                .toList());
        // still unanswered after the grace (4 h): the supervisors are told, once
        supervision.run(Instant.now().plus(java.time.Duration.ofHours(4)));
        supervision.run(Instant.now().plus(java.time.Duration.ofHours(4)));

        List<NoticeRequest> overdue = Flow.noticesFor(id).stream()
                .filter(n -> "SUMMONS_OVERDUE".equals(n.getFieldsMap().get("reminder"))).toList();
        List<NoticeRequest> alerts = overdue.stream().filter(n -> n.getKind() == NoticeKind.OVERDUE_ALERT).toList();
        assertEquals(1, alerts.size());
        // the department is reminded on its duty phone once, the one that answered not at all
        List<NoticeRequest> reminded = overdue.stream().filter(n -> n.getKind() == NoticeKind.DEPARTMENT_SUMMONS)
                .toList();
        assertEquals(1, reminded.size());
        assertEquals(late, reminded.getFirst().getFieldsOrThrow("summonsId"));
        assertEquals("department:LABOUR_BUREAU", reminded.getFirst().getRecipient().getId());
        assertEquals(late, alerts.get(0).getFieldsMap().get("summons"));
        assertEquals("LABOUR_BUREAU", alerts.get(0).getFieldsMap().get("department"));
        assertEquals(RecipientKind.SUPERVISOR, alerts.get(0).getRecipient().getKind());
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("timeline.findAll { it.type == 'SUMMONS_REMINDED' }.size()", equalTo(1))
                .body("timeline.findAll { it.type == 'SUMMONS_OVERDUE' }.size()", equalTo(1));
    }

    /** Puts the current step's deadline {@code ago} in the past, as if that much time had gone by. */
    private void moveStepDeadline(String id, String ago) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update dispute_case set step_started_at = now() - interval '48 hours', step_deadline = now() - cast(?2 as interval) where id = ?1")
                .setParameter(1, UUID.fromString(id)).setParameter(2, ago).executeUpdate());
    }

    private long reminders(String id, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from supervision_reminder where case_id = ?1 and kind = ?2")
                .setParameter(1, UUID.fromString(id)).setParameter(2, kind).getSingleResult()).longValue());
    }
}
