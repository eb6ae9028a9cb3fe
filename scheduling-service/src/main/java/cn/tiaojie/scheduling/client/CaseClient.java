package cn.tiaojie.scheduling.client;

import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/** case-service (gRPC client {@code case}), which follows its cases' hearings; reached by the outbox relay. */
@ApplicationScoped
public class CaseClient {

    static final String CLIENT = "case";

    @GrpcClient(CLIENT)
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    private final ClientDeadlines deadlines;

    CaseClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The case's hearing is booked (排期) or moved. */
    public void recordHearingScheduled(HearingScheduled message) {
        deadlines.apply(cases, CLIENT).recordHearingScheduled(message);
    }

    /** The case's hearing is off: the case waits for a new one. */
    public void recordHearingCancelled(HearingCancelled message) {
        deadlines.apply(cases, CLIENT).recordHearingCancelled(message);
    }
}
