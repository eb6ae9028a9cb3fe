package cn.tiaojie.notify.rest.ratelimit;

import static cn.tiaojie.notify.NoticeRequests.hearingNotice;
import static cn.tiaojie.notify.NoticeRequests.partyAt;
import static cn.tiaojie.notify.NoticeRequests.uniqueKey;
import static cn.tiaojie.notify.NoticeRequests.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.service.link.NoticeLinks;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public endpoints with the production limits (30 requests a minute per address, 10 per link), on a clock the
 * test moves, so that no request of the loop earns a token back while it runs.
 */
@QuarkusTest
@TestProfile(PublicEndpointRateLimitTest.ProductionLimits.class)
class PublicEndpointRateLimitTest {

    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tiaojie.rate-limit.per-address.requests", "30",
                    "tiaojie.rate-limit.per-link.requests", "10",
                    "tiaojie.rate-limit.sms-hook-per-address.requests", "600");
        }
    }

    /** Stands still until the test moves it. */
    static class MovableClock extends RateLimitClock {
        final AtomicLong nanos = new AtomicLong(System.nanoTime());

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    NoticeLinks links;

    /** one for the whole class: the buckets remember the times it showed */
    static final MovableClock clock = new MovableClock();

    @BeforeEach
    void moveTheClock() {
        QuarkusMock.installMockForType(clock, RateLimitClock.class);
        clock.advance(Duration.ofHours(1)); // whatever ran before, every bucket is full again
    }

    @Test
    void oneLinkAnswers429AfterTenRequestsAndOpensAgainAfterTheWindow() {
        String page = pageOfNewNotice();
        for (int i = 0; i < 10; i++) {
            given().get(page).then().statusCode(200);
        }
        Response refused = given().get(page);
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(429, refused.jsonPath().getInt("status"));
        assertEquals("6", refused.header("Retry-After"), "10 a minute: the next in 6 s");
        given().post(page + "/ack").then().statusCode(429);

        clock.advance(Duration.ofSeconds(6));
        given().get(page).then().statusCode(200);
        given().get(page).then().statusCode(429);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            given().get(page).then().statusCode(200);
        }
    }

    @Test
    void oneAddressAnswers429AfterThirtyRequestsOverManyLinksAndGuessedOnes() {
        String[] pages = {pageOfNewNotice(), pageOfNewNotice(), pageOfNewNotice(), pageOfNewNotice()};
        int served = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            int status = given().get(i % 5 == 4 ? "/n/guess-" + i : pages[i % 4]).statusCode();
            if (status == 429) {
                refused++;
            } else {
                served++;
            }
        }
        assertEquals(30, served, "served before the address ran out");
        assertEquals(10, refused);
        given().post(pages[0] + "/ack").then().statusCode(429).header("Retry-After", equalTo("2"));

        clock.advance(Duration.ofMinutes(1));
        given().get(pages[1]).then().statusCode(200);
    }

    @Test
    void theSmsReportAddressIsLimitedPerLinkToo() {
        String hook = URI.create(links.smsReportUrl(UUID.randomUUID())).getPath();
        for (int i = 0; i < 10; i++) {
            given().formParam("MessageStatus", "sent").post(hook).then().statusCode(204);
        }
        given().formParam("MessageStatus", "sent").post(hook).then().statusCode(429)
                .contentType("application/problem+json");
        String otherDelivery = URI.create(links.smsReportUrl(UUID.randomUUID())).getPath();
        given().formParam("MessageStatus", "sent").post(otherDelivery).then().statusCode(204);
    }

    private String pageOfNewNotice() {
        UUID id = UUID.fromString(notify.sendNotice(hearingNotice(uniqueKey(), "case-" + UUID.randomUUID(),
                partyAt("P-RL-" + UUID.randomUUID(), uniquePhone(), "", NoticeChannel.SMS))).getNoticeId());
        return URI.create(links.noticeUrl(id, Channel.SMS, Instant.now())).getPath();
    }
}
