package cn.tiaojie.notify.service.scope;

import cn.tiaojie.notify.client.CaseClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Where a notice's case belongs (center and area), read once per case: from an earlier notice of the same case,
 * otherwise from case-service (GetCase). Notices stay acceptable while case-service is down: they are stored as
 * pending and completed in the background, and until then only admins and the recipient read them.
 */
@ApplicationScoped
public class CaseScopes {

    private static final int PENDING_CASES_PER_RUN = 50;

    private final EntityManager em;
    private final CaseClient cases;

    CaseScopes(EntityManager em, CaseClient cases) {
        this.em = em;
        this.cases = cases;
    }

    /** The scope for a new notice of {@code caseId}; never throws for an unreachable case-service. */
    public CaseScope forCase(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return CaseScope.NONE;
        }
        CaseScope known = QuarkusTransaction.requiringNew().call(() -> knownScope(caseId));
        return known != null ? known : cases.scopeOf(caseId);
    }

    /** Asks case-service again for the cases whose notices are still pending; runs in the background. */
    @Scheduled(every = "${tiaojie.notify.scope.retry-interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void completePending() {
        List<String> caseIds = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct n.caseId from Notice n where n.scopePending = true", String.class)
                .setMaxResults(PENDING_CASES_PER_RUN).getResultList());
        for (String caseId : caseIds) {
            CaseScope scope = cases.scopeOf(caseId);
            if (scope.pending()) {
                return; // case-service is still out of reach: try again on the next run
            }
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("""
                    update Notice n set n.centerCode = :center, n.areaCode = :area, n.scopePending = false
                    where n.caseId = :caseId and n.scopePending = true""")
                    .setParameter("center", scope.centerCode()).setParameter("area", scope.areaCode())
                    .setParameter("caseId", caseId).executeUpdate());
        }
    }

    private CaseScope knownScope(String caseId) {
        List<Object[]> rows = em.createQuery("""
                select n.centerCode, n.areaCode from Notice n
                where n.caseId = :caseId and n.centerCode is not null""", Object[].class)
                .setParameter("caseId", caseId).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : CaseScope.of((String) rows.getFirst()[0], (String) rows.getFirst()[1]);
    }
}
