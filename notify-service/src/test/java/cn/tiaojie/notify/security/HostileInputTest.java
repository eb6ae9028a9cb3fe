package cn.tiaojie.notify.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.notify.PaperSlips;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcherTest;
import cn.tiaojie.notify.service.link.NoticeLinks;
import cn.tiaojie.testsupport.DatabaseFingerprint;
import cn.tiaojie.testsupport.security.ApiCall;
import cn.tiaojie.testsupport.security.HostileRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint refuses malformed and hostile requests with a 4xx and writes nothing. The valid request of
 * each is first shown to succeed on a notice of its own.
 *
 * <p>HostileRequests varies JSON bodies. Its path variants are sent here instead, each value encoded as one path
 * segment: RestAssured reads a path parameter value holding braces (the catalogue's {@code ${jndi:…}}, {@code {{7*7}}})
 * as another template. The SMS report is a form, which it does not vary: its fields get the same catalogue here.
 */
@QuarkusTest
@TestProfile(SecurityTestProfile.class)
class HostileInputTest {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    NoticeLinks links;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEmailBounceRefusesHostileInput() {
        SecurityFixtures f = new SecurityFixtures(notify, dispatcher, links);
        String valid = "{\"reason\":\"550 5.1.1 <zhang.san@example.cn>: mailbox unavailable\"}";
        given().auth().oauth2(f.staff).contentType("application/json").body(valid)
                .post("/api/notices/{id}/email-bounce", f.sentPartyNotice()).then().statusCode(200);

        UUID notice = f.sentPartyNotice();
        int bodies = 0;
        // as each caller that may report a bounce: staff of the notice's center, the mail system's service, admins
        for (String caller : List.of(f.staff, f.service, f.admin)) {
            bodies += HostileRequests.to("POST /api/notices/{id}/email-bounce")
                    .as(caller)
                    .call(ApiCall.call().path("id", notice).json(valid))
                    .freeText("reason")
                    .unchanged(() -> DatabaseFingerprint.of(dataSource))
                    .run();
        }
        assertTrue(bodies >= 200, "hostile requests sent: " + bodies);
        assertEquals(DeliveryState.SENT, DeliveryDispatcherTest.deliveries(notice).get(Channel.EMAIL).state);
    }

    /**
     * The confirmation takes no input but its link, so its variants are the catalogue's links: fewer than 200; the
     * page (GET, no write) gets the same links.
     */
    @Test
    void aConfirmationRefusesHostileLinks() {
        SecurityFixtures f = new SecurityFixtures(notify, dispatcher, links);
        given().post("/n/{token}/ack", f.linkToken(f.sentPartyNotice())).then().statusCode(200);

        String link = f.linkToken(f.sentPartyNotice());
        int sent = 0;
        for (String endpoint : List.of("POST /n/{token}/ack", "GET /n/{token}")) {
            sent += HostileRequests.to(endpoint).call(ApiCall.call().path("token", link))
                    .unchanged(() -> DatabaseFingerprint.of(dataSource)).run();
        }
        assertEquals(2 * HostileRequests.CATALOGUE.size(), sent);
    }

    @Test
    void anSmsReportRefusesHostileLinksAndFields() {
        SecurityFixtures f = new SecurityFixtures(notify, dispatcher, links);
        given().contentType("application/x-www-form-urlencoded").body("MessageStatus=failed&ErrorMessage=30003")
                .post("/hooks/sms/{token}", f.smsReportToken(f.sentPartyNotice())).then().statusCode(204);

        UUID notice = f.sentPartyNotice();
        String token = f.smsReportToken(notice);
        int paths = HostileRequests.to("POST /hooks/sms/{token}")
                .call(ApiCall.call().path("token", token)
                        .body("application/x-www-form-urlencoded", "MessageStatus=failed&ErrorMessage=30003"))
                .unchanged(() -> DatabaseFingerprint.of(dataSource)).run();

        List<String> forms = new ArrayList<>();
        HostileRequests.CATALOGUE.forEach(value -> {
            forms.add("MessageStatus=" + form(value));
            // the error message is the gateway's free text: it gets what no text may hold
            forms.add("MessageStatus=failed&ErrorMessage=" + form(value.isBlank() ? "x\u0000" : value + "\u0000"));
            forms.add("MessageStatus=undelivered&ErrorMessage=" + form("\u001b[2J" + value));
        });
        forms.addAll(List.of("MessageStatus=failed&ErrorMessage=" + "x".repeat(100_000),
                "MessageStatus=failed&ErrorMessage=" + form("调".repeat(70_000)),
                "MessageStatus=failed&ErrorMessage=" + form("bell\u0007escape\u001b[2J"),
                "MessageStatus=failed&ErrorMessage=%ff%fe", "MessageStatus=%c3%28", "MessageStatus=%00",
                "", "MessageStatus", "MessageStatus=", "MessageStatus=DELIVERED", "ErrorMessage=30003",
                "MessageStatus=failed&MessageStatus=delivered&ErrorMessage=%00"));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);
        List<String> accepted = new ArrayList<>();
        for (String form : forms) {
            int status = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(form)
                    .post("/hooks/sms/{token}", token).statusCode();
            if (status < 400 || status > 499) {
                accepted.add(form.substring(0, Math.min(80, form.length())) + " → " + status);
            }
        }
        for (String type : List.of("application/json", "text/plain", "multipart/form-data; boundary=x")) {
            int status = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                    .contentType(type).body("MessageStatus=failed").post("/hooks/sms/{token}", token).statusCode();
            if (status < 400 || status > 499) {
                accepted.add(type + " → " + status);
            }
        }
        assertTrue(accepted.isEmpty(), "not refused with a 4xx: " + accepted);
        assertEquals(before, DatabaseFingerprint.of(dataSource), "refused reports changed the database");
        assertTrue(paths + forms.size() + 3 >= 200, "hostile requests sent: " + (paths + forms.size() + 3));
        assertEquals(DeliveryState.SENT, DeliveryDispatcherTest.deliveries(notice).get(Channel.SMS).state);
    }

    /**
     * A paper service's form: the catalogue in the path; bodies that are no form, a form without its parts, fields
     * over their limits or holding control characters, a slip that is no photo and one over 5 MB.
     */
    @Test
    void aPaperServiceRefusesHostileInput() {
        SecurityFixtures f = new SecurityFixtures(notify, dispatcher, links);
        given().auth().oauth2(f.staff).contentType(PaperSlips.CONTENT_TYPE).body(f.paperServiceForm())
                .post("/api/notices/{id}/paper-service", f.freshSentNotice()).then().statusCode(201);

        UUID notice = f.freshSentNotice();
        int paths = HostileRequests.to("POST /api/notices/{id}/paper-service").as(f.staff)
                .call(ApiCall.call().path("id", notice).body(PaperSlips.CONTENT_TYPE, f.paperServiceForm()))
                .unchanged(() -> DatabaseFingerprint.of(dataSource)).run();

        String servedAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusMinutes(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        List<byte[]> bodies = new ArrayList<>();
        for (String field : List.of("servedBy", "place", "receivedBy", "relation", "witness", "servedAt", "refused")) {
            for (String value : List.of("x".repeat(301), "a\u0000b", "\u001b[2J", "调".repeat(301), "\u0007")) {
                Map<String, String> fields = new java.util.HashMap<>(PaperSlips.handedOver(servedAt));
                fields.put(field, value);
                bodies.add(PaperSlips.form(fields, PaperSlips.JPEG));
            }
        }
        bodies.add(PaperSlips.form(PaperSlips.handedOver(servedAt), "<script>".getBytes(StandardCharsets.UTF_8)));
        bodies.add(PaperSlips.form(PaperSlips.handedOver(servedAt), new byte[5 * 1024 * 1024 + 1]));
        bodies.add(PaperSlips.form(Map.of(), null));
        bodies.add("--tiaojie-slip\r\nbroken".getBytes(StandardCharsets.UTF_8));
        Map<String, String> before = DatabaseFingerprint.of(dataSource);
        List<String> accepted = new ArrayList<>();
        for (byte[] body : bodies) {
            int status = given().auth().oauth2(f.staff).contentType(PaperSlips.CONTENT_TYPE).body(body)
                    .post("/api/notices/{id}/paper-service", notice).statusCode();
            if (status < 400 || status > 499) {
                accepted.add(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8) + " → " + status);
            }
        }
        for (String type : List.of("application/json", "text/plain", "application/x-www-form-urlencoded")) {
            int status = given().auth().oauth2(f.staff).contentType(type).body("servedBy=x")
                    .post("/api/notices/{id}/paper-service", notice).statusCode();
            if (status < 400 || status > 499) {
                accepted.add(type + " → " + status);
            }
        }
        assertTrue(accepted.isEmpty(), "not refused with a 4xx: " + accepted);
        assertEquals(before, DatabaseFingerprint.of(dataSource), "refused paper services changed the database");
        assertTrue(paths + bodies.size() >= 120, "hostile requests sent: " + (paths + bodies.size()));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
