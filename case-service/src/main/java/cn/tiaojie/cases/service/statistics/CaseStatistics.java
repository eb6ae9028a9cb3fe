package cn.tiaojie.cases.service.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Figures for the dashboard, computed by PostgreSQL in one grouped query (with a total row through grouping
 * sets): no case is loaded into memory.
 */
@ApplicationScoped
public class CaseStatistics {

    public enum GroupBy {
        category("split_part(c.subcategory, '.', 1)"),
        level("c.level"),
        channel("c.channel"),
        status("c.status"),
        center("c.center_code");

        final String expression;

        GroupBy(String expression) {
            this.expression = expression;
        }
    }

    /** Where the caller may look: a center, an area prefix, or everything. */
    public record Scope(String centerCode, String areaPrefix) {
        public static final Scope ALL = new Scope(null, null);
    }

    /**
     * One group. Rates are over cases with an outcome (resolved, unresolved or withdrawn); on time means the
     * outcome came by the case's deadline; satisfaction averages every rating given.
     */
    public record Row(String key, long cases, long concluded, long resolved, Double resolutionRate, Double onTimeRate,
            Double medianDaysToResolution, Double meanSatisfaction, long ratings) {
    }

    public record Report(Instant from, Instant to, GroupBy groupBy, List<Row> groups, Row total) {
    }

    private final EntityManager em;

    CaseStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Report report(Instant from, Instant to, GroupBy groupBy, Scope scope) {
        String sql = """
                select %s as key,
                       count(*) as cases,
                       count(*) filter (where c.outcome in ('RESOLVED', 'UNRESOLVED', 'WITHDRAWN')) as concluded,
                       count(*) filter (where c.outcome = 'RESOLVED') as resolved,
                       count(*) filter (where c.outcome in ('RESOLVED', 'UNRESOLVED', 'WITHDRAWN')
                                          and c.outcome_at <= c.deadline) as on_time,
                       percentile_cont(0.5) within group (order by extract(epoch from c.outcome_at - c.created_at) / 86400.0)
                           filter (where c.outcome = 'RESOLVED') as median_days,
                       sum(r.total) as rating_total,
                       coalesce(sum(r.n), 0) as ratings,
                       grouping(%s) as is_total
                from dispute_case c
                left join (select case_id, sum(score) as total, count(*) as n from rating group by case_id) r
                       on r.case_id = c.id
                where c.created_at >= ?1 and c.created_at < ?2
                  and (cast(?3 as varchar) is null or c.center_code = ?3)
                  and (cast(?4 as varchar) is null or c.area_code like ?4 || '%%')
                group by grouping sets ((%s), ())
                order by is_total, key""".formatted(groupBy.expression, groupBy.expression, groupBy.expression);
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .setParameter(1, from).setParameter(2, to)
                .setParameter(3, scope.centerCode(), String.class).setParameter(4, scope.areaPrefix(), String.class);
        List<Object[]> rows = (List<Object[]>) query.getResultList();
        List<Row> groups = rows.stream().filter(r -> ((Number) r[8]).intValue() == 0).map(CaseStatistics::row).toList();
        Row total = rows.stream().filter(r -> ((Number) r[8]).intValue() == 1).map(CaseStatistics::row).findFirst()
                .orElse(new Row("TOTAL", 0, 0, 0, null, null, null, null, 0));
        return new Report(from, to, groupBy, groups, new Row("TOTAL", total.cases(), total.concluded(), total.resolved(),
                total.resolutionRate(), total.onTimeRate(), total.medianDaysToResolution(), total.meanSatisfaction(),
                total.ratings()));
    }

    private static Row row(Object[] r) {
        long cases = ((Number) r[1]).longValue();
        long concluded = ((Number) r[2]).longValue();
        long resolved = ((Number) r[3]).longValue();
        long onTime = ((Number) r[4]).longValue();
        Double median = r[5] == null ? null : round(((Number) r[5]).doubleValue());
        long ratings = ((Number) r[7]).longValue();
        Double satisfaction = ratings == 0 ? null : round(((Number) r[6]).doubleValue() / ratings);
        return new Row((String) r[0], cases, concluded, resolved, ratio(resolved, concluded), ratio(onTime, concluded),
                median, satisfaction, ratings);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
