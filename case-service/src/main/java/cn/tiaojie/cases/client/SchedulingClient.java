package cn.tiaojie.cases.client;

import cn.tiaojie.contracts.scheduling.v1.HearingRecord;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/** scheduling-service, with the deadline {@code tiaojie.clients.scheduling.deadline}. */
@ApplicationScoped
public class SchedulingClient {

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    private final ClientDeadlines deadlines;

    SchedulingClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Asks for the hearing of a case whose team is formed. */
    public void requestHearing(HearingRequest request) {
        deadlines.apply(scheduling, "scheduling").requestHearing(request);
    }

    /** Tells that the case's hearing was held or not held. */
    public void recordHearing(HearingRecord record) {
        deadlines.apply(scheduling, "scheduling").recordHearing(record);
    }
}
