package cn.tiaojie.cases.service.online;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.mobile;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.OneTimeCode;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 网上申请调解 through the REST API: the code by SMS (read where it leaves, the outbox to notify-service), its limits,
 * the case it makes and the notices the applicant gets. Each test asks from its own client address.
 */
@QuarkusTest
class OnlineApplicationsTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    private final String address = "203.0.113." + ADDRESS.incrementAndGet();
    private final String otherSide = mobile();

    @Test
    void anApplicationVerifiedByItsCodeBecomesAReceivedOnlineCaseAndTheApplicantIsToldAtEachStep() {
        String phone = mobile();
        askCode(phone).statusCode(202).body("sentTo", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        NoticeRequest sms = lastNotice(NoticeKind.ONE_TIME_CODE, phone);
        String code = sms.getFieldsOrThrow("code");
        assertTrue(code.matches("\\d{6}"));
        assertEquals("5", sms.getFieldsOrThrow("validMinutes"));
        assertTrue(sms.getUrgent(), "a code is sent at once, even in the quiet hours");
        assertEquals(List.of(cn.tiaojie.contracts.common.v1.NoticeChannel.SMS), sms.getRecipient().getChannelsList());
        OneTimeCode stored = latestCode();
        assertNotEquals(code, stored.codeHash);
        assertFalse(stored.codeHash.contains(code), "only the code's HMAC is kept");

        String caseId = apply(phone, code, "邻居家装修，天天半夜打电钻").statusCode(201)
                .body("status", equalTo("RECEIVED")).extract().path("id");
        String caseNo = given().auth().oauth2(STAFF).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("channel", equalTo("ONLINE"))
                .body("subcategory", equalTo("NEIGHBOUR.NOISE"))
                .body("parties.role", hasItem("APPLICANT"))
                .body("parties.find { it.role == 'APPLICANT' }.name", equalTo("王秀英"))
                .body("timeline.type", hasItem("RECEIVED"))
                .extract().path("caseNo");
        NoticeRequest received = lastNotice(NoticeKind.APPLICATION_RECEIVED, phone);
        assertEquals(caseNo, received.getCaseNo());
        assertEquals(caseId, received.getCaseId());

        // the same form posted again with the same code answers the same case
        apply(phone, code, "邻居家装修，天天半夜打电钻").statusCode(200).body("caseNo", equalTo(caseNo))
                .body("replayed", equalTo(true));

        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", caseId).then().statusCode(200);
        assertEquals(caseNo, lastNotice(NoticeKind.APPLICATION_FILED, phone).getCaseNo());
        assertTrue(auditActions().containsAll(List.of("ONLINE_CODE_SENT", "ONLINE_SIGN_IN", "REGISTER")));
    }

    @Test
    void aRejectedApplicationTellsTheApplicantWhy() {
        String phone = mobile();
        askCode(phone).statusCode(202);
        String caseId = apply(phone, lastNotice(NoticeKind.ONE_TIME_CODE, phone).getFieldsOrThrow("code"), "他借我两万块钱不还")
                .statusCode(201).extract().path("id");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"已由法院受理\"}")
                .post("/api/cases/{id}/reject", caseId).then().statusCode(200);
        assertEquals("已由法院受理", lastNotice(NoticeKind.APPLICATION_REJECTED, phone).getFieldsOrThrow("reason"));
    }

    @Test
    void wrongCodesAreCountedAndTheFifthSpendsTheCode() {
        String phone = mobile();
        askCode(phone).statusCode(202);
        String code = lastNotice(NoticeKind.ONE_TIME_CODE, phone).getFieldsOrThrow("code");
        String wrong = code.equals("000000") ? "111111" : "000000";
        long cases = onlineCases();
        for (int left = 4; left >= 1; left--) {
            apply(phone, wrong, "wrong").statusCode(400).body("errors.field", hasItem("code"))
                    .body("errors.message", hasItem("wrong code; " + left + " tries left"));
        }
        apply(phone, wrong, "wrong").statusCode(429).body("errors.message",
                hasItem("too many wrong tries: the code is spent; ask for a new one"));
        apply(phone, code, "right, too late").statusCode(429);
        assertEquals(cases, onlineCases(), "no case was registered");
    }

    @Test
    void anExpiredCodeOrNoCodeIsRefusedAndChangesNothing() {
        String phone = mobile();
        apply(phone, "123456", "没有验证码").statusCode(400)
                .body("errors.message", hasItem("no code was sent to this phone number; ask for one"));
        askCode(phone).statusCode(202);
        String code = lastNotice(NoticeKind.ONE_TIME_CODE, phone).getFieldsOrThrow("code");
        QuarkusTransaction.requiringNew().run(() -> OneTimeCode.update("expiresAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), latestCode().id));
        long cases = onlineCases();
        apply(phone, code, "过期").statusCode(400)
                .body("errors.message", hasItem("expired: the code is no longer valid; ask for a new one"));
        assertEquals(cases, onlineCases());
    }

    @Test
    void atMostThreeCodesAnHourPerNumberAndPerAddress() {
        String phone = mobile();
        for (int i = 0; i < 3; i++) {
            askCode(phone).statusCode(202);
        }
        askCode(phone).statusCode(429).body("errors.field", hasItem("phone"));

        String busyAddress = "198.51.100." + ADDRESS.incrementAndGet();
        for (int i = 0; i < 3; i++) {
            askCode(mobile(), busyAddress).statusCode(202);
        }
        askCode(mobile(), busyAddress).statusCode(429).body("errors.field", hasItem("address"));
    }

    @Test
    void theFormIsCheckedBeforeAnyCodeIsSpent() {
        given().contentType(ContentType.JSON).body("{\"centerCode\":\"QX-COUNTY\",\"phone\":\"12345\"}")
                .post("/api/online/codes").then().statusCode(400).body("errors.field", hasItem("phone"));
        given().contentType(ContentType.JSON).body("{\"centerCode\":\"NOWHERE\",\"phone\":\"" + mobile() + "\"}")
                .post("/api/online/codes").then().statusCode(400).body("errors.field", hasItem("centerCode"));
        given().get("/api/online/centers/QX-COUNTY").then().statusCode(200)
                .body("name", equalTo("青溪县矛盾纠纷调处化解中心")).body("phone", equalTo("0571-88886666"));
        given().get("/api/online/centers/NOWHERE").then().statusCode(404);
    }

    private ValidatableResponse askCode(String phone) {
        return askCode(phone, address);
    }

    private static ValidatableResponse askCode(String phone, String from) {
        return given().header("X-Forwarded-For", from).contentType(ContentType.JSON)
                .body("{\"centerCode\":\"QX-COUNTY\",\"phone\":\"" + phone + "\"}")
                .post("/api/online/codes").then();
    }

    private ValidatableResponse apply(String phone, String code, String whatHappened) {
        String subcategory = whatHappened.contains("借") ? "CONTRACT_DEBT.PRIVATE_LENDING" : "NEIGHBOUR.NOISE";
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("""
                {"centerCode":"QX-COUNTY","phone":"%s","code":"%s","subcategory":"%s","whatHappened":"%s",
                 "place":"城关镇人民路 12 号","amount":20000,"applicantName":"王秀英","otherSideName":"李强",
                 "otherSidePhone":"%s"}""".formatted(phone, code, subcategory, whatHappened, otherSide))
                .post("/api/online/applications").then();
    }

    static NoticeRequest lastNotice(NoticeKind kind, String phone) {
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage>list("topic = ?1 order by createdAt desc", CaseTopics.SEND_NOTICE));
        return messages.stream().map(m -> parse(m.payload))
                .filter(n -> n.getKind() == kind && n.getRecipient().getPhone().equals(phone)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " to " + phone));
    }

    private static OneTimeCode latestCode() {
        return QuarkusTransaction.requiringNew().call(() -> OneTimeCode.<OneTimeCode>find("order by createdAt desc")
                .firstResult());
    }

    private static long onlineCases() {
        return QuarkusTransaction.requiringNew().call(() -> DisputeCase.count("channel",
                cn.tiaojie.cases.model.Channel.ONLINE));
    }

    private static List<String> auditActions() {
        return QuarkusTransaction.requiringNew().call(() -> cn.tiaojie.cases.model.AuditRecord
                .<cn.tiaojie.cases.model.AuditRecord>listAll().stream().map(a -> a.action).toList());
    }

    private static NoticeRequest parse(byte[] payload) {
        try {
            return NoticeRequest.parseFrom(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
