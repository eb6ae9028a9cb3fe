package cn.tiaojie.notify.client;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.CaseView;
import cn.tiaojie.contracts.cases.v1.GetCaseRequest;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.notify.service.scope.CaseScope;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * case-service, as notify-service calls it: the receipts, ratings and summons answers the outbox relays (deadline
 * {@code tiaojie.clients.case.deadline}), and the center and area of a case (deadline
 * {@code tiaojie.clients.case-scope.deadline}, short, since a notice's intake waits for it).
 */
@ApplicationScoped
public class CaseClient {

    private static final Logger LOG = Logger.getLogger(CaseClient.class);
    static final String CLIENT = "case";
    static final String SCOPE_LOOKUP = "case-scope";

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    private final ClientDeadlines deadlines;

    CaseClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    public void recordNoticeAcknowledged(NoticeAcknowledged message) {
        deadlines.apply(cases, CLIENT).recordNoticeAcknowledged(message);
    }

    public void recordRating(PartyRating message) {
        deadlines.apply(cases, CLIENT).recordRating(message);
    }

    public void recordSummonsAnswer(SummonsAnswered message) {
        deadlines.apply(cases, CLIENT).recordSummonsAnswer(message);
    }

    /**
     * The case's center and area; {@link CaseScope#NONE} for a case case-service does not know, and
     * {@link CaseScope#PENDING} when it cannot be asked now. Never throws for an unreachable case-service.
     */
    public CaseScope scopeOf(String caseId) {
        try {
            CaseView view = deadlines.apply(cases, SCOPE_LOOKUP)
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
