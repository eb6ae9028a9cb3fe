package cn.tiaojie.notify.scope;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.CaseView;
import cn.tiaojie.contracts.cases.v1.GetCaseRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Where a notice's case belongs (center and area), read once per case: from an earlier notice of the same case,
 * otherwise from case-service (GetCase). Notices stay acceptable while case-service is down: they are stored as
 * pending and completed in the background, and until then only admins and the recipient read them.
 */
@ApplicationScoped
public class CaseScopes {

    private static final Logger LOG = Logger.getLogger(CaseScopes.class);
    private static final int PENDING_CASES_PER_RUN = 50;

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    private final EntityManager em;

    CaseScopes(EntityManager em) {
        this.em = em;
    }

    /** The scope for a new notice of {@code caseId}; never throws for an unreachable case-service. */
    public CaseScope forCase(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return CaseScope.NONE;
        }
        CaseScope known = QuarkusTransaction.requiringNew().call(() -> knownScope(caseId));
        return known != null ? known : askCaseService(caseId);
    }

    /** Asks case-service again for the cases whose notices are still pending; runs in the background. */
    @Scheduled(every = "${tiaojie.notify.scope.retry-interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void completePending() {
        List<String> caseIds = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct n.caseId from Notice n where n.scopePending = true", String.class)
                .setMaxResults(PENDING_CASES_PER_RUN).getResultList());
        for (String caseId : caseIds) {
            CaseScope scope = askCaseService(caseId);
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

    private CaseScope askCaseService(String caseId) {
        try {
            CaseView view = cases.withDeadlineAfter(3, TimeUnit.SECONDS)
                    .getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build());
            return CaseScope.of(view.getCenterCode(), view.getAreaCode());
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                return CaseScope.NONE;
            }
            LOG.debugf("case %s: case-service answered %s; its notices wait for their scope", caseId, code);
            return CaseScope.PENDING;
        }
    }
}
