package cn.tiaojie.cases.service.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static cn.tiaojie.cases.Fixtures.ADMIN;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static cn.tiaojie.testsupport.Privileges.single;

import cn.tiaojie.testsupport.PostgresTestResource;
import cn.tiaojie.testsupport.Privileges;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only for the application's role by its rights on the tables, not only by the triggers:
 * the service's own datasource can add and read records but cannot change, remove or truncate them, move the chain's
 * head, switch a trigger off, drop one, or give itself back what it lacks.
 */
@QuarkusTest
class AuditTrailPrivilegesTest {


    @Inject
    DataSource dataSource;

    @Test
    void theServiceConnectsAsTheApplicationsRoleNotAsTheOwner() throws SQLException {
        try (Connection app = dataSource.getConnection()) {
            String user = single(app, "select current_user");
            assertEquals(PostgresTestResource.APP_USER, user);
            assertNotEquals(single(app, "select pg_get_userbyid(relowner) from pg_class where relname = 'audit_record'"),
                    user);
            assertEquals("false", single(app, "select pg_has_role(current_user, pg_get_userbyid(datdba), 'USAGE')::text"
                    + " from pg_database where datname = current_database()"));
        }
    }

    @Test
    void changingRemovingOrTruncatingAuditRecordsIsRefusedByPrivilege() throws SQLException {
        register(wageDispute());
        try (Connection app = dataSource.getConnection()) {
            // the privilege check fails first: the message is PostgreSQL's, not the append-only trigger's
            refused(app, "update audit_record set actor = 'someone-else' where position = 1",
                    "permission denied for table audit_record");
            refused(app, "delete from audit_record where position = 1", "permission denied for table audit_record");
            refused(app, "truncate audit_record", "permission denied for table audit_record");
            refused(app, "update audit_head set position = 0, hash = repeat('0', 64)",
                    "permission denied for table audit_head");
            refused(app, "delete from audit_head", "permission denied for table audit_head");
            refused(app, "insert into audit_head (id, position, hash) values (2, 0, repeat('0', 64))",
                    "permission denied for table audit_head");
            for (String right : new String[] {"UPDATE", "DELETE", "TRUNCATE"}) {
                assertEquals("false", single(app, "select has_table_privilege('audit_record', '" + right + "')::text"));
            }
            assertEquals("true", single(app, "select has_table_privilege('audit_record', 'INSERT')::text"));
            assertEquals("true", single(app, "select has_table_privilege('audit_record', 'SELECT')::text"));
        }
    }

    @Test
    void theGuardsCannotBeSwitchedOffDroppedOrWorkedAround() throws SQLException {
        try (Connection app = dataSource.getConnection()) {
            refused(app, "alter table audit_record disable trigger audit_record_no_change",
                    "must be owner of table audit_record");
            refused(app, "alter table audit_record disable trigger all", "must be owner of table audit_record");
            refused(app, "drop trigger audit_record_no_change on audit_record", "must be owner of relation audit_record");
            refused(app, "drop trigger audit_record_chain on audit_record", "must be owner of relation audit_record");
            refused(app, "drop table audit_record", "must be owner of table audit_record");
            refused(app, "alter function audit_record_chain() security invoker", "must be owner of function");
            refused(app, "create or replace function audit_record_immutable() returns trigger language plpgsql"
                    + " as $$ begin return new; end $$", "permission denied for schema");
            refused(app, "create table audit_record_copy (position bigint)", "permission denied for schema");
            // a grant from a role that holds no grant option grants nothing (PostgreSQL only warns)
            try (Statement s = app.createStatement()) {
                s.execute("grant update, delete on audit_record to current_user");
            }
            assertEquals("false", single(app, "select has_table_privilege('audit_record', 'UPDATE')::text"));
            assertEquals("false", single(app, "select has_table_privilege('audit_record', 'DELETE')::text"));
        }
    }

    @Test
    void theApplicationStillAppendsThroughTheChainAndTheChainStaysIntact() throws SQLException {
        long headBefore = head();
        String id = register(wageDispute());
        try (Connection app = dataSource.getConnection();
                PreparedStatement records = app.prepareStatement(
                        "select count(*), max(position) from audit_record where case_id = ?")) {
            records.setObject(1, UUID.fromString(id));
            try (ResultSet rs = records.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) >= 1, "the registration is audited");
                assertTrue(rs.getLong(2) > headBefore, "the record extends the chain");
            }
        }
        // the chain trigger, running with its owner's rights, moved the head the application may not touch
        assertTrue(head() > headBefore);
        given().auth().oauth2(ADMIN).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private long head() throws SQLException {
        try (Connection app = dataSource.getConnection()) {
            return Long.parseLong(single(app, "select position::text from audit_head where id = 1"));
        }
    }

    private static void refused(Connection app, String sql, String message) {
        SQLException refused = Privileges.refused(app, sql, message);
        assertFalse(refused.getMessage().contains("append-only"), sql + ": stopped by the trigger, not by the privilege");
    }
}
