package cn.tiaojie.notify.grpc;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.notify.service.SummonsAnswers;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Tells case-service the answer a department gave on the page of its summons. */
@ApplicationScoped
public class RecordSummonsAnswerHandler implements OutboxHandler {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Override
    public String topic() {
        return SummonsAnswers.CASE_SUMMONS_ANSWERED;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        cases.withDeadlineAfter(10, TimeUnit.SECONDS).recordSummonsAnswer(SummonsAnswered.parseFrom(payload));
    }
}
