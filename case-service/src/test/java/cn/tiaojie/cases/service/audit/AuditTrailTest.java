package cn.tiaojie.cases.service.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static cn.tiaojie.cases.Fixtures.ADMIN;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;

import cn.tiaojie.platform.persistence.SqlStates;
import cn.tiaojie.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write leaves a hash-chained audit record; the chain proves itself; the rows cannot be changed. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Test
    void everyWriteOfACaseIsAuditedWithWhoAndDigests() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"涉及多人\"}")
                .post("/api/cases/{id}/escalate", id).then().statusCode(200);
        given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then().statusCode(200)
                .body("action", hasItems("REGISTER", "FILE", "ESCALATE"))
                .body("[0].actor", equalTo("staff-qx-1"))
                .body("[0].role", equalTo("staff"))
                .body("[1].beforeDigest", equalTo(given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id)
                        .then().extract().path("[0].afterDigest")));
        given().auth().oauth2(ADMIN).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        given().auth().oauth2(STAFF).get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRecords() {
        register(wageDispute());
        RuntimeException update = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_record set actor = 'someone-else' where position = 1").executeUpdate()));
        assertEquals("42501", SqlStates.of(update));
        RuntimeException delete = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_record where position = 1").executeUpdate()));
        assertEquals("42501", SqlStates.of(delete));
        assertTrue(audit.verify().intact());
    }

    @Test
    void verificationNamesTheFirstAlteredRecord() throws SQLException {
        String id = register(wageDispute());
        long position = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(position) from audit_record where case_id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult()).longValue());
        // only the database owner, switching the guard off, can do this: what an intruder with its login would do
        tamper(position, "intruder");
        try {
            AuditTrail.Verification result = audit.verify();
            assertFalse(result.intact());
            assertEquals(position, result.firstBrokenPosition());
            given().auth().oauth2(ADMIN).get("/api/audit/verify").then()
                    .body("intact", equalTo(false)).body("firstBrokenPosition", equalTo((int) position));
        } finally {
            tamper(position, "staff-qx-1");
        }
        assertTrue(audit.verify().intact());
    }

    private static void tamper(long position, String actor) throws SQLException {
        try (Connection owner = PostgresTestResource.connectAsOwner()) {
            owner.setAutoCommit(false);
            try (Statement s = owner.createStatement();
                    PreparedStatement update = owner.prepareStatement(
                            "update audit_record set actor = ? where position = ?")) {
                s.execute("alter table audit_record disable trigger audit_record_no_change");
                update.setString(1, actor);
                update.setLong(2, position);
                update.executeUpdate();
                s.execute("alter table audit_record enable trigger audit_record_no_change");
            }
            owner.commit();
        }
    }
}
