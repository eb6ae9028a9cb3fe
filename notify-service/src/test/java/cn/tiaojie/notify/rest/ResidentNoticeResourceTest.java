package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.daytime;
import static cn.tiaojie.notify.NoticeRequests.departmentSummons;
import static cn.tiaojie.notify.NoticeRequests.evaluationInvitation;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.SmsGatewaySimulator;
import cn.tiaojie.notify.ChannelsResource;
import cn.tiaojie.notify.RecordingCaseService;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.NoticeRating;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcherTest;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.platform.outbox.OutboxRelay;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResidentNoticeResourceTest {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    OutboxRelay relay;

    @Inject
    NoticeLinks links;

    @Test
    void theLinkInTheSmsOpensTheNoticeAndConfirmingRecordsProofOfServiceForCaseService() throws Exception {
        String phone = uniquePhone();
        String partyId = "P-ACK-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), caseId,
                partyAt(partyId, phone, "", NoticeChannel.SMS))).getNoticeId());
        dispatcher.dispatchAllDue(daytime());
        String link = linkIn(phone);

        given().get(link).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("调解通知书（TJ2026000042）"), containsString("青溪县白溪镇溪东路8号"),
                        containsString("申请回避"), containsString("我已收到并阅读本通知"),
                        containsString("width=device-width"));

        given().header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile").post(link + "/ack")
                .then().statusCode(200)
                .body("noticeId", equalTo(id.toString()))
                .body("channel", equalTo("SMS"))
                .body("firstConfirmation", equalTo(true));
        given().post(link + "/ack").then().statusCode(200).body("firstConfirmation", equalTo(false));

        Receipt receipt = QuarkusTransaction.requiringNew().call(() -> Receipt.findById(id));
        assertEquals(Channel.SMS, receipt.channel);
        assertEquals("Mozilla/5.0 (Linux; Android 14) Mobile", receipt.userAgent);
        assertNotNull(receipt.ip);
        assertEquals(DeliveryState.ACKNOWLEDGED, DeliveryDispatcherTest.deliveries(id).get(Channel.SMS).state);
        given().get(link).then().statusCode(200).body(containsString("确认收到本通知"),
                not(containsString("我已收到并阅读本通知")));

        relay.relayAllDue();
        List<NoticeAcknowledged> toCase = RecordingCaseService.ACKNOWLEDGED.stream()
                .filter(a -> a.getNoticeId().equals(id.toString())).toList();
        assertEquals(1, toCase.size(), "case-service is told once");
        assertEquals(caseId, toCase.getFirst().getCaseId());
        assertEquals(partyId, toCase.getFirst().getPartyId());
        assertEquals(NoticeChannel.SMS, toCase.getFirst().getChannel());

        given().auth().oauth2(STAFF).get("/api/notices/{id}", id).then().statusCode(200)
                .body("receipt.channel", equalTo("SMS"))
                .body("receipt.userAgent", containsString("Android"))
                .body("acknowledgedAt", not(equalTo(null)));

        byte[] pdf = given().auth().oauth2(STAFF).get("/api/notices/{id}/proof.pdf", id)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("送达回证"), text);
            assertTrue(text.contains("TJ2026000042"), text);
            assertTrue(text.contains("确认收到"), text);
            assertTrue(text.contains(receipt.ip), text);
            assertTrue(text.contains(phone.substring(0, 3) + "****"), "phone masked: " + text);
        }
    }

    @Test
    void aLinkOpensOnlyItsOwnNoticeAndOnlyUntilItExpires() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-links",
                partyAt("P-LNK-" + UUID.randomUUID(), uniquePhone(), "", NoticeChannel.SMS))).getNoticeId());
        String valid = URI.create(links.noticeUrl(id, Channel.SMS, Instant.now())).getPath();
        String expired = URI.create(links.noticeUrl(id, Channel.SMS, Instant.now().minus(Duration.ofDays(31))))
                .getPath();
        String token = valid.substring("/n/".length());
        String tampered = "/n/" + token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);

        given().get(valid).then().statusCode(200);
        given().get(expired).then().statusCode(410).body(containsString("链接已过期"));
        given().post(expired + "/ack").then().statusCode(410).contentType("application/problem+json");
        given().get(tampered).then().statusCode(404);
        given().post(tampered + "/ack").then().statusCode(404).contentType("application/problem+json");
        given().get("/n/not-a-token").then().statusCode(404);
        // a delivery-report address is signed for another purpose and opens no notice
        String report = URI.create(links.smsReportUrl(id)).getPath().substring("/hooks/sms/".length());
        given().get("/n/" + report).then().statusCode(404);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Receipt.findById(id)));
    }

    @Test
    void staffSupervisorsAdminsAndTheRecipientDownloadTheProofOfService() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-proof",
                partyAt("P-PF", "", "", NoticeChannel.IN_APP))).getNoticeId());
        given().get("/api/notices/{id}/proof.pdf", id).then().statusCode(401);
        given().auth().oauth2(DevTokens.forRole("resident").subject("r").claim("partyId", "P-PF").sign())
                .get("/api/notices/{id}/proof.pdf", id).then().statusCode(200).contentType("application/pdf");
        given().auth().oauth2(DevTokens.forRole("resident").subject("r2").claim("partyId", "P-OTHER").sign())
                .get("/api/notices/{id}/proof.pdf", id).then().statusCode(404);
        given().auth().oauth2(STAFF).get("/api/notices/{id}/proof.pdf", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).get("/api/notices/{id}/proof.pdf", id).then().statusCode(200);
    }

    @Test
    void everyValueOnThePageIsEscapedAndThePageConfirmsWithAPlainFormPost() {
        String hostileName = "<script>alert('name')</script>\"O'Brien\" & Co";
        var request = hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                partyAt("P-ESC-" + UUID.randomUUID(), uniquePhone(), "", NoticeChannel.SMS).toBuilder()
                        .setName(hostileName).build()).toBuilder()
                .putFields("venueName", "<img src=x onerror=alert(1)>第一调解室")
                .putFields("venueAddress", "\"><script>alert(\"addr\")</script>")
                .setCaseNo("TJ<b>1</b>").build();
        UUID id = UUID.fromString(notify.sendNotice(request).getNoticeId());
        String page = URI.create(links.noticeUrl(id, Channel.SMS, Instant.now())).getPath();

        String html = given().get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;&quot;O&#39;Brien&quot; &amp; Co"),
                html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;第一调解室"), html);
        assertTrue(html.contains("TJ&lt;b&gt;1&lt;/b&gt;"), html);
        assertFalse(html.contains("<script"), "no script at all, injected or inline: " + html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"" + page + "/ack\">"), html);

        // what a browser does with the form: post it, follow the 303 back to the page
        given().redirects().follow(false).accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .contentType("application/x-www-form-urlencoded").post(page + "/ack")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(page));
        given().get(page).then().statusCode(200).body(containsString("确认收到本通知"),
                not(containsString("<form")));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> Receipt.findById(id)));
    }

    @Test
    void anEvaluationInvitationOpensARatingFormWhoseRatingReachesCaseServiceOnce() {
        String phone = uniquePhone();
        String partyId = "P-RATE-" + UUID.randomUUID();
        String caseId = "case-" + UUID.randomUUID();
        UUID id = UUID.fromString(notify.sendNotice(evaluationInvitation(uniqueKey(), caseId,
                partyAt(partyId, phone, "", NoticeChannel.SMS))).getNoticeId());
        dispatcher.dispatchAllDue(daytime());
        String link = linkIn(phone);

        given().get(link).then().statusCode(200).body(containsString("服务评价邀请"),
                containsString("您对本次调解满意吗？"), containsString("非常满意"), containsString("很不满意"),
                containsString("action=\"" + link + "/rating\""), not(containsString("我已收到并阅读本通知")));

        // nothing chosen: the page again, saying what is missing, and nothing kept
        given().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("comment", "还行").post(link + "/rating")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("请选择您对本次调解的满意程度"));
        given().contentType("application/x-www-form-urlencoded").formParam("score", "6").post(link + "/rating")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("score"));
        given().contentType("application/x-www-form-urlencoded").formParam("score", "4")
                .formParam("comment", "x".repeat(1001)).post(link + "/rating")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> NoticeRating.findById(id)));

        // a browser's post: back to the page, which now thanks instead of asking
        given().redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("score", "4")
                .formParam("comment", " 调解员很耐心 ").post(link + "/rating")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(link));
        given().get(link).then().statusCode(200).body(containsString("作出评价：满意"), not(containsString("<form")));
        // a second rating keeps the first
        given().contentType("application/x-www-form-urlencoded").formParam("score", "1").post(link + "/rating")
                .then().statusCode(201).body("score", equalTo(4)).body("comment", equalTo("调解员很耐心"))
                .body("firstRating", equalTo(false));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> Receipt.findById(id)), "rating is receipt");

        relay.relayAllDue();
        List<PartyRating> toCase = RecordingCaseService.RATINGS.stream()
                .filter(r -> r.getNoticeId().equals(id.toString())).toList();
        assertEquals(1, toCase.size(), "case-service is told once");
        assertEquals(caseId, toCase.getFirst().getCaseId());
        assertEquals(partyId, toCase.getFirst().getPartyId());
        assertEquals(4, toCase.getFirst().getScore());
        assertEquals("调解员很耐心", toCase.getFirst().getComment());
    }

    @Test
    void onlyAnEvaluationInvitationTakesARating() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                partyAt("P-NR-" + UUID.randomUUID(), uniquePhone(), "", NoticeChannel.SMS))).getNoticeId());
        String page = URI.create(links.noticeUrl(id, Channel.SMS, Instant.now())).getPath();
        given().get(page).then().statusCode(200).body(not(containsString("提交评价")));
        given().contentType("application/x-www-form-urlencoded").formParam("score", "5").post(page + "/rating")
                .then().statusCode(409).contentType("application/problem+json");
        String expired = URI.create(links.noticeUrl(id, Channel.SMS, Instant.now().minus(Duration.ofDays(31))))
                .getPath();
        given().contentType("application/x-www-form-urlencoded").formParam("score", "5").post(expired + "/rating")
                .then().statusCode(410);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> NoticeRating.findById(id)));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Receipt.findById(id)));
    }

    @Test
    void aSummonedDepartmentAnswersOnItsLinkAndCaseServiceIsToldOnce() {
        String phone = uniquePhone();
        String caseId = "case-" + UUID.randomUUID();
        String summonsId = UUID.randomUUID().toString();
        UUID id = UUID.fromString(notify.sendNotice(departmentSummons(uniqueKey(), caseId, summonsId, phone))
                .getNoticeId());
        dispatcher.dispatchAllDue(daytime());
        List<SmsGatewaySimulator.Sms> sms = DeliveryDispatcherTest.smsTo(phone);
        assertEquals(1, sms.size());
        assertTrue(sms.getFirst().body().contains("吹哨报到通知") && sms.getFirst().body().contains("报到或答复"),
                sms.getFirst().body());
        String link = linkIn(phone);

        given().get(link).then().statusCode(200).body(containsString("吹哨报到通知"), containsString("请带执法记录仪"),
                containsString("拖欠三个月工资"), containsString("确认报到"), containsString("说明不能报到"),
                not(containsString("summonsId")), not(containsString(summonsId)));

        // 报到 without who comes: the page again, saying what is missing, and nothing kept
        given().redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "REPORTED")
                .formParam("arrivesAt", "2030-01-01T09:00").post(link + "/summons-answer")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("请填写完整"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "DECLINED")
                .post(link + "/summons-answer").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "MAYBE")
                .post(link + "/summons-answer").then().statusCode(400).body("errors[0].field", equalTo("response"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "REPORTED")
                .formParam("attendee", "王警官").formParam("arrivesAt", "明天上午").post(link + "/summons-answer")
                .then().statusCode(400).body("errors[0].field", equalTo("arrivesAt"));

        given().redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "REPORTED")
                .formParam("attendee", "白溪派出所 王警官").formParam("arrivesAt", "2030-01-01T09:00")
                .post(link + "/summons-answer").then().statusCode(303);
        given().get(link).then().statusCode(200).body(containsString("答复报到：白溪派出所 王警官"),
                containsString("2030年1月1日 09:00"), not(containsString("<form")));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "DECLINED")
                .formParam("note", "改主意了").post(link + "/summons-answer").then().statusCode(201)
                .body("response", equalTo("REPORTED")).body("firstAnswer", equalTo(false));

        relay.relayAllDue();
        List<cn.tiaojie.contracts.cases.v1.SummonsAnswered> toCase = RecordingCaseService.SUMMONS_ANSWERS.stream()
                .filter(a -> a.getSummonsId().equals(summonsId)).toList();
        assertEquals(1, toCase.size(), "case-service is told once");
        assertEquals(caseId, toCase.getFirst().getCaseId());
        assertEquals("REPORTED", toCase.getFirst().getResponse());
        assertEquals("白溪派出所 王警官", toCase.getFirst().getAttendee());
        assertEquals(Instant.parse("2030-01-01T01:00:00Z").getEpochSecond(), toCase.getFirst().getArrivesAt().getSeconds());
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> Receipt.findById(id)), "answering is receipt");

        // a party's notice takes no summons answer
        UUID partyNotice = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), caseId,
                partyAt("P-SUM-" + UUID.randomUUID(), uniquePhone(), "", NoticeChannel.SMS))).getNoticeId());
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("response", "DECLINED")
                .formParam("note", "x").post(URI.create(links.noticeUrl(partyNotice, Channel.SMS, Instant.now()))
                        .getPath() + "/summons-answer").then().statusCode(409);
    }

    private static String linkIn(String phone) {
        List<SmsGatewaySimulator.Sms> sms = DeliveryDispatcherTest.smsTo(phone);
        assertEquals(1, sms.size());
        String body = sms.getFirst().body();
        int at = body.indexOf("http");
        assertTrue(at >= 0, body);
        return URI.create(body.substring(at).strip()).getPath();
    }
}
