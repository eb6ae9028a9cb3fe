package cn.tiaojie.notify.grpc;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.notify.service.EvaluationRatings;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Tells case-service the rating a party gave through their evaluation invitation. */
@ApplicationScoped
public class RecordRatingHandler implements OutboxHandler {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Override
    public String topic() {
        return EvaluationRatings.CASE_RATING_RECORDED;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        cases.withDeadlineAfter(10, TimeUnit.SECONDS).recordRating(PartyRating.parseFrom(payload));
    }
}
