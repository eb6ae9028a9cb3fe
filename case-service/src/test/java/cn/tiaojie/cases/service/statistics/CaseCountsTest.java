package cn.tiaojie.cases.service.statistics;

import cn.tiaojie.cases.service.access.CaseAccess;
import static cn.tiaojie.cases.Fixtures.ADMIN;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.SlaState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The counts come from the tallies the database keeps as cases change: they must equal a count of the cases
 * themselves after any change (by the application or by hand in SQL), before and after folding, and while cases
 * are registered and folded at the same time.
 */
@QuarkusTest
class CaseCountsTest {

    static final CaseAccess.Condition COUNTY_CENTER =
            new CaseAccess.Condition("centerCode = :ownCenter", Map.of("ownCenter", "QX-COUNTY"));
    static final CaseAccess.Condition COUNTY_AREA =
            new CaseAccess.Condition("areaCode like :ownArea", Map.of("ownArea", "330999%"));
    static final CaseAccess.Condition EVERYWHERE = new CaseAccess.Condition("1 = 1", Map.of());

    @Inject
    CaseCounts counts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCountsEqualTheCasesThroughEveryKindOfChangeFoldedOrNot() throws SQLException {
        String withdrawn = register(wageDispute());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"申请人撤回\"}")
                .post("/api/cases/{id}/withdraw", withdrawn).then().statusCode(200);
        String overdue = register(wageDispute());
        String moved = register(wageDispute());
        assertCountsEqualTheCases();

        // changes no application path makes, each caught by the database itself
        sql("update dispute_case set sla_state = 'OVERDUE' where id = '" + overdue + "'");
        sql("update dispute_case set center_code = 'QX-BAIXI', area_code = '330999103001' where id = '" + moved + "'");
        sql("update dispute_case set summary = '只改摘要' where id = '" + overdue + "'");
        sql("""
                insert into dispute_case (id, case_no, center_code, status, channel, subcategory, area_code, level,
                  summary, deadline, created_by, created_at, updated_at, step, sla_state, step_deadline)
                values ('00000000-0000-4000-8000-00000000c0de', 'TJ-COUNTS-1', 'QX-COUNTY', 'RECEIVED', 'WALK_IN',
                  'LABOUR.WAGE_ARREARS', '330999102003', 'VILLAGE', '手工录入', now() + interval '10 days', 'sql',
                  now(), now(), 'FILE', 'DUE_SOON', now() + interval '1 day')""");
        assertCountsEqualTheCases();
        sql("delete from dispute_case where id = '00000000-0000-4000-8000-00000000c0de'");
        assertCountsEqualTheCases();

        assertTrue(counts.fold() > 0, "the rows added since the last fold are folded");
        assertCountsEqualTheCases();
        assertEquals(0, query("""
                select count(*) from (select 1 from case_tally
                group by center_code, area_code, status, sla_state, timed having count(*) > 1) repeated"""),
                "a fold leaves one row per group");
        assertEquals(0, query("select count(*) from case_tally where cases = 0"), "a group of no case has no row");
        assertEquals(0, counts.fold(), "nothing added since: nothing to fold");

        String total = "select count(*) from dispute_case where center_code = 'QX-COUNTY'";
        assertEquals(query(total + " and status = 'RECEIVED' and step is not null and sla_state = 'OVERDUE'"),
                counts.total(COUNTY_CENTER, CaseStatus.RECEIVED, SlaState.OVERDUE));
        assertEquals(query(total + " and status = 'WITHDRAWN'"), counts.total(COUNTY_CENTER, CaseStatus.WITHDRAWN, null));
        assertEquals(query(total), counts.total(COUNTY_CENTER, null, null));
        given().auth().oauth2(STAFF).queryParam("status", "RECEIVED").queryParam("sla", "OVERDUE").get("/api/cases")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(
                        (int) query(total + " and status = 'RECEIVED' and step is not null and sla_state = 'OVERDUE'")));
    }

    @Test
    void casesRegisteredWhileFoldingAreAllCounted() throws Exception {
        long before = counts.count(EVERYWHERE).total();
        AtomicBoolean registering = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> registrations = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                registrations.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        register(wageDispute());
                    }
                }));
            }
            Future<Integer> folding = pool.submit(() -> {
                int folds = 0;
                while (registering.get()) {
                    counts.fold();
                    folds++;
                }
                return folds;
            });
            for (Future<?> registration : registrations) {
                registration.get();
            }
            registering.set(false);
            assertTrue(folding.get() > 0);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 40, counts.count(EVERYWHERE).total());
        assertCountsEqualTheCases();
        counts.fold();
        assertCountsEqualTheCases();
    }

    private void assertCountsEqualTheCases() throws SQLException {
        assertEquals(truth("center_code = 'QX-COUNTY'"), counts.count(COUNTY_CENTER));
        assertEquals(truth("area_code like '330999%'"), counts.count(COUNTY_AREA));
        assertEquals(truth("true"), counts.count(EVERYWHERE));
    }

    /** The counts as the cases themselves give them. */
    private CaseCounts.Counts truth(String where) throws SQLException {
        Map<CaseStatus, Long> byStatus = new java.util.EnumMap<>(CaseStatus.class);
        Map<SlaState, Long> bySla = new java.util.EnumMap<>(SlaState.class);
        for (CaseStatus s : CaseStatus.values()) {
            byStatus.put(s, query("select count(*) from dispute_case where " + where + " and status = '" + s + "'"));
        }
        for (SlaState s : SlaState.values()) {
            bySla.put(s, query("select count(*) from dispute_case where " + where
                    + " and step is not null and sla_state = '" + s + "'"));
        }
        return new CaseCounts.Counts(query("select count(*) from dispute_case where " + where), byStatus, bySla);
    }

    private long query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
