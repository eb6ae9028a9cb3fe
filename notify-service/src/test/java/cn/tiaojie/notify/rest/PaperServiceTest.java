package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.daytime;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.notify.PaperSlips;
import cn.tiaojie.notify.RecordingCaseService;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.PaperService;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.platform.outbox.OutboxRelay;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** 纸质送达: the task list, the printed notice with its slip, the record with the slip's photo, the proof of service. */
@QuarkusTest
class PaperServiceTest {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    OutboxRelay relay;

    @Inject
    NoticeLinks links;

    @Test
    void aNoticeNoChannelReachedIsPrintedServedByHandAndItsSlipIsTheProofOfService() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String partyId = "P-PAPER-" + UUID.randomUUID();
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), caseId,
                partyAt(partyId, "", "", NoticeChannel.SMS, NoticeChannel.EMAIL))).getNoticeId());
        dispatcher.dispatchAllDue(daytime());

        // it is on the center's list of paper services to do
        given().auth().oauth2(STAFF).queryParam("paperDelivery", true).queryParam("unconfirmed", true)
                .queryParam("size", 200).get("/api/notices").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));

        // printed with the 送达回证 slip to sign
        byte[] form = given().auth().oauth2(STAFF).get("/api/notices/{id}/paper.pdf", id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String printed = text(form);
        for (String expected : List.of("调解通知书", "送达回证", "受送达人签名或盖章", "送达人签名", "见证人签名", "张三")) {
            assertTrue(printed.contains(expected), expected + " in " + printed);
        }

        // what the grid worker wrote, with the slip's photo: refused without a witness, no photo, a text file, the
        // future are all refused and nothing is kept
        String servedAt = LocalDateTime.now(CHINA).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> refusedAlone = new HashMap<>(PaperSlips.handedOver(servedAt));
        refusedAlone.remove("receivedBy");
        refusedAlone.put("refused", "true");
        post(id, refusedAlone, PaperSlips.JPEG).then().statusCode(400).body("errors.field", hasItem("witness"));
        post(id, PaperSlips.handedOver(servedAt), null).then().statusCode(400).body("errors.field", hasItem("slip"));
        post(id, PaperSlips.handedOver(servedAt), "签收了".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("slip"));
        post(id, PaperSlips.handedOver(LocalDateTime.now(CHINA).plusDays(1).toString()), PaperSlips.JPEG).then()
                .statusCode(400).body("errors.field", hasItem("servedAt"));
        post(id, PaperSlips.handedOver("昨天下午"), PaperSlips.JPEG).then().statusCode(400)
                .body("errors.field", hasItem("servedAt"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> PaperService.findById(id)));

        Instant servedInstant = LocalDateTime.parse(servedAt).atZone(CHINA).toInstant();
        post(id, PaperSlips.handedOver(servedAt), PaperSlips.JPEG).then().statusCode(201)
                .body("paperService.servedBy", equalTo("网格员李四"))
                .body("paperService.receivedBy", equalTo("张三"))
                .body("paperService.refused", equalTo(false))
                .body("paperService.slipContentType", equalTo("image/jpeg"))
                .body("paperService.slipSha256", notNullValue())
                .body("receipt.channel", equalTo("PAPER"))
                .body("acknowledgedAt", equalTo(servedInstant.toString()));
        post(id, PaperSlips.handedOver(servedAt), PaperSlips.JPEG).then().statusCode(409);

        // off the list; the slip as uploaded; the proof of service says who served it, where and to whom
        given().auth().oauth2(STAFF).queryParam("paperDelivery", true).queryParam("unconfirmed", true)
                .queryParam("size", 200).get("/api/notices").then().body("items.id", not(hasItem(id.toString())));
        byte[] slip = given().auth().oauth2(STAFF).get("/api/notices/{id}/paper-service/slip", id).then()
                .statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(PaperSlips.JPEG, slip);
        String proof = text(given().auth().oauth2(STAFF).get("/api/notices/{id}/proof.pdf", id).then()
                .statusCode(200).extract().asByteArray());
        for (String expected : List.of("纸质送达：送达人 网格员李四", "白溪镇溪东村 3 组 12 号", "签收人：张三", "SHA-256")) {
            assertTrue(proof.contains(expected), expected + " in " + proof);
        }

        // case-service hears of it as the party's receipt, on paper
        relay.relayAllDue();
        List<NoticeAcknowledged> toCase = RecordingCaseService.ACKNOWLEDGED.stream()
                .filter(a -> a.getNoticeId().equals(id.toString())).toList();
        assertEquals(1, toCase.size());
        assertEquals(NoticeChannel.PAPER, toCase.getFirst().getChannel());
        assertEquals(partyId, toCase.getFirst().getPartyId());
    }

    @Test
    void aRefusalBeforeAWitnessIsServiceAndOnlyPartiesNoticesAreServedOnPaper() throws Exception {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                partyAt("P-REF-" + UUID.randomUUID(), "", "", NoticeChannel.SMS))).getNoticeId());
        Map<String, String> refused = new HashMap<>(Map.of("servedBy", "网格员李四", "place", "溪东村村委会",
                "servedAt", LocalDateTime.now(CHINA).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString(), "refused", "true",
                "witness", "村委会主任王五"));
        post(id, refused, PaperSlips.JPEG).then().statusCode(201).body("paperService.refused", equalTo(true))
                .body("paperService.witness", equalTo("村委会主任王五")).body("paperService.receivedBy", equalTo(null));
        String proof = text(given().auth().oauth2(STAFF).get("/api/notices/{id}/proof.pdf", id).then()
                .extract().asByteArray());
        assertTrue(proof.contains("拒绝签收，已留置送达，见证人：村委会主任王五"), proof);

        UUID toMediator = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                cn.tiaojie.notify.NoticeRequests.mediator("M-" + UUID.randomUUID()))).getNoticeId());
        post(toMediator, PaperSlips.handedOver(LocalDateTime.now(CHINA).plusMinutes(1).toString()), PaperSlips.JPEG).then()
                .statusCode(409);
    }

    @Test
    void openingTheLinkIsRecordedOnceWithItsChannel() throws Exception {
        String phone = uniquePhone();
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                partyAt("P-OPEN-" + UUID.randomUUID(), phone, "", NoticeChannel.SMS))).getNoticeId());
        given().auth().oauth2(STAFF).get("/api/notices/{id}", id).then().body("openedAt", equalTo(null));
        String page = URI.create(links.noticeUrl(id, Channel.SMS, Instant.now())).getPath();
        given().get(page).then().statusCode(200);
        String first = given().auth().oauth2(STAFF).get("/api/notices/{id}", id).then()
                .body("openedChannel", equalTo("SMS")).extract().path("openedAt");
        given().get(URI.create(links.noticeUrl(id, Channel.EMAIL, Instant.now())).getPath()).then().statusCode(200);
        given().auth().oauth2(STAFF).get("/api/notices/{id}", id).then()
                .body("openedAt", equalTo(first)).body("openedChannel", equalTo("SMS"));
        String proof = text(given().auth().oauth2(STAFF).get("/api/notices/{id}/proof.pdf", id).then()
                .extract().asByteArray());
        assertTrue(proof.contains("首次打开短信中的专属链接"), proof);
    }

    private static io.restassured.response.Response post(UUID id, Map<String, String> fields, byte[] slip) {
        return given().auth().oauth2(STAFF).contentType(PaperSlips.CONTENT_TYPE).body(PaperSlips.form(fields, slip))
                .post("/api/notices/{id}/paper-service", id);
    }

    /** The PDF's text with its lines joined again (the PDF wraps long lines anywhere). */
    private static String text(byte[] pdf) throws java.io.IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\R", "");
        }
    }
}
