package cn.tiaojie.cases.grpc;

import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.mediator.v1.MediatorServiceGrpc;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.mediator.v1.TeamRequestAccepted;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Hands a filed case to mediator-service; once it has taken it the case is DISPATCHED. */
@ApplicationScoped
public class RequestTeamHandler implements OutboxHandler {

    @GrpcClient("mediator")
    MediatorServiceGrpc.MediatorServiceBlockingStub mediator;

    private final CaseLifecycle lifecycle;

    RequestTeamHandler(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public String topic() {
        return CaseTopics.REQUEST_TEAM;
    }

    @Override
    public boolean writesToDatabase() {
        return true;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        TeamRequest request = TeamRequest.parseFrom(payload);
        TeamRequestAccepted accepted = mediator.withDeadlineAfter(10, TimeUnit.SECONDS).requestTeam(request);
        lifecycle.markDispatched(UUID.fromString(request.getCaseId()), accepted.getTeamId());
    }
}
