package cn.tiaojie.cases.security;

import static cn.tiaojie.cases.Fixtures.COUNTY_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.testsupport.DatabaseFingerprint;
import cn.tiaojie.testsupport.security.ApiCall;
import cn.tiaojie.testsupport.security.HostileRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint refuses malformed and hostile variants of a valid request with a 4xx and writes nothing.
 * Each batch starts from a request that is valid for a case in the right state: before the batch, the same request
 * is sent once for another case in that state and must succeed, so the refusals are due to the variants alone.
 */
@QuarkusTest
class HostileInputTest {

    private static final int ENOUGH = 200;
    /** a path id and nothing else: the catalogue of hostile strings once */
    private static final int PATH_ONLY = HostileRequests.CATALOGUE.size();
    /** a path id and one short text field */
    private static final int REASON_ONLY = 100;

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Test
    void registeringADispute() {
        atLeast(ENOUGH, batch("POST /api/cases", STAFF, none -> new Valid(Map.of(), wageDispute(), null), () -> null,
                "summary", "description", "parties[].name"));
    }

    @Test
    void filingStartingMediationClosingAndRequestingAHearing() {
        // no body: the path id is the only input, so the batch is the catalogue once
        atLeast(PATH_ONLY, batch("POST /api/cases/{id}/file", STAFF, HostileInputTest::onCase, () -> register(wageDispute())));
        atLeast(PATH_ONLY, batch("POST /api/cases/{id}/start-mediation", STAFF, HostileInputTest::onCase,
                () -> Flow.toHearingScheduled(cases, STAFF, wageDispute())));
        atLeast(PATH_ONLY, batch("POST /api/cases/{id}/close", STAFF, HostileInputTest::onCase, CaseStates::withdrawnCase));
        atLeast(PATH_ONLY, batch("POST /api/cases/{id}/request-hearing", STAFF, HostileInputTest::onCase,
                () -> Flow.toTeamAssigned(cases, STAFF, wageDispute())));
    }

    @Test
    void rejectingWithdrawingAndEscalating() {
        // {"reason"} is the whole body: path id, the one free-text field and the body-level variants
        atLeast(REASON_ONLY, batch("POST /api/cases/{id}/reject", STAFF,
                id -> onCase(id).json("{\"reason\":\"不属于调解范围\"}"), () -> register(wageDispute()), "reason"));
        atLeast(REASON_ONLY, batch("POST /api/cases/{id}/withdraw", STAFF,
                id -> onCase(id).json("{\"reason\":\"申请人撤回\"}"), () -> register(wageDispute()), "reason"));
        atLeast(REASON_ONLY, batch("POST /api/cases/{id}/escalate", COUNTY_SUPERVISOR,
                id -> onCase(id).json("{\"reason\":\"久拖不决\"}"), () -> register(wageDispute()), "reason"));
    }

    @Test
    void recordingAnOutcome() {
        atLeast(ENOUGH, batch("POST /api/cases/{id}/outcome", STAFF, id -> onCase(id).json(CaseStates.resolvedOutcome()),
                () -> Flow.toMediation(cases, STAFF, wageDispute()), "agreement.terms"));
        atLeast(REASON_ONLY, batch("POST /api/cases/{id}/outcome", STAFF,
                id -> onCase(id).json("{\"result\":\"UNRESOLVED\",\"referralRoute\":\"LITIGATION\",\"reason\":\"被申请人拒不到场\"}"),
                () -> Flow.toMediation(cases, STAFF, wageDispute()), "reason"));
    }

    @Test
    void applyingForJudicialConfirmation() {
        atLeast(ENOUGH, batch("POST /api/cases/{id}/judicial-confirmation", STAFF,
                id -> onCase(id).json("{\"appliedOn\":\"" + LocalDate.now(CaseStates.CHINA)
                        + "\",\"court\":\"青溪县人民法院\",\"reference\":\"(2025)浙0999民特1号\"}"),
                () -> CaseStates.resolvedCase(cases), "court", "reference"));
    }

    @Test
    void summoningDepartmentsAndTheirAnswers() {
        atLeast(ENOUGH, batch("POST /api/cases/{id}/summons", STAFF,
                id -> onCase(id).json("{\"departments\":[\"HOUSING_BUREAU\",\"LABOUR_BUREAU\"],\"deadlineHours\":72,\"note\":\"请到场说明\"}"),
                () -> register(wageDispute()), "note"));
        atLeast(ENOUGH, batch("POST /api/cases/{id}/summons/{summonsId}/response", STAFF,
                id -> onCase(id).path("summonsId", CaseStates.summon(id)).json("{\"response\":\"DECLINED\",\"note\":\"不属本部门职责\"}"),
                () -> register(wageDispute()), "note"));
    }

    @Test
    void ratingAndFollowingUp() {
        atLeast(REASON_ONLY, batch("POST /api/cases/{id}/ratings", null,
                id -> onCase(id).as(CaseStates.residentOf(id)).json("{\"score\":4,\"comment\":\"调解员很耐心\"}"),
                () -> CaseStates.resolvedCase(cases), "comment"));
        atLeast(REASON_ONLY, batch("POST /api/cases/{id}/follow-ups", STAFF,
                id -> onCase(id).json("{\"method\":\"VISIT\",\"note\":\"已按协议支付\",\"agreementPerformed\":true}"),
                () -> CaseStates.resolvedCase(cases), "note"));
    }

    private static void atLeast(int minimum, int sent) {
        assertTrue(sent >= minimum, "only " + sent + " hostile variants were generated, expected " + minimum);
    }

    /** A valid request: path parameters, JSON body (or none) and the token when not the batch's own. */
    record Valid(Map<String, Object> path, String json, String token) {

        Valid json(String body) {
            return new Valid(path, body, token);
        }

        Valid path(String name, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(path);
            more.put(name, value);
            return new Valid(more, json, token);
        }

        Valid as(String other) {
            return new Valid(path, json, other);
        }

        ApiCall call() {
            ApiCall call = ApiCall.call();
            path.forEach(call::path);
            if (json != null) {
                call.json(json);
            }
            return token == null ? call : call.as(token);
        }

        int send(String method, String template, String batchToken) {
            RequestSpecification request = given().auth().oauth2(token == null ? batchToken : token).pathParams(path);
            if (json != null) {
                request.contentType(ContentType.JSON).body(json);
            }
            return request.request(method, template).statusCode();
        }
    }

    /**
     * Proves {@code request} valid on one new case, then sends every hostile variant of it for another new case and
     * checks each was refused and the database is unchanged.
     */
    private static int batch(String endpoint, String token, Function<String, Valid> request, Supplier<String> newCase,
            String... freeText) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        int status = request.apply(newCase.get()).send(method, template, token);
        assertTrue(status >= 200 && status < 300, endpoint + ": the valid request itself answered " + status);
        Valid valid = request.apply(newCase.get());
        return HostileRequests.to(endpoint).as(token).call(valid.call()).freeText(freeText)
                // the tallies are the cases' counts, folded in the background: dispute_case itself shows any change
                .unchanged(() -> DatabaseFingerprint.of(dataSource(), "case_tally")).run();
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }

    private static Valid onCase(String id) {
        return new Valid(Map.of("id", id), null, null);
    }
}
