package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.daytime;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.mediator;
import static cn.tiaojie.notify.NoticeRequests.offer;
import static cn.tiaojie.notify.NoticeRequests.party;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NoticeResourceTest {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    static final String SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-1").claim("area", "330999").sign();
    static final String MEDIATOR = DevTokens.forRole("mediator").subject("M001").claim("mediatorId", "M001").sign();

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Test
    void aHearingNoticeReadsAsA调解通知书WithCaseNumberTimeAndVenue() {
        String id = notify.sendNotice(hearingNotice(uniqueKey(), "case-render", party("P-R"))).getNoticeId();

        given().auth().oauth2(STAFF).get("/api/notices/{id}", id)
                .then().statusCode(200)
                .body("kind", equalTo("HEARING_NOTICE"))
                .body("title", equalTo("调解通知书（TJ2026000042）"))
                .body("body", allOf(containsString("张三"), containsString("TJ2026000042"),
                        containsString("2026年7月1日（星期三）09:30"), containsString("11:00"),
                        containsString("白溪镇矛盾纠纷调处化解中心第一调解室"), containsString("青溪县白溪镇溪东路8号"),
                        containsString("李律师（律师）、王警官（警官）"), containsString("身份证件"),
                        containsString("回避"), containsString("改期")))
                .body("recipient.phone", equalTo("138****5678"))
                .body("recipient.email", equalTo("z***@example.cn"))
                .body("deliveries.channel", hasItem("LOG"));
    }

    @Test
    void anOutcomeNoticeSaysTheResultAndTheAgreementInWords() {
        NoticeRequest outcome = NoticeRequest.newBuilder().setIdempotencyKey(uniqueKey())
                .setKind(cn.tiaojie.contracts.notify.v1.NoticeKind.OUTCOME).setCaseId("case-outcome")
                .setCaseNo("TJ2026000044").setRecipient(party("P-OUT"))
                .putFields("outcome", "RESOLVED").putFields("agreementTerms", "公司于二十日内一次性支付工资 18000 元")
                .putFields("agreementAmount", "18000").putFields("performanceDeadline", "2027-01-15")
                .putFields("judicialConfirmationDue", "2027-01-06").build();
        String id = notify.sendNotice(outcome).getNoticeId();

        given().auth().oauth2(STAFF).get("/api/notices/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("调解结果通知（TJ2026000044）"))
                .body("body", allOf(containsString("调解结果：调解成功，双方达成调解协议"),
                        containsString("协议内容：公司于二十日内一次性支付工资 18000 元"),
                        containsString("协议金额（元）：18000"), containsString("履行期限：2027-01-15"),
                        containsString("可申请司法确认至：2027-01-06")));
    }

    @Test
    void aRecipientWhoReadsEnglishGetsTheNoticeInEnglish() {
        NoticeRequest request = hearingNotice(uniqueKey(), "case-en", party("P-EN").toBuilder().setLanguage("en")
                .build());
        String id = notify.sendNotice(request).getNoticeId();

        given().auth().oauth2(STAFF).get("/api/notices/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("Notice of Mediation Hearing (TJ2026000042)"))
                .body("body", allOf(containsString("Wed 1 Jul 2026 09:30"), containsString("Recusal"),
                        containsString("青溪县白溪镇溪东路8号"), containsString("People's mediation is free of charge")));
    }

    @Test
    void aTeamMembersHearingNoticeAddressesThemAsMediatorNotAsParty() {
        String id = notify.sendNotice(hearingNotice(uniqueKey(), "case-render", mediator("M002"))).getNoticeId();

        given().auth().oauth2(STAFF).get("/api/notices/{id}", id)
                .then().statusCode(200)
                .body("body", allOf(containsString("调解组成员，请准时出席"), containsString("2026年7月1日（星期三）09:30"),
                        containsString("白溪镇矛盾纠纷调处化解中心第一调解室")))
                .body("body", not(containsString("申请回避")));
    }

    @Test
    void anOfferTellsTheMediatorTheirRoleAndHowToAnswer() {
        String id = notify.sendNotice(offer(uniqueKey(), "case-offer", mediator("M031"))).getNoticeId();

        given().auth().oauth2(STAFF).get("/api/notices/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("案件指派邀请（TJ2026000043）"))
                .body("body", allOf(containsString("李律师"), containsString("TJ2026000043"),
                        containsString("“律师”"), containsString("2026年6月20日（星期六）10:00"),
                        containsString("接受"), containsString("谢绝"), containsString("收件箱")));
    }

    @Test
    void otherKindsUseTheGenericTemplateWithLabelledFields() {
        NoticeRequest alert = NoticeRequest.newBuilder().setIdempotencyKey(uniqueKey())
                .setKind(NoticeKind.OVERDUE_ALERT).setCaseId("case-overdue").setCaseNo("TJ2026000044")
                .setRecipient(mediator("SUP-7").toBuilder()
                        .setKind(cn.tiaojie.contracts.notify.v1.RecipientKind.SUPERVISOR))
                .putFields("deadline", "2026-06-01T00:00:00Z").putFields("reason", "立案超时").setUrgent(true)
                .build();
        String id = notify.sendNotice(alert).getNoticeId();

        given().auth().oauth2(SUPERVISOR).get("/api/notices/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("【加急】督办提醒（TJ2026000044）"))
                .body("urgent", equalTo(true))
                .body("body", allOf(containsString("TJ2026000044"), containsString("办理期限：2026年6月1日（星期一）08:00"),
                        containsString("原因：立案超时")));
    }

    @Test
    void staffListNoticesByCaseRecipientAndDeliveryStateWithMaskedContacts() {
        String caseId = "case-" + UUID.randomUUID();
        String sent = notify.sendNotice(hearingNotice(uniqueKey(), caseId, party("P-L1"))).getNoticeId();
        dispatcher.dispatchAllDue(daytime());
        String queued = notify.sendNotice(hearingNotice(uniqueKey(), caseId, party("P-L2"))).getNoticeId();

        given().auth().oauth2(STAFF).queryParam("caseId", caseId).get("/api/notices")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(queued))
                .body("items[1].id", equalTo(sent))
                .body("items.recipient.phone", everyItem(equalTo("138****5678")))
                .body("items.recipient.email", everyItem(equalTo("z***@example.cn")));
        given().auth().oauth2(STAFF).queryParam("caseId", caseId).queryParam("state", "SENT").get("/api/notices")
                .then().statusCode(200)
                .body("items.id", hasItem(sent))
                .body("items.id", not(hasItem(queued)));
        given().auth().oauth2(STAFF).queryParam("recipientId", "P-L2").queryParam("caseId", caseId)
                .get("/api/notices")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(queued));
    }

    @Test
    void badQueryParametersAre400NamingTheField() {
        given().auth().oauth2(STAFF).queryParam("state", "LOST").get("/api/notices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        given().auth().oauth2(STAFF).queryParam("size", 0).get("/api/notices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void everyEndpointNeedsATokenAndTheRightRole() {
        given().get("/api/notices").then().statusCode(401);
        given().get("/api/notices/{id}", UUID.randomUUID()).then().statusCode(401);
        given().get("/api/inbox").then().statusCode(401);
        given().auth().oauth2(DevTokens.forRole("service").subject("case-service").sign()).get("/api/notices")
                .then().statusCode(403);
        given().auth().oauth2(STAFF).get("/api/inbox").then().statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anUnknownNoticeIs404() {
        given().auth().oauth2(STAFF).get("/api/notices/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
