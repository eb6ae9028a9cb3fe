package cn.tiaojie.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static cn.tiaojie.cases.Fixtures.OTHER_STAFF;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.local.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** From mediation to the outcome and after: agreement, judicial confirmation, ratings, follow-ups, closing. */
@QuarkusTest
class LifecycleTest {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Test
    void aResolvedCaseCarriesItsAgreementIsRatedFollowedUpAndClosed() {
        String id = Flow.toMediation(cases, STAFF, wageDispute());
        String performBy = LocalDate.now().plusDays(20).toString();
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"result":"RESOLVED","agreement":{"terms":"公司于二十日内一次性支付工资 18000 元","amount":18000,
                 "performanceDeadline":"%s","judicialConfirmation":true}}""".formatted(performBy))
                .post("/api/cases/{id}/outcome", id)
                .then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("outcome.judicialConfirmationDue", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString()))
                .body("step", equalTo(null));
        // each party is told the outcome, with the agreement and its windows, on their own channels
        List<NoticeRequest> outcomes = Flow.noticesFor(id).stream().filter(n -> n.getKind() == NoticeKind.OUTCOME)
                .toList();
        assertEquals(2, outcomes.size());
        assertEquals(Set.of(RecipientKind.PARTY), outcomes.stream().map(n -> n.getRecipient().getKind())
                .collect(Collectors.toSet()));
        NoticeRequest toApplicant = outcomes.stream().filter(n -> n.getRecipient().getName().equals("张三"))
                .findFirst().orElseThrow();
        assertEquals(List.of(NoticeChannel.SMS), toApplicant.getRecipient().getChannelsList(), "as she prefers");
        assertEquals("RESOLVED", toApplicant.getFieldsOrThrow("outcome"));
        assertEquals("公司于二十日内一次性支付工资 18000 元", toApplicant.getFieldsOrThrow("agreementTerms"));
        assertEquals("18000", toApplicant.getFieldsOrThrow("agreementAmount"));
        assertEquals(performBy, toApplicant.getFieldsOrThrow("performanceDeadline"));
        assertEquals(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString(),
                toApplicant.getFieldsOrThrow("judicialConfirmationDue"));
        assertEquals(2, outcomes.stream().map(NoticeRequest::getIdempotencyKey).distinct().count());

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"appliedOn\":\"" + LocalDate.now().plusDays(2) + "\",\"court\":\"青溪县人民法院\"}")
                .post("/api/cases/{id}/judicial-confirmation", id).then().statusCode(400);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"appliedOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"court\":\"青溪县人民法院\",\"reference\":\"(2025)浙0999民特1号\"}")
                .post("/api/cases/{id}/judicial-confirmation", id).then().statusCode(200)
                .body("outcome.judicialConfirmationAppliedOn", notNullValue());

        String partyId = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("parties[0].id");
        String resident = DevTokens.forRole("resident").subject("r-" + partyId).claim("caseId", id).claim("partyId", partyId).sign();
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"score\":5,\"comment\":\"调解员很耐心\"}")
                .post("/api/cases/{id}/ratings", id).then().statusCode(201).body("score", equalTo(5));
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"score\":1}")
                .post("/api/cases/{id}/ratings", id).then().statusCode(409);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"score\":6}")
                .post("/api/cases/{id}/ratings", id).then().statusCode(400).body("errors[0].field", equalTo("score"));
        String stranger = DevTokens.forRole("resident").subject("r-x").claim("caseId", id)
                .claim("partyId", java.util.UUID.randomUUID().toString()).sign();
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"score\":3}")
                .post("/api/cases/{id}/ratings", id).then().statusCode(403);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"score\":3}")
                .post("/api/cases/{id}/ratings", id).then().statusCode(403);

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"method\":\"PHONE\",\"note\":\"已电话回访，工资已到账\",\"agreementPerformed\":true}")
                .post("/api/cases/{id}/follow-ups", id).then().statusCode(201);
        // the parties see the case, not how the other side rated it
        given().auth().oauth2(resident).get("/api/cases/{id}", id).then().statusCode(200).body("ratings.size()", equalTo(0));
        given().auth().oauth2(STAFF).post("/api/cases/{id}/close", id).then().statusCode(200).body("status", equalTo("CLOSED"));

        // closing invites each party to rate; the other party rates through that invitation's link
        List<NoticeRequest> invitations = Flow.noticesFor(id).stream()
                .filter(n -> n.getKind() == NoticeKind.EVALUATION_INVITATION).toList();
        assertEquals(2, invitations.size());
        String respondentId = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract()
                .path("parties[1].id");
        PartyRating byLink = PartyRating.newBuilder().setMessageId(UUID.randomUUID().toString()).setCaseId(id)
                .setPartyId(respondentId).setNoticeId(UUID.randomUUID().toString()).setScore(4).setComment("")
                .setRatedAt(ProtoTime.of(Instant.now())).build();
        assertTrue(cases.recordRating(byLink).getApplied());
        assertFalse(cases.recordRating(byLink).getApplied(), "the same message twice");
        assertFalse(cases.recordRating(byLink.toBuilder().setMessageId(UUID.randomUUID().toString()).setScore(1)
                .build()).getApplied(), "a party rates once");
        assertFalse(cases.recordRating(byLink.toBuilder().setMessageId(UUID.randomUUID().toString())
                .setPartyId(partyId).build()).getApplied(), "the applicant rated in the API before");

        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("outcome.result", equalTo("RESOLVED"))
                .body("followUps[0].agreementPerformed", equalTo(true))
                .body("ratings.size()", equalTo(2))
                .body("ratings.find { it.partyId == '" + respondentId + "' }.score", equalTo(4))
                .body("ratings.find { it.partyId == '" + respondentId + "' }.comment", equalTo(null))
                .body("ratings[0].partyId", equalTo(partyId))
                .body("ratings[0].partyRole", equalTo("APPLICANT"))
                .body("ratings[0].score", equalTo(5))
                .body("ratings[0].comment", equalTo("调解员很耐心"))
                .body("timeline.type", hasItems("RECEIVED", "FILED", "DISPATCHED", "TEAM_ASSIGNED", "HEARING_SCHEDULED",
                        "IN_MEDIATION", "RESOLVED", "JUDICIAL_CONFIRMATION_APPLIED", "RATED", "FOLLOWED_UP", "CLOSED"));
    }

    @Test
    void anOutcomeNeedsWhatItsResultNeedsAndBadOnesChangeNothing() {
        String id = Flow.toMediation(cases, STAFF, wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"result\":\"RESOLVED\"}")
                .post("/api/cases/{id}/outcome", id).then().statusCode(400).body("errors.field", hasItem("agreement"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"result\":\"UNRESOLVED\"}")
                .post("/api/cases/{id}/outcome", id).then().statusCode(400).body("errors.field", hasItem("referralRoute"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"result\":\"RESOLVED\",\"agreement\":{\"terms\":\"x\",\"amount\":-1,\"judicialConfirmation\":false}}")
                .post("/api/cases/{id}/outcome", id).then().statusCode(400).body("errors.field", hasItem("agreement.amount"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("IN_MEDIATION"));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"result\":\"UNRESOLVED\",\"referralRoute\":\"ARBITRATION\",\"reason\":\"公司拒绝调解\"}")
                .post("/api/cases/{id}/outcome", id).then().statusCode(200)
                .body("status", equalTo("UNRESOLVED")).body("outcome.referralRoute", equalTo("ARBITRATION"));
    }

    @Test
    void illegalTransitionsAre409AndStaffOfAnotherCenterCannotAct() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"result\":\"UNRESOLVED\",\"referralRoute\":\"LITIGATION\"}")
                .post("/api/cases/{id}/outcome", id).then().statusCode(409);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/start-mediation", id).then().statusCode(409);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/close", id).then().statusCode(409);
        given().auth().oauth2(OTHER_STAFF).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/cases/{id}/withdraw", id).then().statusCode(404);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .post("/api/cases/{id}/withdraw", id).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"双方已自行和解\"}")
                .post("/api/cases/{id}/withdraw", id).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("outcome.reason", equalTo("双方已自行和解"));
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(409);
    }

    @Test
    void aWriterWithAStaleETagLosesAndTheCaseKeepsTheFirstChange() {
        String id = register(wageDispute());
        String etag = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(STAFF).header("If-Match", etag).post("/api/cases/{id}/file", id).then().statusCode(200);
        given().auth().oauth2(STAFF).header("If-Match", etag).contentType(ContentType.JSON).body("{\"reason\":\"重复受理\"}")
                .post("/api/cases/{id}/reject", id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().body("status", equalTo("FILED"));
    }
}
