package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.mediator;
import static cn.tiaojie.notify.NoticeRequests.offer;
import static cn.tiaojie.notify.NoticeRequests.party;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.testsupport.DevTokens;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxResourceTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    static String mediatorToken(String mediatorId) {
        return DevTokens.forRole("mediator").subject(mediatorId).claim("mediatorId", mediatorId).sign();
    }

    static String residentToken(String partyId) {
        return DevTokens.forRole("resident").subject("resident-" + partyId).claim("partyId", partyId).sign();
    }

    @Test
    void aMediatorSeesOnlyTheirOwnNoticesNewestFirst() {
        String me = "M9" + UUID.randomUUID().toString().substring(0, 6);
        String other = "M8" + UUID.randomUUID().toString().substring(0, 6);
        String offer = send(offer(uniqueKey(), "case-i1", mediator(me, NoticeChannel.IN_APP)));
        String hearing = send(hearingNotice(uniqueKey(), "case-i1", mediator(me, NoticeChannel.IN_APP)));
        String othersOffer = send(offer(uniqueKey(), "case-i1", mediator(other)));
        // a party with the same id is another recipient
        String partyWithSameId = send(hearingNotice(uniqueKey(), "case-i1", party(me)));

        given().auth().oauth2(mediatorToken(me)).get("/api/inbox")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(hearing))
                .body("items[1].id", equalTo(offer))
                .body("items[1].body", containsString("TJ2026000043"))
                .body("items.id", not(hasItem(othersOffer)))
                .body("items.id", not(hasItem(partyWithSameId)));
        given().auth().oauth2(mediatorToken(me)).get("/api/notices/{id}", offer).then().statusCode(200);
        given().auth().oauth2(mediatorToken(me)).get("/api/notices/{id}", othersOffer).then().statusCode(404);
    }

    @Test
    void aResidentSeesOnlyTheirOwnNotices() {
        String me = "P-" + UUID.randomUUID();
        String neighbour = "P-" + UUID.randomUUID();
        String mine = send(hearingNotice(uniqueKey(), "case-i2", party(me, NoticeChannel.IN_APP)));
        String theirs = send(hearingNotice(uniqueKey(), "case-i2", party(neighbour, NoticeChannel.IN_APP)));

        given().auth().oauth2(residentToken(me)).get("/api/inbox")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(mine))
                .body("items[0].title", equalTo("调解通知书（TJ2026000042）"))
                .body("items[0].body", containsString("白溪镇矛盾纠纷调处化解中心第一调解室"));
        given().auth().oauth2(residentToken(me)).get("/api/notices/{id}", theirs).then().statusCode(404);
    }

    @Test
    void aTokenWithoutItsRecipientIdIsForbidden() {
        given().auth().oauth2(DevTokens.forRole("resident").subject("r-nobody").sign()).get("/api/inbox")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole("mediator").subject("m-nobody").sign()).get("/api/inbox")
                .then().statusCode(403);
    }

    private String send(cn.tiaojie.contracts.notify.v1.NoticeRequest request) {
        return notify.sendNotice(request).getNoticeId();
    }
}
