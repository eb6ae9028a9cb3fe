package cn.tiaojie.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeAccepted;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalChannels;
import cn.tiaojie.local.SmsGatewaySimulator;
import cn.tiaojie.testsupport.PackagedServiceResource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its main path: a notice arrives over gRPC, the dispatcher sends it by SMS and e-mail
 * (to the local gateway simulator and GreenMail), the resident opens the SMS's signed link and confirms receipt,
 * and staff read the notice with its proof of service over REST. case-service is not running: the notice names no
 * case, so nothing waits for it.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelsResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NotifyServiceIT.Dispatching.class)
class NotifyServiceIT {

    private static final Pattern LINK = Pattern.compile("/n/[A-Za-z0-9_.\\-]+");

    /** The packaged service sends by itself, at any hour (the @QuarkusTests run the dispatcher themselves). */
    public static class Dispatching implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.scheduler.enabled", "true",
                    "tiaojie.notify.dispatch.enabled", "true",
                    "tiaojie.notify.quiet-hours.start", "00:00",
                    "tiaojie.notify.quiet-hours.end", "00:00");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aNoticeIsSentConfirmedThroughItsLinkAndShownWithItsProofOfService() {
        String phone = NoticeRequests.uniquePhone();
        String email = "it-" + phone + "@example.cn";
        NoticeRequest request = NoticeRequests.hearingNotice(NoticeRequests.uniqueKey(), "", NoticeRequests.partyAt(
                "P-IT-" + phone, phone, email, NoticeChannel.SMS, NoticeChannel.EMAIL, NoticeChannel.IN_APP));
        String noticeId = send(request).getNoticeId();

        SmsGatewaySimulator.Sms sms = await("the SMS to " + phone, () -> ChannelsResource.sms().delivered().stream()
                .filter(s -> s.to().endsWith(phone)).findFirst());
        LocalChannels.Mail mail = await("the e-mail to " + email, () -> ChannelsResource.channels().mails().stream()
                .filter(m -> m.to().contains(email)).findFirst());
        assertTrue(mail.attachments().stream().anyMatch(a -> a.contentType().startsWith("application/pdf")),
                "the hearing notice travels as PDF");

        Matcher link = LINK.matcher(sms.body());
        assertTrue(link.find(), sms.body());
        String page = link.group();
        given().accept("text/html").get(page).then().statusCode(200).body(containsString("调解通知书"));
        given().accept("application/json").post(page + "/ack").then().statusCode(200)
                .body("noticeId", equalTo(noticeId)).body("channel", equalTo("SMS"))
                .body("firstConfirmation", equalTo(true));

        String staff = DevTokens.token("admin", "it-admin", Map.of());
        given().auth().oauth2(staff).get("/api/notices/" + noticeId).then().statusCode(200)
                .body("acknowledgedAt", notNullValue())
                .body("receipt.channel", equalTo("SMS"))
                .body("recipient.phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("deliveries.find { it.channel == 'SMS' }.state", equalTo("ACKNOWLEDGED"));
        byte[] proof = given().auth().oauth2(staff).get("/api/notices/" + noticeId + "/proof.pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF-", new String(proof, 0, 5));
    }

    private static NoticeAccepted send(NoticeRequest request) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(URI.create(RestAssured.baseURI).getHost(),
                RestAssured.port).usePlaintext().build();
        try {
            Metadata token = new Metadata();
            token.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + DevTokens.token("service", "scheduling-service", Map.of()));
            return NotifyServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token))
                    .withDeadlineAfter(30, TimeUnit.SECONDS).sendNotice(request);
        } finally {
            channel.shutdownNow();
        }
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(what + " did not arrive within 60 s");
    }
}
