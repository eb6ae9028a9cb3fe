package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.mediator;
import static cn.tiaojie.notify.NoticeRequests.party;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.notify.RecordingCaseService;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.scope.CaseScopes;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who reads which notice: staff their center, supervisors their jurisdiction, recipients their own. */
@QuarkusTest
class NoticeScopeTest {

    static final String BAIXI_STAFF = DevTokens.forRole("staff").subject("staff-bx").claim("center", "QX-BAIXI").sign();
    static final String COUNTY_STAFF = DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY")
            .sign();
    static final String BAIXI_SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-bx")
            .claim("area", "330999102").sign();
    static final String COUNTY_SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-qx")
            .claim("area", "330999").sign();
    static final String OTHER_COUNTY_SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-x")
            .claim("area", "330888").sign();
    static final String ADMIN = DevTokens.forRole("admin").subject("admin-1").sign();

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    CaseScopes scopes;

    @Test
    void staffReadTheirCentersNoticesAndSupervisorsTheirJurisdiction() {
        String baixiCase = RecordingCaseService.caseIn("QX-BAIXI", "330999102003");
        String countyCase = RecordingCaseService.caseIn("QX-COUNTY", "330999201001");
        String inBaixi = send(baixiCase, party("P-" + UUID.randomUUID()));
        String inCounty = send(countyCase, party("P-" + UUID.randomUUID()));

        given().auth().oauth2(BAIXI_STAFF).get("/api/notices/{id}", inBaixi).then().statusCode(200)
                .body("caseId", equalTo(baixiCase));
        given().auth().oauth2(BAIXI_STAFF).get("/api/notices/{id}", inCounty).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(COUNTY_STAFF).get("/api/notices/{id}", inBaixi).then().statusCode(404);
        given().auth().oauth2(BAIXI_STAFF).get("/api/notices/{id}/proof.pdf", inCounty).then().statusCode(404);

        // the township supervisor sees the township, the county supervisor everything below the county
        given().auth().oauth2(BAIXI_SUPERVISOR).get("/api/notices/{id}", inBaixi).then().statusCode(200);
        given().auth().oauth2(BAIXI_SUPERVISOR).get("/api/notices/{id}", inCounty).then().statusCode(404);
        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/notices/{id}", inCounty).then().statusCode(200);
        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/notices/{id}", inBaixi).then().statusCode(200);
        given().auth().oauth2(OTHER_COUNTY_SUPERVISOR).get("/api/notices/{id}", inBaixi).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/notices/{id}", inCounty).then().statusCode(200);

        // lists hold only what the caller may read, whatever the filters ask for
        given().auth().oauth2(BAIXI_STAFF).queryParam("caseId", countyCase).get("/api/notices").then()
                .statusCode(200).body("total", equalTo(0)).body("items", empty());
        given().auth().oauth2(BAIXI_STAFF).queryParam("caseId", baixiCase).get("/api/notices").then()
                .statusCode(200).body("items.id", contains(inBaixi));
        given().auth().oauth2(OTHER_COUNTY_SUPERVISOR).queryParam("caseId", baixiCase).get("/api/notices").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(COUNTY_SUPERVISOR).queryParam("caseId", countyCase).get("/api/notices").then()
                .statusCode(200).body("items.id", contains(inCounty));
    }

    @Test
    void aSupervisorWhoseAreaClaimIsNoAreaCodeReadsNothing() {
        String id = send(RecordingCaseService.caseIn("QX-BAIXI", "330999102003"), party("P-" + UUID.randomUUID()));
        String wildcard = DevTokens.forRole("supervisor").subject("sup-w").claim("area", "%").sign();
        given().auth().oauth2(wildcard).get("/api/notices/{id}", id).then().statusCode(404);
        given().auth().oauth2(wildcard).get("/api/notices").then().statusCode(200).body("total", equalTo(0));
        String staffWithoutCenter = DevTokens.forRole("staff").subject("staff-none").sign();
        given().auth().oauth2(staffWithoutCenter).get("/api/notices/{id}", id).then().statusCode(404);
    }

    @Test
    void mediatorsAndResidentsReadOnlyTheNoticesAddressedToThem() {
        String caseId = RecordingCaseService.caseIn("QX-BAIXI", "330999102003");
        String partyId = "P-" + UUID.randomUUID();
        String mediatorId = "M-" + UUID.randomUUID();
        String toParty = send(caseId, party(partyId));
        String toMediator = send(caseId, mediator(mediatorId));
        String resident = DevTokens.forRole("resident").subject("r").claim("partyId", partyId)
                .claim("caseId", caseId).sign();
        String otherResident = DevTokens.forRole("resident").subject("r2").claim("partyId", "P-" + UUID.randomUUID())
                .claim("caseId", caseId).sign();
        String samePartyOtherCase = DevTokens.forRole("resident").subject("r3").claim("partyId", partyId)
                .claim("caseId", "case-" + UUID.randomUUID()).sign();
        String theMediator = DevTokens.forRole("mediator").subject(mediatorId).claim("mediatorId", mediatorId).sign();
        String otherMediator = DevTokens.forRole("mediator").subject("M999").claim("mediatorId", "M999").sign();

        given().auth().oauth2(resident).get("/api/notices/{id}", toParty).then().statusCode(200);
        given().auth().oauth2(resident).get("/api/notices/{id}", toMediator).then().statusCode(404);
        given().auth().oauth2(otherResident).get("/api/notices/{id}", toParty).then().statusCode(404);
        given().auth().oauth2(samePartyOtherCase).get("/api/notices/{id}", toParty).then().statusCode(404);
        given().auth().oauth2(theMediator).get("/api/notices/{id}", toMediator).then().statusCode(200);
        given().auth().oauth2(otherMediator).get("/api/notices/{id}", toMediator).then().statusCode(404);

        given().auth().oauth2(resident).queryParam("caseId", caseId).get("/api/notices").then().statusCode(200)
                .body("items.id", contains(toParty));
        given().auth().oauth2(theMediator).queryParam("caseId", caseId).get("/api/notices").then().statusCode(200)
                .body("items.id", contains(toMediator));
        given().auth().oauth2(BAIXI_STAFF).queryParam("caseId", caseId).get("/api/notices").then().statusCode(200)
                .body("items.id", containsInAnyOrder(toParty, toMediator));
    }

    @Test
    void aNoticeWhoseCaseIsUnknownIsReadByAdminsAndItsRecipientOnly() {
        String partyId = "P-" + UUID.randomUUID();
        String id = send("unknown-" + UUID.randomUUID(), party(partyId));
        Notice stored = notice(id);
        assertNull(stored.centerCode);
        assertFalse(stored.scopePending, "case-service answered: nothing left to ask");

        given().auth().oauth2(COUNTY_STAFF).get("/api/notices/{id}", id).then().statusCode(404);
        given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/notices/{id}", id).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/notices/{id}", id).then().statusCode(200);
        given().auth().oauth2(DevTokens.forRole("resident").subject("r").claim("partyId", partyId).sign())
                .get("/api/notices/{id}", id).then().statusCode(200);
    }

    @Test
    void aNoticeAcceptedWhileCaseServiceIsDownGetsItsScopeWhenItIsBack() {
        String caseId = RecordingCaseService.caseIn("QX-BAIXI", "330999102003");
        RecordingCaseService.UNAVAILABLE_FOR.add(caseId);
        String id;
        try {
            id = send(caseId, party("P-" + UUID.randomUUID()));
            assertTrue(notice(id).scopePending);
            given().auth().oauth2(BAIXI_STAFF).get("/api/notices/{id}", id).then().statusCode(404);
            scopes.completePending();
            assertTrue(notice(id).scopePending, "still down: still pending");
        } finally {
            RecordingCaseService.UNAVAILABLE_FOR.remove(caseId);
        }

        scopes.completePending();

        Notice completed = notice(id);
        assertFalse(completed.scopePending);
        assertEquals("QX-BAIXI", completed.centerCode);
        assertEquals("330999102003", completed.areaCode);
        given().auth().oauth2(BAIXI_STAFF).get("/api/notices/{id}", id).then().statusCode(200);
        // a later notice of the same case takes the scope from the first one
        String later = send(caseId, party("P-" + UUID.randomUUID()));
        assertEquals("QX-BAIXI", notice(later).centerCode);
    }

    private String send(String caseId, cn.tiaojie.contracts.notify.v1.Recipient recipient) {
        return notify.sendNotice(hearingNotice(uniqueKey(), caseId, recipient)).getNoticeId();
    }

    private static Notice notice(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Notice.findById(UUID.fromString(id)));
    }
}
