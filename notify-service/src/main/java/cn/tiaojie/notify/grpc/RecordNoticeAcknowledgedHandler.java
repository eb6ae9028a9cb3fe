package cn.tiaojie.notify.grpc;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.notify.service.ProofOfService;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Tells case-service that a party confirmed receipt of a notice (proof of service). */
@ApplicationScoped
public class RecordNoticeAcknowledgedHandler implements OutboxHandler {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Override
    public String topic() {
        return ProofOfService.CASE_NOTICE_ACKNOWLEDGED;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        cases.withDeadlineAfter(10, TimeUnit.SECONDS).recordNoticeAcknowledged(NoticeAcknowledged.parseFrom(payload));
    }
}
