package cn.tiaojie.cases.service.statistics;

import cn.tiaojie.cases.model.CaseTally;
import cn.tiaojie.cases.service.access.CaseAccess;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.SlaState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many cases a caller's list holds, by status and by SLA state, read from the tallies the database keeps as
 * cases change (case_tally): a sum over a few rows per group, however many cases the scope holds. The rows added
 * since are folded into one per group every few seconds; a count is exact whether or not they have been.
 */
@ApplicationScoped
public class CaseCounts {

    /** Every status and SLA state is present, 0 included; only cases in a timed step have an SLA state. */
    public record Counts(long total, Map<CaseStatus, Long> byStatus, Map<SlaState, Long> bySla) {
    }

    /** One statement: the groups touched since the last fold lose their rows and get one row each with the sum. */
    private static final String FOLD = """
            with added as (select id, center_code, area_code, status, sla_state, timed from case_tally where id > ?1),
            folded as (
                delete from case_tally t
                using (select distinct center_code, area_code, status, sla_state, timed from added) g
                where t.center_code = g.center_code and t.area_code = g.area_code and t.status = g.status
                  and t.sla_state = g.sla_state and t.timed = g.timed
                returning t.center_code, t.area_code, t.status, t.sla_state, t.timed, t.cases),
            summed as (
                insert into case_tally (center_code, area_code, status, sla_state, timed, cases)
                select center_code, area_code, status, sla_state, timed, sum(cases) from folded
                group by center_code, area_code, status, sla_state, timed having sum(cases) <> 0
                returning id)
            select greatest(?1, (select max(id) from added), (select max(id) from summed)),
                   (select count(*) from folded)""";

    /** the advisory lock key of the fold ("TALLY" in ASCII) */
    private static final long FOLD_LOCK = 0x54414C4C59L;

    private final EntityManager em;
    /** the highest tally row this replica has folded: rows up to it are not looked at again */
    private final AtomicLong foldedUpTo = new AtomicLong();

    CaseCounts(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Counts count(CaseAccess.Condition scope) {
        TypedQuery<Object[]> query = em.createQuery("""
                select t.status, t.slaState, sum(t.cases), sum(case when t.timed then t.cases else 0 end)
                from CaseTally t where %s
                group by t.status, t.slaState""".formatted(scope.jpql()), Object[].class);
        scope.params().forEach(query::setParameter);
        Map<CaseStatus, Long> byStatus = zeros(CaseStatus.class);
        Map<SlaState, Long> bySla = zeros(SlaState.class);
        long total = 0;
        for (Object[] row : query.getResultList()) {
            long cases = ((Number) row[2]).longValue();
            byStatus.merge((CaseStatus) row[0], cases, Long::sum);
            bySla.merge((SlaState) row[1], ((Number) row[3]).longValue(), Long::sum);
            total += cases;
        }
        return new Counts(total, byStatus, bySla);
    }

    /**
     * How many cases of the scope have the status and, when given, are in a timed step with the SLA state: the
     * list's total when it filters on nothing else.
     */
    @Transactional
    public long total(CaseAccess.Condition scope, CaseStatus status, SlaState sla) {
        StringBuilder where = new StringBuilder(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (status != null) {
            where.append(" and t.status = :tallyStatus");
            params.put("tallyStatus", status);
        }
        if (sla != null) {
            where.append(" and t.timed = true and t.slaState = :tallySla");
            params.put("tallySla", sla);
        }
        TypedQuery<Long> query = em.createQuery(
                "select coalesce(sum(t.cases), 0) from CaseTally t where " + where, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    @Scheduled(every = "${tiaojie.counts.fold-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldOnSchedule() {
        fold();
    }

    /**
     * Folds the tally rows added since the last fold; answers how many rows it folded. One fold at a time across
     * replicas (a transaction-scoped advisory lock): two at once could each take part of a group and leave it two rows.
     */
    @Transactional
    public long fold() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, FOLD_LOCK).getSingleResult();
        Object[] result = (Object[]) em.createNativeQuery(FOLD).setParameter(1, foldedUpTo.get()).getSingleResult();
        foldedUpTo.accumulateAndGet(((Number) result[0]).longValue(), Math::max);
        return ((Number) result[1]).longValue();
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        Arrays.stream(type.getEnumConstants()).forEach(e -> counts.put(e, 0L));
        return counts;
    }
}
