package cn.tiaojie.cases.service;

import cn.tiaojie.cases.CaseStatus;
import cn.tiaojie.cases.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** How many cases a caller's list holds, by status and by SLA state: one grouped query, no case loaded. */
@ApplicationScoped
public class CaseCounts {

    /** Every status and SLA state is present, 0 included; only cases in a timed step have an SLA state. */
    public record Counts(long total, Map<CaseStatus, Long> byStatus, Map<SlaState, Long> bySla) {
    }

    private final EntityManager em;

    CaseCounts(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Counts count(CaseAccess.Condition scope) {
        TypedQuery<Object[]> query = em.createQuery("""
                select c.status, c.slaState, count(c), count(c) filter (where c.step is not null)
                from DisputeCase c where %s
                group by c.status, c.slaState""".formatted(scope.jpql()), Object[].class);
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

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        Arrays.stream(type.getEnumConstants()).forEach(e -> counts.put(e, 0L));
        return counts;
    }
}
