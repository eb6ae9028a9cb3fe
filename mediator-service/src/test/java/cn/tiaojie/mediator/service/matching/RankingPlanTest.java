package cn.tiaojie.mediator.service.matching;

import cn.tiaojie.platform.persistence.NamedSql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.testsupport.PostgresTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each connection keeps one plan of the ranking until the tables are analyzed again, made from whatever the statistics
 * said when it was made (a new center's empty tables, say). That plan must read every table through the key it is
 * looked up by: mediators by area (or id), a mediator's offers, time away and hours by the mediator, a team's offers
 * and the team itself by the team. A plan that scans a table, or an index without a condition, or counts offers
 * through an index on time alone, reads more with every offer ever made.
 */
@QuarkusTest
class RankingPlanTest {

    private static final Set<String> READ_BY_MEDIATOR_OR_TEAM = Set.of("offer", "unavailability", "weekly_hours");
    private static final List<String> RANKED_TABLES = List.of("mediator", "offer", "team", "team_party",
            "declared_conflict", "unavailability", "weekly_hours", "earlier_involvement_rule");

    @Inject
    Matching matching;

    @Inject
    EntityManager em;

    @Test
    void theKeptPlanReadsEveryTableByKeyWithTheTablesAsTheTestsLeftThem() throws Exception {
        try (Connection owner = PostgresTestResource.connectAsOwner(); Statement s = owner.createStatement()) {
            s.execute("analyze");
        }
        // the text goes as it is (simple protocol): the plan is asked for with $n left unbound
        try (Connection app = PostgresTestResource.connectAsApplication(Map.of("preferQueryMode", "simple"));
                Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute(RankingStatement.PLAN_ONCE);
            assertEquals(List.of(), defectsOfKeptPlans(s));
            app.rollback();
        }
    }

    @Test
    void theKeptPlanReadsEveryTableByKeyWhenPlannedOnANewCentersEmptyTables() throws Exception {
        // a plan made when every table was empty (a new center) is kept as the tables fill: where reading an index
        // whole costs as little as looking a key up, nothing but the statement's shape makes the planner pick the key
        try (Connection owner = PostgresTestResource.connectAsOwner(Map.of("preferQueryMode", "simple"));
                Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            s.execute("create schema new_center");
            for (String table : RANKED_TABLES) {
                s.execute("create table new_center." + table + " (like public." + table + " including all)");
                s.execute("analyze new_center." + table);
            }
            s.execute("set local search_path = new_center");
            s.execute(RankingStatement.PLAN_ONCE);
            try {
                assertEquals(List.of(), defectsOfKeptPlans(s));
            } finally {
                owner.rollback(); // the copy never existed
            }
        }
    }

    @Test
    void theRankingRunsWithThePlannerSettingsItsPlanIsCheckedWith() {
        TestWorld world = new TestWorld();
        world.mediator(MediatorRole.LAWYER, world.village());
        Subject subject = new Subject(null, "LABOUR.WAGE_ARREARS", world.village(),
                cn.tiaojie.platform.area.AreaLevel.GRID, List.of(), Set.of(), Set.of(), null);

        List<Object> settings = QuarkusTransaction.requiringNew().call(() -> {
            assertEquals(1, matching.rank(subject, MediatorRole.LAWYER, Instant.now(), 10, 10).candidateTotal());
            Object[] row = (Object[]) em.createNativeQuery("select current_setting('plan_cache_mode'),"
                    + " current_setting('enable_seqscan')").getSingleResult();
            return List.of(row);
        });

        assertEquals(List.of("force_generic_plan", "off"), settings);
        // set for the transaction only: whatever runs next on the connection is planned as usual
        Object[] after = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select current_setting('plan_cache_mode'), current_setting('enable_seqscan')").getSingleResult());
        assertEquals(List.of("auto", "on"), List.of(after));
    }

    @Test
    void theOnlyIndexesOfOpenOffersAreKeyedByTheMediator() throws Exception {
        // a mediator's load counts offers whose status is OFFERED or ACCEPTED: any index partial on just that, without
        // the mediator as its first key, is one a kept plan may read whole for every mediator within reach
        List<String> defects = new ArrayList<>();
        try (Connection owner = PostgresTestResource.connectAsOwner(); Statement s = owner.createStatement();
                ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'offer'")) {
            while (rs.next()) {
                String definition = rs.getString(2);
                if (definition.matches("(?s).*WHERE .*status.*= ANY.*'OFFERED'.*'ACCEPTED'.*")
                        && !definition.contains("(mediator_id")) {
                    defects.add(definition);
                }
            }
        }
        assertEquals(List.of(), defects);
    }

    @Test
    void aScanOfAWholeTableOrAnIndexWithoutItsKeyIsCaught() throws Exception {
        List<String> defects = new ArrayList<>();
        visit(new ObjectMapper().readTree("""
                {"Node Type": "Hash Join", "Plans": [
                  {"Node Type": "Seq Scan", "Relation Name": "team"},
                  {"Node Type": "Index Scan", "Relation Name": "offer", "Index Cond": "(offered_at > $2)"},
                  {"Node Type": "Index Scan", "Relation Name": "mediator",
                   "Index Cond": "((role)::text = ANY (($3)::text[]))"}]}"""),
                defects);
        assertEquals(3, defects.size(), defects.toString());
    }

    /** What is wrong with the generic plans of both forms of the ranking, planned with this statement's settings. */
    private static List<String> defectsOfKeptPlans(Statement s) throws SQLException, java.io.IOException {
        List<String> defects = new ArrayList<>();
        for (NamedSql statement : List.of(RankingStatement.RANK_ALL, RankingStatement.RANK_ONLY)) {
            StringBuilder numbered = new StringBuilder();
            int parameter = 0;
            for (char c : statement.sql().toCharArray()) {
                if (c == '?') {
                    numbered.append('$').append(++parameter);
                } else {
                    numbered.append(c);
                }
            }
            assertEquals(statement.names().size(), parameter);
            try (ResultSet rs = s.executeQuery("explain (generic_plan, format json) " + numbered)) {
                rs.next();
                JsonNode plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                assertFalse(plan.isMissingNode());
                visit(plan, defects);
            }
        }
        return defects;
    }

    private static void visit(JsonNode node, List<String> defects) {
        String type = node.path("Node Type").asText();
        String table = node.path("Relation Name").asText(null);
        String condition = node.has("Index Cond") ? node.get("Index Cond").asText()
                : node.path("Recheck Cond").asText(null);
        if (type.equals("Seq Scan")) {
            defects.add("reads all of " + table);
        } else if (type.equals("Index Scan") || type.equals("Index Only Scan") || type.equals("Bitmap Heap Scan")) {
            if (condition == null) {
                defects.add(type + " on " + table + " without a condition (" + node.path("Index Name").asText("") + ")");
            } else if (READ_BY_MEDIATOR_OR_TEAM.contains(table)
                    && !condition.contains("mediator_id") && !condition.contains("team_id")) {
                defects.add(type + " on " + table + " by " + condition + ", not by mediator or team");
            } else if (table.equals("mediator") && !condition.contains("area_code") && !condition.contains("(id)")) {
                // by role alone, a province's pool of the role would be read for a case in one village
                defects.add(type + " on mediator by " + condition + ", not by area nor id");
            }
        }
        node.path("Plans").forEach(child -> visit(child, defects));
    }
}
