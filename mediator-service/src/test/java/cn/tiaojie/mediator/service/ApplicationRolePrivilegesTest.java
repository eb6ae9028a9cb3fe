package cn.tiaojie.mediator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static cn.tiaojie.testsupport.Privileges.refused;
import static cn.tiaojie.testsupport.Privileges.single;

import cn.tiaojie.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The service's datasource logs in as the application's role: it reads and writes the rows of every table the
 * migrations made, and can change none of the schema, which belongs to the owner Flyway migrates as.
 */
@QuarkusTest
class ApplicationRolePrivilegesTest {

    @Inject
    DataSource dataSource;

    @Test
    void theApplicationCannotAlterDropOrTruncateItsTables() throws SQLException {
        try (Connection app = dataSource.getConnection()) {
            assertEquals(PostgresTestResource.APP_USER, single(app, "select current_user"));
            refused(app, "alter table mediator add column nickname varchar(50)", "must be owner of table mediator");
            refused(app, "alter table offer drop constraint offer_pkey", "must be owner of table offer");
            refused(app, "alter table mediator disable trigger mediator_active_follows_status",
                    "must be owner of table mediator");
            refused(app, "drop table team_rule", "must be owner of table team_rule");
            refused(app, "drop index offer_pkey", "must be owner of index offer_pkey");
            refused(app, "create table shadow_mediator (id varchar(20))", "permission denied for schema");
            refused(app, "truncate offer", "permission denied for table offer");
            refused(app, "delete from flyway_schema_history", "permission denied for table flyway_schema_history");
        }
    }

    @Test
    void theApplicationReadsAndWritesTheRowsOfEveryTableAndUsesTheSequences() throws SQLException {
        try (Connection app = dataSource.getConnection()) {
            List<String> missing = new ArrayList<>();
            try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery("""
                    select c.relname, r.privilege from pg_class c
                    cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE')) r (privilege)
                    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
                      and c.relname <> 'flyway_schema_history'
                      and not has_table_privilege(c.oid, r.privilege)
                    union all
                    select c.relname, 'USAGE' from pg_class c
                    where c.relnamespace = current_schema()::regnamespace
                      and case when c.relkind = 'S' then not has_sequence_privilege(c.oid, 'USAGE') else false end""")) {
                while (rs.next()) {
                    missing.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertEquals(List.of(), missing);
            assertTrue(Integer.parseInt(single(app, "select count(*)::text from pg_class"
                    + " where relnamespace = current_schema()::regnamespace and relkind = 'r'")) > 10);
        }
    }
}
