package cn.tiaojie.cases.security;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.local.DevTokens;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;

/** Cases brought to the state an action needs, and the requests that get them there, for the security tests. */
final class CaseStates {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private CaseStates() {
    }

    /** A RESOLVED outcome with an agreement that will be confirmed by a court. */
    static String resolvedOutcome() {
        return """
                {"result":"RESOLVED","agreement":{"terms":"公司于二十日内一次性支付工资 18000 元","amount":18000.50,
                 "performanceDeadline":"%s","judicialConfirmation":true}}""".formatted(LocalDate.now(CHINA).plusDays(20));
    }

    static String resolvedCase(CaseServiceGrpc.CaseServiceBlockingStub cases) {
        String id = Flow.toMediation(cases, STAFF, wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(resolvedOutcome())
                .post("/api/cases/{id}/outcome", id).then().statusCode(200);
        return id;
    }

    static String withdrawnCase() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"申请人撤回\"}")
                .post("/api/cases/{id}/withdraw", id).then().statusCode(200);
        return id;
    }

    /** A summons of the case's own department, by the case's staff; its id. */
    static String summon(String caseId) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"deadlineHours\":24}")
                .post("/api/cases/{id}/summons", caseId).then().statusCode(201).extract().path("[0].id");
    }

    /** A resident token for the case's applicant. */
    static String residentOf(String caseId) {
        String partyId = given().auth().oauth2(STAFF).get("/api/cases/{id}", caseId).then().statusCode(200)
                .extract().path("parties[0].id");
        return DevTokens.forRole("resident").subject("r-" + partyId).claim("caseId", caseId).claim("partyId", partyId)
                .sign();
    }
}
