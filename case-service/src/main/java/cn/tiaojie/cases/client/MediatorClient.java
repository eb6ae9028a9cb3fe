package cn.tiaojie.cases.client;

import cn.tiaojie.contracts.mediator.v1.MediatorServiceGrpc;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.mediator.v1.TeamRequestAccepted;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/** mediator-service, with the deadline {@code tiaojie.clients.mediator.deadline}. */
@ApplicationScoped
public class MediatorClient {

    @GrpcClient("mediator")
    MediatorServiceGrpc.MediatorServiceBlockingStub mediator;

    private final ClientDeadlines deadlines;

    MediatorClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Hands a filed case to matching; the answer names the team request. */
    public TeamRequestAccepted requestTeam(TeamRequest request) {
        return deadlines.apply(mediator, "mediator").requestTeam(request);
    }
}
