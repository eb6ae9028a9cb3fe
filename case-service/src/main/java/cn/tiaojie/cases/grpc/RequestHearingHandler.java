package cn.tiaojie.cases.grpc;

import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Asks scheduling-service to book the hearing of a case whose team is formed. */
@ApplicationScoped
public class RequestHearingHandler implements OutboxHandler {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Override
    public String topic() {
        return CaseTopics.REQUEST_HEARING;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        scheduling.withDeadlineAfter(10, TimeUnit.SECONDS).requestHearing(HearingRequest.parseFrom(payload));
    }
}
