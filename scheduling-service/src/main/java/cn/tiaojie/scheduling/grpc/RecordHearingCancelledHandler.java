package cn.tiaojie.scheduling.grpc;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.platform.outbox.OutboxHandler;
import cn.tiaojie.scheduling.service.SchedulingTopics;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Tells case-service that its case's hearing is cancelled, so the case waits for a new one. */
@ApplicationScoped
public class RecordHearingCancelledHandler implements OutboxHandler {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Override
    public String topic() {
        return SchedulingTopics.RECORD_HEARING_CANCELLED;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        cases.withDeadlineAfter(10, TimeUnit.SECONDS).recordHearingCancelled(HearingCancelled.parseFrom(payload));
    }
}
