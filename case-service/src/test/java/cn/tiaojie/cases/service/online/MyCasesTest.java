package cn.tiaojie.cases.service.online;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.idNumber;
import static cn.tiaojie.cases.Fixtures.mobile;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.model.AuditRecord;
import cn.tiaojie.cases.model.OneTimeCode;
import cn.tiaojie.cases.model.ResidentSession;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 我的案件 through the REST API: a phone's code opens a session that sees every case where that phone is a party's
 * and nothing else; wrong, expired, spent and used codes and unknown sessions open nothing.
 */
@QuarkusTest
class MyCasesTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    private final String address = "198.51.100." + ADDRESS.incrementAndGet();

    @Test
    void aPhoneSeesEveryCaseWhereItIsAPartysAndNothingElse() {
        String phone = mobile();
        String first = register(wageDispute(phone, idNumber()));
        String second = register(wageDispute(phone, idNumber()).replace("拖欠三个月工资", "拖欠年终奖"));
        String another = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", first).then().statusCode(200);

        askCode(phone).statusCode(202).body("sentTo", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        String session = signIn(phone, code(phone)).statusCode(201).extract().path("token");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> ResidentSession.count("tokenHash", session)) > 0,
                "only the session's hash is kept");

        cases(session).statusCode(200).body("cases", hasSize(2)).body("cases.id", containsInAnyOrder(first, second))
                .body("cases.id", not(hasItem(another)));
        given().header("X-Resident-Session", session).get("/api/online/my-case/cases/{id}", first).then()
                .statusCode(200)
                .body("status", equalTo("FILED")).body("step", equalTo("DISPATCH"))
                .body("parties.find { it.me }.name", equalTo("张三"))
                .body("parties.find { it.me }.phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("parties.find { !it.me }.phone", not(containsString("88886666")))
                .body("center.phone", equalTo("0571-88886666"));
        given().header("X-Resident-Session", session).get("/api/online/my-case/cases/{id}", another).then()
                .statusCode(404);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("action", "ONLINE_SIGN_IN")) > 0);
    }

    @Test
    void wrongExpiredAndUsedCodesAndUnknownSessionsOpenNothing() {
        String phone = mobile();
        register(wageDispute(phone, idNumber()));
        long sessions = sessions();
        askCode(phone).statusCode(202);
        String right = code(phone);
        String wrong = right.equals("000000") ? "111111" : "000000";
        signIn(phone, wrong).statusCode(400).body("errors[0].field", equalTo("code"))
                .body("detail", containsString("4 tries left"));
        QuarkusTransaction.requiringNew().run(() -> OneTimeCode.update("expiresAt = ?1 where purpose = ?2 and "
                + "expiresAt > ?1", Instant.now().minusSeconds(1), MyCases.PURPOSE));
        signIn(phone, right).statusCode(400).body("detail", containsString("expired"));
        assertEquals(sessions, sessions(), "no session opened");

        askCode(phone).statusCode(202);
        String fresh = code(phone);
        String session = signIn(phone, fresh).statusCode(201).extract().path("token");
        signIn(phone, fresh).statusCode(429).body("errors[0].field", equalTo("code"));
        assertEquals(sessions + 1, sessions(), "a used code opens no second session");

        cases(session + "x").statusCode(401);
        given().get("/api/online/my-case/cases").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> ResidentSession.update("expiresAt = ?1",
                Instant.now().minusSeconds(1)));
        cases(session).statusCode(401);
    }

    @Test
    void aFourthCodeWithinTheHourIsRefusedAndNotSent() {
        String phone = mobile();
        for (int i = 0; i < 3; i++) {
            askCode(phone).statusCode(202);
        }
        askCode(phone).statusCode(429).body("errors[0].field", equalTo("phone"));
        given().contentType(ContentType.JSON).body("{\"phone\":\"12345\"}").post("/api/online/my-case/codes").then()
                .statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    private ValidatableResponse askCode(String phone) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("{\"phone\":\"" + phone + "\"}").post("/api/online/my-case/codes").then();
    }

    private static ValidatableResponse signIn(String phone, String code) {
        return given().contentType(ContentType.JSON).body("{\"phone\":\"%s\",\"code\":\"%s\"}".formatted(phone, code))
                .post("/api/online/my-case/sessions").then();
    }

    private static ValidatableResponse cases(String session) {
        return given().header("X-Resident-Session", session).get("/api/online/my-case/cases").then();
    }

    private static String code(String phone) {
        return OnlineApplicationsTest.lastNotice(NoticeKind.ONE_TIME_CODE, phone).getFieldsOrThrow("code");
    }

    private static long sessions() {
        return QuarkusTransaction.requiringNew().call(() -> ResidentSession.count());
    }
}
