package cn.tiaojie.cases.security;

import static cn.tiaojie.cases.Fixtures.ADMIN;
import static cn.tiaojie.cases.Fixtures.COUNTY_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.OTHER_STAFF;
import static cn.tiaojie.cases.Fixtures.OTHER_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.mobile;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.cases.SampleFiles;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.testsupport.security.AccessMatrix;
import cn.tiaojie.testsupport.security.ApiCall;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call which endpoint, and on whose data. The case under test belongs to center QX-COUNTY in area
 * 330999102003; its team has mediator M010; its resident is its applicant. The scope columns are the same roles
 * pointed at data that is not theirs: staff of QX-BAIXI, a supervisor of area 330999103, mediator M011, and the
 * applicant of another case. A case outside the caller's scope answers 404, as if it did not exist; a role that may
 * never do something answers 403.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** M010 is the team member Flow puts on every case it walks to a hearing. */
    private static final String MEDIATOR = DevTokens.forRole("mediator").subject("m-010").claim("mediatorId", "M010").sign();
    private static final String OTHER_MEDIATOR = DevTokens.forRole("mediator").subject("m-011").claim("mediatorId", "M011").sign();
    private static final String SERVICE = DevTokens.forRole("service").subject("mediator-service").sign();

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        // a case in mediation with a team: readable by everyone in its scope, and the resident's own
        String shared = Flow.toMediation(cases, STAFF, wageDispute());
        String otherCase = register(wageDispute());
        String resident = CaseStates.residentOf(shared);
        String otherResident = CaseStates.residentOf(otherCase);
        // the agreement is a document every caller who sees the case may read, its resident included
        String agreement = upload(shared);
        String closed = CaseStates.withdrawnCase();
        io.restassured.RestAssured.given().auth().oauth2(STAFF).post("/api/cases/{id}/close", closed).then().statusCode(200);
        return AccessMatrix.of("""
                endpoint                                               staff supervisor mediator resident admin service other-center outside-supervisor other-mediator other-resident anonymous bad-token
                POST   /api/cases                                      201   403        403      403      403   403     201          403                403            403            401       401
                GET    /api/cases                                      200   200        403      403      200   403     200          200                403            403            401       401
                GET    /api/cases/counts                               200   200        403      403      200   403     200          200                403            403            401       401
                GET    /api/cases/{id}                                 200   200        200      200      200   403     404          404                404            404            401       401
                GET    /api/cases/{id}/actions                         200   200        200      200      200   403     404          404                404            404            401       401
                GET    /api/cases/{id}/audit                           200   200        403      403      200   403     404          404                403            403            401       401
                POST   /api/cases/{id}/file                            200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/reject                          200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/withdraw                        200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/start-mediation                 200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/request-hearing                 200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/hearings/{hearingId}/record      200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/outcome                         200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/judicial-confirmation           200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/close                           200   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/escalate                        200   200        403      403      403   403     404          404                403            403            401       401
                POST   /api/cases/{id}/summons                         201   201        403      403      403   403     404          404                403            403            401       401
                POST   /api/cases/{id}/summons/{summonsId}/response    200   200        403      403      403   403     404          404                403            403            401       401
                POST   /api/cases/{id}/ratings                         403   403        403      201      403   403     403          403                403            404            401       401
                POST   /api/cases/{id}/follow-ups                      201   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/documents                       201   403        403      403      403   403     404          403                403            403            401       401
                POST   /api/cases/{id}/documents/agreement             201   403        403      403      403   403     404          403                403            403            401       401
                GET    /api/cases/{id}/documents/case-file             200   200        403      403      200   403     404          404                403            403            401       401
                GET    /api/cases/{id}/documents                       200   200        200      200      200   403     404          404                404            404            401       401
                GET    /api/cases/{id}/documents/{documentId}/content  200   200        200      200      200   403     404          404                404            404            401       401
                POST   /api/cases/{id}/documents/{documentId}/delete   200   403        403      403      403   403     404          403                403            403            401       401
                GET    /api/supervision/overdue                        403   200        403      403      200   403     403          200                403            403            401       401
                GET    /api/supervision/escalations                    403   200        403      403      200   403     403          200                403            403            401       401
                GET    /api/stats                                      200   200        403      403      200   403     200          200                403            403            401       401
                GET    /api/audit/verify                               403   200        403      403      200   403     403          200                403            403            401       401
                GET    /api/taxonomy                                   200   200        200      200      200   200     200          200                200            200            401       401
                GET    /api/online/centers/{code}                      200   200        200      200      200   200     200          200                200            200            200       401
                POST   /api/online/codes                               202   202        202      202      202   202     202          202                202            202            202       401
                POST   /api/online/applications                        400   400        400      400      400   400     400          400                400            400            400       401
                POST   /api/online/my-case/codes                       202   202        202      202      202   202     202          202                202            202            202       401
                POST   /api/online/my-case/sessions                    400   400        400      400      400   400     400          400                400            400            400       401
                GET    /api/online/my-case/cases                       401   401        401      401      401   401     401          401                401            401            401       401
                GET    /api/online/my-case/cases/{id}                  401   401        401      401      401   401     401          401                401            401            401       401
                """)
                .caller("staff", STAFF)
                .caller("supervisor", COUNTY_SUPERVISOR)
                .caller("mediator", MEDIATOR)
                .caller("resident", resident)
                .caller("admin", ADMIN)
                .caller("service", SERVICE)
                .caller("other-center", OTHER_STAFF)
                .caller("outside-supervisor", OTHER_SUPERVISOR)
                .caller("other-mediator", OTHER_MEDIATOR)
                .caller("other-resident", otherResident)
                .request("POST /api/cases", column -> ApiCall.call().json(wageDispute()))
                .request("GET /api/cases/{id}", column -> onCase(shared))
                .request("GET /api/cases/{id}/actions", column -> onCase(shared))
                .request("GET /api/cases/{id}/audit", column -> onCase(shared))
                // the actions that change a case get a fresh one in the right state for the caller who may act;
                // the others are refused before any state is looked at
                .request("POST /api/cases/{id}/file", column -> onCase(fresh(column, shared, () -> register(wageDispute()))))
                .request("POST /api/cases/{id}/reject", column -> onCase(fresh(column, shared, () -> register(wageDispute())))
                        .json("{\"reason\":\"不属于调解范围\"}"))
                .request("POST /api/cases/{id}/withdraw", column -> onCase(fresh(column, shared, () -> register(wageDispute())))
                        .json("{\"reason\":\"申请人撤回\"}"))
                .request("POST /api/cases/{id}/start-mediation", column -> onCase(fresh(column, shared,
                        () -> Flow.toHearingScheduled(cases, STAFF, wageDispute()))))
                .request("POST /api/cases/{id}/request-hearing", column -> onCase(fresh(column, shared,
                        () -> Flow.toTeamAssigned(cases, STAFF, wageDispute()))))
                .request("POST /api/cases/{id}/hearings/{hearingId}/record", column -> {
                    String id = fresh(column, shared, () -> Flow.toHearingScheduled(cases, STAFF, wageDispute()));
                    return onCase(id).path("hearingId", "H-" + id.substring(0, 8))
                            .json("{\"held\":false,\"reason\":\"PARTY_ABSENT\"}");
                })
                .request("POST /api/cases/{id}/outcome", column -> onCase(fresh(column, shared,
                        () -> Flow.toMediation(cases, STAFF, wageDispute()))).json(CaseStates.resolvedOutcome()))
                .request("POST /api/cases/{id}/judicial-confirmation", column -> onCase(fresh(column, shared,
                        () -> CaseStates.resolvedCase(cases))).json("{\"appliedOn\":\"" + LocalDate.now(CaseStates.CHINA)
                        + "\",\"court\":\"青溪县人民法院\",\"reference\":\"(2025)浙0999民特1号\"}"))
                .request("POST /api/cases/{id}/close", column -> onCase(fresh(column, shared, CaseStates::withdrawnCase)))
                .request("POST /api/cases/{id}/escalate", column -> onCase(fresh(column, shared, () -> register(wageDispute())))
                        .json("{\"reason\":\"久拖不决\"}"))
                .request("POST /api/cases/{id}/summons", column -> onCase(fresh(column, shared, () -> register(wageDispute())))
                        .json("{\"departments\":[],\"deadlineHours\":72,\"note\":\"请劳动监察大队到场\"}"))
                .request("POST /api/cases/{id}/summons/{summonsId}/response", column -> {
                    String id = register(wageDispute());
                    return onCase(id).path("summonsId", CaseStates.summon(id)).json("{\"response\":\"REPORTED\"}");
                })
                .request("POST /api/cases/{id}/ratings", column -> {
                    if (column.equals("resident")) {
                        String id = CaseStates.resolvedCase(cases);
                        return onCase(id).as(CaseStates.residentOf(id)).json("{\"score\":5,\"comment\":\"调解员很耐心\"}");
                    }
                    return onCase(shared).json("{\"score\":5}");
                })
                .request("POST /api/cases/{id}/follow-ups", column -> onCase(fresh(column, shared, () -> CaseStates.resolvedCase(cases)))
                        .json("{\"method\":\"PHONE\",\"note\":\"已按协议支付\",\"agreementPerformed\":true}"))
                .request("POST /api/cases/{id}/documents", column -> documentUpload(shared))
                .request("POST /api/cases/{id}/documents/agreement", column -> onCase(column.equals("staff")
                        ? CaseStates.resolvedCase(cases) : shared))
                .request("GET /api/cases/{id}/documents/case-file", column -> onCase(closed))
                .request("GET /api/cases/{id}/documents", column -> onCase(shared))
                .request("GET /api/cases/{id}/documents/{documentId}/content", column -> onCase(shared)
                        .path("documentId", agreement))
                .request("POST /api/cases/{id}/documents/{documentId}/delete", column -> onCase(shared)
                        .path("documentId", column.equals("staff") ? upload(shared) : agreement)
                        .json("{\"reason\":\"上传错了\"}"))
                .request("GET /api/supervision/overdue", column -> ApiCall.call())
                .request("GET /api/supervision/escalations", column -> ApiCall.call())
                .request("GET /api/stats", column -> ApiCall.call().query("groupBy", "level"))
                // open to anyone: each caller asks from its own address for its own phone
                .request("GET /api/online/centers/{code}", column -> ApiCall.call().path("code", "QX-COUNTY"))
                .request("POST /api/online/codes", column -> ApiCall.call().header("X-Forwarded-For", address(column))
                        .json("{\"centerCode\":\"QX-COUNTY\",\"phone\":\"" + mobile() + "\"}"))
                .request("POST /api/online/applications", column -> ApiCall.call().json("""
                        {"centerCode":"QX-COUNTY","phone":"%s","code":"123456","subcategory":"NEIGHBOUR.NOISE",
                         "whatHappened":"噪声","applicantName":"王秀英","otherSideName":"李强"}""".formatted(mobile())))
                // 我的案件: a code for anyone's phone; the session a code never sent cannot open; no session, no case
                .request("POST /api/online/my-case/codes", column -> ApiCall.call()
                        .header("X-Forwarded-For", "198.18.0." + (Math.abs(column.hashCode()) % 250 + 1))
                        .json("{\"phone\":\"" + mobile() + "\"}"))
                .request("POST /api/online/my-case/sessions", column -> ApiCall.call()
                        .json("{\"phone\":\"%s\",\"code\":\"123456\"}".formatted(mobile())))
                .request("GET /api/online/my-case/cases", column -> ApiCall.call())
                .request("GET /api/online/my-case/cases/{id}", column -> ApiCall.call().path("id", shared))
                .coversOpenApi()
                .tests();
    }

    private static String address(String column) {
        return "192.0.2." + (Math.abs(column.hashCode()) % 250 + 1);
    }

    private static ApiCall documentUpload(String caseId) {
        return onCase(caseId).query("kind", "AGREEMENT").query("fileName", "调解协议书.pdf")
                .body("application/pdf", SampleFiles.pdf("调解协议书"));
    }

    private static String upload(String caseId) {
        return io.restassured.RestAssured.given().auth().oauth2(STAFF).contentType("application/pdf")
                .queryParam("kind", "AGREEMENT").queryParam("fileName", "调解协议书.pdf").body(SampleFiles.pdf("调解协议书"))
                .post("/api/cases/{id}/documents", caseId).then().statusCode(201).extract().path("id");
    }

    private static ApiCall onCase(String id) {
        return ApiCall.call().path("id", id);
    }

    /** A fresh case for the columns that may act on it (so each succeeds on its own); the shared one otherwise. */
    private static String fresh(String column, String shared, java.util.function.Supplier<String> newCase) {
        return List.of("staff", "supervisor").contains(column) ? newCase.get() : shared;
    }
}
