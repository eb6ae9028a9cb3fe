package cn.tiaojie.notify.security;

import static cn.tiaojie.notify.NoticeRequests.daytime;
import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.mediator;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static io.restassured.RestAssured.given;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.notify.NoticeRequests;
import cn.tiaojie.notify.PaperSlips;
import cn.tiaojie.notify.RecordingCaseService;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcherTest;
import cn.tiaojie.notify.service.link.NoticeLinks;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One case of the 白溪镇 center (area 330999102003) with a party and a mediator, the callers inside and outside its
 * scope, and fresh notices of it.
 */
final class SecurityFixtures {

    final String caseId = RecordingCaseService.caseIn("QX-BAIXI", "330999102003");
    final String partyId = "P-SEC-" + UUID.randomUUID();
    final String mediatorId = "M-SEC-" + UUID.randomUUID().toString().substring(0, 8);

    final String staff = DevTokens.forRole("staff").subject("staff-bx").claim("center", "QX-BAIXI").sign();
    final String otherCenter = DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY").sign();
    final String supervisor = DevTokens.forRole("supervisor").subject("sup-bx").claim("area", "330999102").sign();
    /** another township of the same county */
    final String otherArea = DevTokens.forRole("supervisor").subject("sup-x").claim("area", "330999201").sign();
    final String resident = DevTokens.forRole("resident").subject("r-" + partyId).claim("partyId", partyId)
            .claim("caseId", caseId).sign();
    final String otherResident = DevTokens.forRole("resident").subject("r-other").claim("partyId", "P-SEC-other")
            .claim("caseId", caseId).sign();
    final String mediator = DevTokens.forRole("mediator").subject(mediatorId).claim("mediatorId", mediatorId).sign();
    final String otherMediator = DevTokens.forRole("mediator").subject("M-other").claim("mediatorId", "M-other")
            .sign();
    final String admin = DevTokens.forRole("admin").subject("admin-1").sign();
    final String service = DevTokens.forRole("service").subject("scheduling-service").sign();

    private final NotifyServiceGrpc.NotifyServiceBlockingStub notify;
    private final DeliveryDispatcher dispatcher;
    private final NoticeLinks links;

    SecurityFixtures(NotifyServiceGrpc.NotifyServiceBlockingStub notify, DeliveryDispatcher dispatcher,
            NoticeLinks links) {
        this.notify = notify;
        this.dispatcher = dispatcher;
        this.links = links;
    }

    /**
     * A hearing notice to the party, sent by SMS and e-mail; at an address of its own each time, so that the limit
     * of e-mails per address and hour never holds one back.
     */
    UUID sentPartyNotice() {
        return sentNoticeTo(partyId);
    }

    /**
     * The same to another party of the case each time, for requests that need a fresh notice per call: the limit
     * of notices per recipient and hour never holds one back.
     */
    UUID freshSentNotice() {
        return sentNoticeTo("P-SEC-" + UUID.randomUUID());
    }

    private UUID sentNoticeTo(String party) {
        String email = "party-" + UUID.randomUUID() + "@example.cn";
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), caseId,
                partyAt(party, uniquePhone(), email, NoticeChannel.SMS, NoticeChannel.EMAIL)))
                .getNoticeId());
        dispatcher.dispatchAllDue(daytime());
        return id;
    }

    /** A fresh invitation to rate, to the party of the case. */
    UUID evaluationInvitation() {
        return UUID.fromString(notify.sendNotice(NoticeRequests.evaluationInvitation(uniqueKey(), caseId,
                partyAt(partyId, uniquePhone(), "", NoticeChannel.SMS))).getNoticeId());
    }

    /** The form of a paper service handed to the recipient a minute from now (the notice is just issued). */
    byte[] paperServiceForm() {
        String servedAt = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES)
                .toString();
        return PaperSlips.form(PaperSlips.handedOver(servedAt), PaperSlips.JPEG);
    }

    /** A party's notice served on paper, by the center's staff. */
    UUID servedOnPaper() {
        UUID id = freshSentNotice();
        given().auth().oauth2(staff).contentType(PaperSlips.CONTENT_TYPE).body(paperServiceForm())
                .post("/api/notices/{id}/paper-service", id).then().statusCode(201);
        return id;
    }

    /** A fresh summons of a department to the case. */
    UUID departmentSummons() {
        return UUID.fromString(notify.sendNotice(NoticeRequests.departmentSummons(uniqueKey(), caseId,
                UUID.randomUUID().toString(), uniquePhone())).getNoticeId());
    }

    UUID mediatorNotice() {
        return UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), caseId, mediator(mediatorId)))
                .getNoticeId());
    }

    String linkToken(UUID noticeId) {
        return URI.create(links.noticeUrl(noticeId, Channel.SMS, Instant.now())).getPath().substring("/n/".length());
    }

    String smsReportToken(UUID noticeId) {
        UUID sms = DeliveryDispatcherTest.deliveries(noticeId).get(Channel.SMS).id;
        return URI.create(links.smsReportUrl(sms)).getPath().substring("/hooks/sms/".length());
    }

    /** The token with one character of its signature changed. */
    static String forged(String token) {
        int at = token.length() - 3;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }
}
