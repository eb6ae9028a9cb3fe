package cn.tiaojie.mediator.client;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/** case-service as mediator-service calls it, each call with the {@code case} client's deadline. */
@ApplicationScoped
public class CaseClient {

    static final String NAME = "case";

    private final CaseServiceGrpc.CaseServiceBlockingStub cases;
    private final ClientDeadlines deadlines;

    CaseClient(@GrpcClient(NAME) CaseServiceGrpc.CaseServiceBlockingStub cases, ClientDeadlines deadlines) {
        this.cases = cases;
        this.deadlines = deadlines;
    }

    /** Tells case-service that every required role has accepted, so the case can be scheduled. */
    public void recordTeamAssigned(TeamAssigned assigned) {
        deadlines.apply(cases, NAME).recordTeamAssigned(assigned);
    }
}
