package cn.tiaojie.scheduling.service.privacy;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.platform.privacy.PersonalDataCipher;
import cn.tiaojie.scheduling.Outboxes;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stored request of every hearing is sealed at rest; what it holds still reaches every notice. */
@QuarkusTest
class SealedRequestTest {

    private static final String PHONE = "13812345678";
    private static final String EMAIL = "legal@qxjg.example.cn";
    /** the test profile's retired key (DEV-ONLY-1): values it sealed stay readable and are sealed again */
    private static final PersonalDataCipher RETIRED_KEY = new PersonalDataCipher(
            Map.of("DEV-ONLY-1", Base64.getDecoder().decode("HTv4/TkBwDYIisAOs+MSDLHZBgrVBbU4iYvLGE+2XkM=")),
            "DEV-ONLY-1", Base64.getDecoder().decode("qIQqdwLPXUGWHKdoB4O0r2avmwXp/q9ZXqLzucMEj4I="));

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Inject
    EntityManager em;

    @Inject
    RequestSealing sealing;

    record Booked(String center, HearingRequest request, Hearing hearing) {
        String staff() {
            return DevTokens.forRole("staff").subject("staff-" + center).claim("center", center).sign();
        }
    }

    Booked book() {
        String center = newCenter(1);
        HearingRequest request = request(center, uniqueId("M")).build();
        return new Booked(center, request, scheduling.requestHearing(request));
    }

    @Test
    void theStoredRequestHoldsNoContactInClearAndNoticesOfAMoveStillCarryThem() {
        Booked b = book();
        byte[] stored = rawRequest(b.hearing().getHearingId());
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(PHONE), "the phone is not in the column");
        assertFalse(raw.contains(EMAIL), "the e-mail address is not in the column");
        assertFalse(raw.contains(b.request().getCaseNo()), "nothing of the request is in the column");
        assertTrue(raw.startsWith("pd1.DEV-ONLY-2."), "sealed under the active key");

        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body("{\"reason\":\"申请人外出\"}")
                .post("/api/hearings/{id}/reschedule", b.hearing().getHearingId()).then().statusCode(200);

        assertContactsIn(Outboxes.notices(b.request().getCaseNo(), NoticeKind.HEARING_RESCHEDULED));
        assertFalse(new String(rawRequest(b.hearing().getHearingId()), StandardCharsets.ISO_8859_1).contains(PHONE),
                "still sealed after the move");
    }

    @Test
    void readingAHearingWritesNothingBack() {
        Booked b = book();
        UUID id = UUID.fromString(b.hearing().getHearingId());
        byte[] before = rawRequest(id.toString());
        long version = version(id);
        // a managed hearing read and committed: its request opens to the same bytes, so nothing is dirty
        QuarkusTransaction.requiringNew().run(() -> {
            cn.tiaojie.scheduling.model.Hearing h = em.find(cn.tiaojie.scheduling.model.Hearing.class, id);
            assertArrayEquals(b.request().toByteArray(), h.request);
        });
        assertEquals(version, version(id));
        assertArrayEquals(before, rawRequest(id.toString()));
    }

    @Test
    void aRequestStoredPlainBeforeSealingStillWorksAndIsSealedAtTheNextStart() {
        Booked b = book();
        String id = b.hearing().getHearingId();
        writeRaw(id, b.request().toByteArray());
        assertTrue(new String(rawRequest(id), StandardCharsets.ISO_8859_1).contains(PHONE));

        // the plain row is read as it is: the hearing moves and the notices reach the parties
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body("{\"reason\":\"调解员出差\"}")
                .post("/api/hearings/{id}/reschedule", id).then().statusCode(200);
        assertContactsIn(Outboxes.notices(b.request().getCaseNo(), NoticeKind.HEARING_RESCHEDULED));

        // a row written plain behind the service's back is sealed by the startup pass
        writeRaw(id, b.request().toByteArray());
        assertTrue(sealing.sealAll() >= 1);
        String raw = new String(rawRequest(id), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(PHONE));
        assertTrue(raw.startsWith("pd1.DEV-ONLY-2."));
        given().auth().oauth2(b.staff()).contentType(ContentType.JSON).body("{\"reason\":\"场地调整\"}")
                .post("/api/hearings/{id}/cancel", id).then().statusCode(200);
        assertContactsIn(Outboxes.notices(b.request().getCaseNo(), NoticeKind.HEARING_CANCELLED));
    }

    @Test
    void aRequestSealedUnderARetiredKeyIsReadAndSealedAgainUnderTheActiveOne() {
        Booked b = book();
        String id = b.hearing().getHearingId();
        byte[] underRetiredKey = RETIRED_KEY.encrypt(SealedRequests.FIELD,
                Base64.getEncoder().encodeToString(b.request().toByteArray())).getBytes(StandardCharsets.US_ASCII);
        writeRaw(id, underRetiredKey);

        assertTrue(sealing.sealAll() >= 1);
        String raw = new String(rawRequest(id), StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("pd1.DEV-ONLY-2."), raw.substring(0, 20));
        QuarkusTransaction.requiringNew().run(() -> assertArrayEquals(b.request().toByteArray(),
                em.find(cn.tiaojie.scheduling.model.Hearing.class, UUID.fromString(id)).request));
        // a second pass finds nothing left to do for this hearing
        byte[] sealed = rawRequest(id);
        sealing.sealAll();
        assertArrayEquals(sealed, rawRequest(id));
    }

    private static void assertContactsIn(List<NoticeRequest> notices) {
        assertEquals(3, notices.size());
        List<NoticeRequest> parties = notices.stream()
                .filter(n -> n.getRecipient().getKind() == RecipientKind.PARTY).toList();
        assertEquals(List.of(PHONE, ""), parties.stream().map(n -> n.getRecipient().getPhone()).toList());
        assertEquals(List.of("", EMAIL), parties.stream().map(n -> n.getRecipient().getEmail()).toList());
    }

    private byte[] rawRequest(String hearingId) {
        return QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select request from hearing where id = cast(?1 as uuid)").setParameter(1, hearingId).getSingleResult());
    }

    private long version(UUID hearingId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from hearing where id = ?1").setParameter(1, hearingId).getSingleResult()).longValue());
    }

    private void writeRaw(String hearingId, byte[] stored) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update hearing set request = ?2 where id = cast(?1 as uuid)")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, hearingId).setParameter(2, stored, byte[].class).executeUpdate());
    }
}
