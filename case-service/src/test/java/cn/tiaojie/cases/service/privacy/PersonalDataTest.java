package cn.tiaojie.cases.service.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static cn.tiaojie.cases.Fixtures.STAFF;

import cn.tiaojie.cases.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Phone and ID numbers: sealed at rest under a key id, found again by keyed hash, never in the logs. */
@QuarkusTest
class PersonalDataTest {

    @Inject
    EntityManager em;

    @Inject
    PersonalDataSealing sealing;

    @Inject
    PersonalData personalData;

    @Test
    void phoneAndIdNumberAreStoredSealedUnderTheActiveKeyWithTheirLookupHashes() {
        String phone = Fixtures.mobile();
        String idNumber = Fixtures.idNumber();
        String id = Fixtures.register(Fixtures.wageDispute(phone, idNumber));
        Object[] row = applicantRow(id);
        assertTrue(((String) row[0]).startsWith("pd1.DEV-ONLY-2."), "sealed under the active key");
        assertTrue(((String) row[1]).startsWith("pd1.DEV-ONLY-2."));
        assertFalse(((String) row[0]).contains(phone.substring(3)));
        assertFalse(((String) row[1]).contains(idNumber.substring(6, 14)));
        assertEquals(personalData.phoneHash(phone), row[2]);
        assertEquals(personalData.idNumberHash(idNumber), row[3]);
    }

    @Test
    void plainLegacyValuesAndValuesUnderARetiredKeyAreSealedUnderTheActiveKeyAtStartup() {
        String id = Fixtures.register(Fixtures.wageDispute());
        String legacyPhone = Fixtures.mobile();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update party set phone = ?1, phone_hash = null where case_id = ?2 and position = 0")
                .setParameter(1, legacyPhone).setParameter(2, UUID.fromString(id)).executeUpdate());
        String oldKeyValue = new cn.tiaojie.platform.privacy.PersonalDataCipher(
                java.util.Map.of("DEV-ONLY-1", java.util.Base64.getDecoder().decode("HTv4/TkBwDYIisAOs+MSDLHZBgrVBbU4iYvLGE+2XkM=")),
                "DEV-ONLY-1", new byte[32]).encrypt(PersonalData.ID_NUMBER_FIELD, "330999194501010019");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update party set id_number = ?1 where case_id = ?2 and position = 0")
                .setParameter(1, oldKeyValue).setParameter(2, UUID.fromString(id)).executeUpdate());

        assertTrue(sealing.sealAll() >= 1);

        Object[] row = applicantRow(id);
        assertTrue(((String) row[0]).startsWith("pd1.DEV-ONLY-2."));
        assertTrue(((String) row[1]).startsWith("pd1.DEV-ONLY-2."));
        assertEquals(personalData.phoneHash(legacyPhone), row[2]);
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("parties[0].phone", equalTo(legacyPhone))
                .body("parties[0].idNumber", equalTo("330999194501010019"));
    }

    @Test
    void anElderlyPartyIsFlaggedFromTheBirthDateInTheIdNumber() {
        String elderly = Fixtures.idNumber("330999", "19450101", 17);
        String id = Fixtures.register(Fixtures.wageDispute(Fixtures.mobile(), elderly));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("parties[0].vulnerabilities", equalTo(List.of("ELDERLY")));
    }

    @Test
    void noRawPhoneOrIdNumberReachesTheLogsEvenOnErrors() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String phone = Fixtures.mobile();
        String idNumber = Fixtures.idNumber();
        try {
            String body = Fixtures.wageDispute(phone, idNumber);
            String key = UUID.randomUUID().toString();
            given().auth().oauth2(STAFF).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .post("/api/cases").then().statusCode(201);
            given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body).post("/api/cases").then().statusCode(409);
            given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body.replace("\"parties\"", "\"parties\":{},\"x\""))
                    .post("/api/cases").then().statusCode(400);
            given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                    .body(Fixtures.wageDispute(phone + "9", idNumber.substring(0, 17) + "0")).post("/api/cases")
                    .then().statusCode(400);
        } finally {
            root.removeHandler(capture);
        }
        assertNotNull(logged);
        assertTrue(logged.stream().noneMatch(line -> line.contains(phone) || line.contains(idNumber)
                || line.contains(idNumber.substring(0, 17))), "a log line carries a phone or ID number");
    }

    private Object[] applicantRow(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select phone, id_number, phone_hash, id_number_hash from party where case_id = ?1 and position = 0")
                .setParameter(1, UUID.fromString(caseId)).getSingleResult());
    }
}
