package cn.tiaojie.notify.service.delivery;

import static cn.tiaojie.notify.NoticeRequests.ICS;
import static cn.tiaojie.notify.NoticeRequests.PHONE;
import static cn.tiaojie.notify.NoticeRequests.daytime;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.party;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.GetNoticeStatusRequest;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NoticeStatus;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalChannels;
import cn.tiaojie.local.SmsGatewaySimulator;
import cn.tiaojie.notify.ChannelsResource;
import cn.tiaojie.notify.NoticeRequests;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.channel.LogChannelSender;
import cn.tiaojie.notify.service.link.NoticeLinks;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class DeliveryDispatcherTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    NoticeLinks links;

    @Test
    void aHearingNoticeGoesOutOnceBySmsEmailWithPdfAndIcsAndInApp() throws Exception {
        String phone = uniquePhone();
        String email = "p-" + UUID.randomUUID() + "@example.cn";
        NoticeRequest request = hearingNotice(uniqueKey(), "case-all", partyAt("P-ALL-" + UUID.randomUUID(), phone,
                email, NoticeChannel.SMS, NoticeChannel.EMAIL, NoticeChannel.IN_APP)).toBuilder()
                .putFields("ics", ICS).build();
        UUID id = send(request);

        dispatcher.dispatchAllDue(daytime());
        dispatcher.dispatchAllDue(daytime());

        Map<Channel, Delivery> deliveries = deliveries(id);
        assertEquals(List.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP).stream().sorted().toList(),
                deliveries.keySet().stream().sorted().toList(), "no LOG when a real channel exists");
        deliveries.values().forEach(d -> assertEquals(DeliveryState.SENT, d.state, d.channel + " " + d.failureReason));
        assertTrue(deliveries.get(Channel.SMS).providerMessageId.startsWith("SM"));

        List<SmsGatewaySimulator.Sms> sms = smsTo(phone);
        assertEquals(1, sms.size(), "one SMS, also after a second dispatch");
        assertEquals("+86" + phone, sms.getFirst().to());
        assertTrue(sms.getFirst().body().contains("调解通知书"), sms.getFirst().body());
        assertTrue(sms.getFirst().body().contains("2026年7月1日（星期三）09:30"), sms.getFirst().body());
        assertTrue(sms.getFirst().body().contains("/n/"), "carries the signed link: " + sms.getFirst().body());
        assertEquals(deliveries.get(Channel.SMS).id.toString(), sms.getFirst().idempotencyKey());

        List<LocalChannels.Mail> mails = mailOf(id, email);
        assertEquals(1, mails.size());
        LocalChannels.Mail mail = mails.getFirst();
        assertEquals("调解通知书（TJ2026000042）", mail.subject());
        assertTrue(mail.text().contains("申请回避") && mail.text().contains("/n/"), mail.text());
        LocalChannels.Attachment pdf = attachment(mail, "application/pdf");
        assertEquals("调解通知书-TJ2026000042.pdf", pdf.fileName());
        try (var document = Loader.loadPDF(pdf.content())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("调解通知书"), text);
            assertTrue(text.contains("青溪县白溪镇溪东路8号"), text);
        }
        LocalChannels.Attachment ics = attachment(mail, "text/calendar");
        assertEquals("调解通知书-TJ2026000042.ics", ics.fileName());
        assertEquals(ICS, new String(ics.content(), java.nio.charset.StandardCharsets.UTF_8));
        String body = QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(id).body);
        assertFalse(body.contains("BEGIN:VCALENDAR"), "the calendar text is an attachment, not text");
    }

    @Test
    void anEveningSessionInTheVillageSaysWhereAndWhenInTheSmsAndTheNotice() {
        String phone = uniquePhone();
        String email = "p-" + UUID.randomUUID() + "@example.cn";
        UUID id = send(hearingNotice(uniqueKey(), "case-evening", partyAt("P-EVE-" + UUID.randomUUID(), phone, email,
                NoticeChannel.SMS, NoticeChannel.EMAIL)).toBuilder()
                .putFields("startsAt", "2026-07-01T10:30:00Z").putFields("endsAt", "2026-07-01T12:00:00Z")
                .putFields("venueName", "溪东村文化礼堂").putFields("venueAddress", "青溪县白溪镇溪东村文化礼堂")
                .putFields("session", "EVENING_ON_SITE").putFields("interpreterLanguage", "维吾尔语").build());

        dispatcher.dispatchAllDue(daytime());

        String sms = smsTo(phone).getFirst().body();
        assertTrue(sms.contains("2026年7月1日（星期三）18:30，溪东村文化礼堂（屋场夜话，晚上在村里召开）"), sms);
        assertTrue(sms.contains("备维吾尔语翻译"), sms);
        String text = mailOf(id, email).getFirst().text().replace("\r\n", "\n");
        assertTrue(text.contains("地址：青溪县白溪镇溪东村文化礼堂\n形式：屋场夜话，晚上在村里召开\n"), text);
        assertTrue(text.contains("翻译：调解中心安排维吾尔语翻译到场"), text);
        assertFalse(text.contains("视频"), text);
        assertEquals(DeliveryState.SENT, deliveries(id).get(Channel.SMS).state);
    }

    @Test
    void aVideoHearingsNoticeCarriesItsJoinLink() {
        String phone = uniquePhone();
        String email = "p-" + UUID.randomUUID() + "@example.cn";
        String room = "https://meet.tiaojie.local/room/" + UUID.randomUUID();
        UUID id = send(hearingNotice(uniqueKey(), "case-video", partyAt("P-VID-" + UUID.randomUUID(), phone, email,
                NoticeChannel.SMS, NoticeChannel.EMAIL)).toBuilder().putFields("videoLink", room).build());

        dispatcher.dispatchAllDue(daytime());

        String sms = smsTo(phone).getFirst().body();
        assertTrue(sms.contains("，视频参会：" + room + "。"), sms);
        assertFalse(sms.contains("屋场夜话"), sms);
        String text = mailOf(id, email).getFirst().text().replace("\r\n", "\n");
        assertTrue(text.contains("视频参会：不便到场的，可通过视频参加，链接 " + room + "\n"), text);
    }

    @Test
    void aMediatorsOfferSmsLinksStraightToTheOfferInTheWorkbench() {
        String phone = uniquePhone();
        String offerId = UUID.randomUUID().toString();
        Recipient lawyer = NoticeRequests.mediator("M9" + UUID.randomUUID().toString().substring(0, 6),
                NoticeChannel.SMS).toBuilder().setPhone(phone).build();
        send(NoticeRequests.offer(uniqueKey(), "case-offer-sms", lawyer).toBuilder().putFields("offerId", offerId)
                .build());
        dispatcher.dispatchAllDue(daytime());

        List<SmsGatewaySimulator.Sms> sms = smsTo(phone);
        assertEquals(1, sms.size());
        assertTrue(sms.getFirst().body().endsWith(links.offerUrl(offerId, null)), sms.getFirst().body());
        assertFalse(sms.getFirst().body().contains("/n/"), sms.getFirst().body());
    }

    @Test
    void aOneTimeCodeGoesBySmsAsTheCodeAloneAndIsNeverShownInTheNoticesText() {
        String phone = uniquePhone();
        Recipient applicant = Recipient.newBuilder().setKind(RecipientKind.PARTY).setId("one-time-code:" + uniqueKey())
                .setPhone(phone).addChannels(NoticeChannel.SMS).build();
        UUID id = send(NoticeRequest.newBuilder().setIdempotencyKey(uniqueKey()).setKind(NoticeKind.ONE_TIME_CODE)
                .setRecipient(applicant).putFields("code", "408317").putFields("validMinutes", "5")
                .putFields("centerName", "青溪县矛盾纠纷调处化解中心").setUrgent(true).build());
        dispatcher.dispatchAllDue(daytime());

        List<SmsGatewaySimulator.Sms> sms = smsTo(phone);
        assertEquals(1, sms.size());
        assertEquals("【青溪县矛盾纠纷调处化解中心】验证码 408317，5 分钟内有效。您正在网上申请调解，请勿把验证码告诉任何人。",
                sms.getFirst().body());
        String text = QuarkusTransaction.requiringNew().call(() -> Notice.<Notice>findById(id).body);
        assertFalse(text.contains("408317"), text);
    }

    @Test
    void aNoticeWithNoUsableChannelGoesToTheLogWithPhoneAndEmailMasked() {
        UUID id = send(hearingNotice(uniqueKey(), "case-log", party("P-LOG")));

        List<String> lines = capturingLogOf(LogChannelSender.class, () -> dispatcher.dispatchAllDue(daytime()));

        Map<Channel, Delivery> deliveries = deliveries(id);
        assertEquals(DeliveryState.SENT, deliveries.get(Channel.LOG).state);
        String line = lines.stream().filter(l -> l.contains(id.toString())).findFirst().orElseThrow();
        assertTrue(line.contains("调解通知书") && line.contains("138****5678") && line.contains("z***@example.cn"), line);
        assertFalse(line.contains(PHONE), line);
        assertFalse(line.contains(NoticeRequests.EMAIL), line);
        assertFalse(line.contains("\n"), "one line");
    }

    @Test
    void aGatewayFailureIsRetriedWithGrowingBackoffThenFailedAndTheNoticeGoesToPaper() {
        String phone = uniquePhone();
        UUID id = send(hearingNotice(uniqueKey(), "case-retry", partyAt("P-RT-" + UUID.randomUUID(), phone, "",
                NoticeChannel.SMS)));
        ChannelsResource.sms().failNext(3);

        dispatcher.dispatchAllDue(daytime());
        Delivery first = deliveries(id).get(Channel.SMS);
        assertEquals(DeliveryState.QUEUED, first.state);
        assertEquals(1, first.attempts);
        assertTrue(first.failureReason.contains("503"), first.failureReason);
        assertEquals(Duration.ofSeconds(10), Duration.between(first.updatedAt, first.nextAttemptAt));

        makeDue(id);
        dispatcher.dispatchAllDue(daytime());
        Delivery second = deliveries(id).get(Channel.SMS);
        assertEquals(2, second.attempts);
        assertEquals(Duration.ofSeconds(20), Duration.between(second.updatedAt, second.nextAttemptAt));
        assertFalse(notice(id).paperDeliveryRequired);

        makeDue(id);
        dispatcher.dispatchAllDue(daytime());
        Delivery last = deliveries(id).get(Channel.SMS);
        assertEquals(DeliveryState.FAILED, last.state);
        assertEquals(3, last.attempts);
        assertTrue(smsTo(phone).isEmpty());
        Notice notice = notice(id);
        assertTrue(notice.paperDeliveryRequired, "SMS failed: the grid worker serves it on paper");
        assertTrue(notice.paperDeliveryReason.contains("SMS"), notice.paperDeliveryReason);

        NoticeStatus status = notify.getNoticeStatus(GetNoticeStatusRequest.newBuilder().setNoticeId(id.toString()).build());
        assertEquals(cn.tiaojie.contracts.notify.v1.DeliveryState.FAILED, status.getDeliveries(0).getState());
        given().auth().oauth2(staff()).queryParam("paperDelivery", true).queryParam("caseId", "case-retry")
                .get("/api/notices").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id.toString()));
    }

    @Test
    void anUnreachableNumberFailsAtOnceWithoutRetries() {
        String phone = SmsGatewaySimulator.UNREACHABLE_PREFIX + "12345";
        UUID id = send(hearingNotice(uniqueKey(), "case-unreachable", partyAt("P-UN-" + UUID.randomUUID(), phone, "",
                NoticeChannel.SMS)));

        dispatcher.dispatchAllDue(daytime());

        Delivery sms = deliveries(id).get(Channel.SMS);
        assertEquals(DeliveryState.FAILED, sms.state);
        assertEquals(1, sms.attempts);
        assertTrue(sms.failureReason.contains("not a valid phone number"), sms.failureReason);
        assertFalse(sms.failureReason.contains(phone), "the number is masked: " + sms.failureReason);
        assertTrue(notice(id).paperDeliveryRequired);
    }

    @Test
    void aBouncedEmailFallsBackToSms() {
        String phone = uniquePhone();
        String email = "gone-" + UUID.randomUUID() + "@example.cn";
        UUID id = send(hearingNotice(uniqueKey(), "case-bounce", partyAt("P-BO-" + UUID.randomUUID(), phone, email,
                NoticeChannel.EMAIL)));
        dispatcher.dispatchAllDue(daytime());
        assertEquals(DeliveryState.SENT, deliveries(id).get(Channel.EMAIL).state);
        assertNull(deliveries(id).get(Channel.SMS));

        given().auth().oauth2(DevTokens.forRole("service").subject("mail-gateway").sign())
                .contentType(ContentType.JSON).body("{\"reason\":\"550 5.1.1 mailbox unavailable\"}")
                .post("/api/notices/{id}/email-bounce", id)
                .then().statusCode(200)
                .body("deliveries.find { it.channel == 'EMAIL' }.state", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("deliveries.find { it.channel == 'SMS' }.fallback", org.hamcrest.Matchers.equalTo(true));
        dispatcher.dispatchAllDue(daytime());

        Map<Channel, Delivery> deliveries = deliveries(id);
        assertTrue(deliveries.get(Channel.EMAIL).failureReason.contains("550"));
        assertEquals(DeliveryState.SENT, deliveries.get(Channel.SMS).state);
        assertEquals(deliveries.get(Channel.EMAIL).id, deliveries.get(Channel.SMS).fallbackFor);
        assertEquals(1, smsTo(phone).size());
        assertFalse(notice(id).paperDeliveryRequired);
    }

    @Test
    void aBounceReportNeedsABodyAndAnEmailThatWasSent() {
        UUID id = send(hearingNotice(uniqueKey(), "case-bounce-bad", party("P-BB")));
        String service = DevTokens.forRole("service").subject("mail-gateway").sign();
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{}")
                .post("/api/notices/{id}/email-bounce", id).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"reason\":\"550\"}")
                .post("/api/notices/{id}/email-bounce", id).then().statusCode(409);
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"reason\":\"550\"}")
                .post("/api/notices/{id}/email-bounce", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(DevTokens.forRole("resident").subject("r").claim("partyId", "P-BB").sign())
                .contentType(ContentType.JSON).body("{\"reason\":\"550\"}")
                .post("/api/notices/{id}/email-bounce", id).then().statusCode(403);
    }

    @Test
    void nonUrgentSmsWaitForTheEndOfTheQuietHoursButUrgentOnesAndInAppDoNot() {
        String phone = uniquePhone();
        String partyId = "P-QH-" + UUID.randomUUID();
        UUID calm = send(hearingNotice(uniqueKey(), "case-quiet", partyAt(partyId, phone, "", NoticeChannel.SMS,
                NoticeChannel.IN_APP)));
        UUID urgent = send(hearingNotice(uniqueKey(), "case-quiet", partyAt(partyId, phone, "", NoticeChannel.SMS))
                .toBuilder().setUrgent(true).build());
        Instant tenAtNight = ZonedDateTime.now(CHINA).plusDays(1).withHour(22).withMinute(0).toInstant();

        dispatcher.dispatchAllDue(tenAtNight);

        Delivery waiting = deliveries(calm).get(Channel.SMS);
        assertEquals(DeliveryState.QUEUED, waiting.state);
        assertEquals(0, waiting.attempts, "waiting is not an attempt");
        assertEquals(tenAtNight.atZone(CHINA).plusDays(1).withHour(8).withMinute(0).withSecond(0).withNano(0)
                .toInstant(), waiting.nextAttemptAt);
        assertTrue(waiting.failureReason.startsWith("quiet hours"), waiting.failureReason);
        assertEquals(DeliveryState.SENT, deliveries(calm).get(Channel.IN_APP).state);
        assertEquals(DeliveryState.SENT, deliveries(urgent).get(Channel.SMS).state);
        assertEquals(1, smsTo(phone).size(), "only the urgent one");
    }

    @Test
    void oneRecipientGetsAtMostTheHourlyLimitOfSms() {
        String phone = uniquePhone();
        String partyId = "P-RL-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(send(hearingNotice(uniqueKey(), "case-rate", partyAt(partyId, phone, "", NoticeChannel.SMS))));
        }

        dispatcher.dispatchAllDue(daytime());

        List<Delivery> sms = ids.stream().map(id -> deliveries(id).get(Channel.SMS)).toList();
        assertEquals(10, sms.stream().filter(d -> d.state == DeliveryState.SENT).count());
        List<Delivery> held = sms.stream().filter(d -> d.state == DeliveryState.QUEUED).toList();
        assertEquals(2, held.size());
        held.forEach(d -> assertTrue(d.failureReason.startsWith("rate limit"), d.failureReason));
        assertEquals(10, smsTo(phone).size());
    }

    @Test
    void aDeliveryLeftSendingByACrashIsTakenOverAndNotDeliveredTwice() {
        String phone = uniquePhone();
        UUID id = send(hearingNotice(uniqueKey(), "case-crash", partyAt("P-CR-" + UUID.randomUUID(), phone, "",
                NoticeChannel.SMS)));
        dispatcher.dispatchAllDue(daytime());
        assertEquals(1, smsTo(phone).size());
        long repeatsBefore = ChannelsResource.sms().repeatedKeys();
        // as if the process died after the gateway accepted the SMS but before SENT was committed
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "state = ?1, nextAttemptAt = ?2 where noticeId = ?3", DeliveryState.SENDING,
                Instant.now().minusSeconds(1), id));

        dispatcher.dispatchAllDue(daytime());

        Delivery sms = deliveries(id).get(Channel.SMS);
        assertEquals(DeliveryState.SENT, sms.state);
        assertEquals(2, sms.attempts);
        assertEquals(1, smsTo(phone).size(), "the gateway recognised the idempotency key");
        assertEquals(repeatsBefore + 1, ChannelsResource.sms().repeatedKeys());
    }

    @Test
    void concurrentDispatchersSendEachDeliveryOnce() throws Exception {
        String caseId = "case-race-" + UUID.randomUUID();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String phone = uniquePhone();
            phones.add(phone);
            send(hearingNotice(uniqueKey(), caseId, partyAt("P-RC-" + UUID.randomUUID(), phone, "",
                    NoticeChannel.SMS)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> dispatcher.dispatchAllDue(daytime())));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String phone : phones) {
            assertEquals(1, smsTo(phone).size(), phone);
        }
    }

    @Test
    void theGatewaysDeliveryReportMakesTheSmsDelivered() {
        String phone = uniquePhone();
        UUID id = send(hearingNotice(uniqueKey(), "case-report", partyAt("P-DR-" + UUID.randomUUID(), phone, "",
                NoticeChannel.SMS)));
        dispatcher.dispatchAllDue(daytime());
        Delivery sms = deliveries(id).get(Channel.SMS);
        String report = URI.create(links.smsReportUrl(sms.id)).getPath();

        given().contentType(ContentType.URLENC).formParam("MessageSid", sms.providerMessageId)
                .formParam("MessageStatus", "delivered").post(report).then().statusCode(204);

        Delivery delivered = deliveries(id).get(Channel.SMS);
        assertEquals(DeliveryState.DELIVERED, delivered.state);
        assertNotNull(delivered.deliveredAt);
        given().contentType(ContentType.URLENC).formParam("MessageStatus", "delivered")
                .post("/hooks/sms/forged.token").then().statusCode(404);
    }

    @Test
    void aDeliveryNotYetDueIsLeftAlone() {
        UUID id = send(hearingNotice(uniqueKey(), "case-later", party("P-LATER", NoticeChannel.IN_APP)));
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("nextAttemptAt = ?1 where noticeId = ?2",
                daytime().plus(Duration.ofHours(1)), id));

        dispatcher.dispatchAllDue(daytime());

        assertTrue(deliveries(id).values().stream().allMatch(d -> d.state == DeliveryState.QUEUED));
    }

    private UUID send(NoticeRequest request) {
        return UUID.fromString(notify.sendNotice(request).getNoticeId());
    }

    static String staff() {
        return DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    }

    public static List<SmsGatewaySimulator.Sms> smsTo(String phone) {
        return ChannelsResource.sms().delivered().stream().filter(s -> s.to().equals("+86" + phone)).toList();
    }

    static List<LocalChannels.Mail> mailsTo(String email) {
        return ChannelsResource.channels().mails().stream().filter(m -> m.to().equals(email)).toList();
    }

    /**
     * The one e-mail of notice {@code noticeId} to {@code email}. An attempt the SMTP server did not take (a loaded
     * build machine now and then drops a connection) is retried as the dispatcher does after its backoff, at most
     * twice; a notice still without its e-mail fails with the delivery's reason.
     */
    private List<LocalChannels.Mail> mailOf(UUID noticeId, String email) {
        for (int retry = 0; retry < 2 && mailsTo(email).isEmpty()
                && deliveries(noticeId).get(Channel.EMAIL).state == DeliveryState.QUEUED; retry++) {
            makeDue(noticeId);
            dispatcher.dispatchAllDue(daytime());
        }
        List<LocalChannels.Mail> mails = mailsTo(email);
        Delivery delivery = deliveries(noticeId).get(Channel.EMAIL);
        assertFalse(mails.isEmpty(), () -> "no e-mail; its delivery is " + delivery.state + " after "
                + delivery.attempts + " attempts: " + delivery.failureReason);
        return mails;
    }

    private static LocalChannels.Attachment attachment(LocalChannels.Mail mail, String contentType) {
        return mail.attachments().stream().filter(a -> a.contentType().equalsIgnoreCase(contentType)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + contentType + " in " + mail.attachments()));
    }

    /** As if the backoff had passed. */
    private static void makeDue(UUID noticeId) {
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "nextAttemptAt = ?1 where noticeId = ?2 and state = ?3", Instant.now().minusSeconds(1), noticeId,
                DeliveryState.QUEUED));
    }

    static Notice notice(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Notice.findById(id));
    }

    public static Map<Channel, Delivery> deliveries(UUID noticeId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("noticeId", noticeId).stream()
                .collect(Collectors.toMap(d -> d.channel, d -> d)));
    }

    static List<String> capturingLogOf(Class<?> category, Runnable work) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(category.getName());
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
