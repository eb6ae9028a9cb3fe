package cn.tiaojie.mediator.grpc;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.mediator.service.MediatorTopics;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Tells case-service that every required role has accepted, so the case can be scheduled. */
@ApplicationScoped
public class RecordTeamAssignedHandler implements OutboxHandler {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Override
    public String topic() {
        return MediatorTopics.RECORD_TEAM_ASSIGNED;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        cases.withDeadlineAfter(10, TimeUnit.SECONDS).recordTeamAssigned(TeamAssigned.parseFrom(payload));
    }
}
