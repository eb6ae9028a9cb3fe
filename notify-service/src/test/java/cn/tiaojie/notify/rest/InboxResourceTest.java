package cn.tiaojie.notify.rest;

import static cn.tiaojie.notify.NoticeRequests.daytime;
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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxResourceTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @TestHTTPResource("/api/inbox/stream")
    URI stream;

    @Test
    void theLiveStreamReceivesTheCallersNoticeWhenTheInAppChannelSendsIt() throws Exception {
        String me = "P-" + UUID.randomUUID();
        String other = "P-" + UUID.randomUUID();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> open = http.sendAsync(HttpRequest.newBuilder(stream)
                        .header("Authorization", "Bearer " + residentToken(me)).header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("data:")) {
                            events.add(line.substring(5));
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        try {
            assertEquals("ready", events.poll(30, TimeUnit.SECONDS), "the stream says it is open");
            String theirs = send(hearingNotice(uniqueKey(), "case-sse", party(other, NoticeChannel.IN_APP)));
            String mine = send(hearingNotice(uniqueKey(), "case-sse", party(me, NoticeChannel.IN_APP)));
            dispatcher.dispatchAllDue(daytime());

            String event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "an event arrives");
            assertTrue(event.contains(mine), event);
            assertTrue(event.contains("调解通知书"), event);
            assertFalse(events.stream().anyMatch(e -> e.contains(theirs)), "never another recipient's notice");
        } finally {
            open.cancel(true);
        }
        given().get("/api/inbox/stream").then().statusCode(401);
        given().auth().oauth2(NoticeResourceTest.STAFF).get("/api/inbox/stream").then().statusCode(403);
    }

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
    void aMediatorMarksANoticeReadOnceAndTheUnreadCountFollows() {
        String me = "M7" + UUID.randomUUID().toString().substring(0, 6);
        String first = send(offer(uniqueKey(), "case-r1", mediator(me, NoticeChannel.IN_APP)));
        send(hearingNotice(uniqueKey(), "case-r1", mediator(me, NoticeChannel.IN_APP)));
        given().auth().oauth2(mediatorToken(me)).get("/api/inbox").then().statusCode(200)
                .body("total", equalTo(2)).body("unread", equalTo(2)).body("items[1].readAt", nullValue());

        String readAt = given().auth().oauth2(mediatorToken(me)).post("/api/inbox/{id}/read", first)
                .then().statusCode(200).body("id", equalTo(first)).extract().path("readAt");
        assertNotNull(readAt);
        // marking it again keeps the first time it was read
        given().auth().oauth2(mediatorToken(me)).post("/api/inbox/{id}/read", first)
                .then().statusCode(200).body("readAt", equalTo(readAt));
        given().auth().oauth2(mediatorToken(me)).get("/api/inbox").then().statusCode(200)
                .body("unread", equalTo(1)).body("items[1].readAt", equalTo(readAt));
        // someone else's notice, or none, is not found and stays unread
        given().auth().oauth2(mediatorToken("M6other")).post("/api/inbox/{id}/read", first).then().statusCode(404);
        given().auth().oauth2(mediatorToken(me)).post("/api/inbox/{id}/read", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
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
