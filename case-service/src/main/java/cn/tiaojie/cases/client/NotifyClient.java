package cn.tiaojie.cases.client;

import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/** notify-service, with the deadline {@code tiaojie.clients.notify.deadline}. */
@ApplicationScoped
public class NotifyClient {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    private final ClientDeadlines deadlines;

    NotifyClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Sends a notice; its idempotency key makes a repeated delivery harmless. */
    public void sendNotice(NoticeRequest request) {
        deadlines.apply(notify, "notify").sendNotice(request);
    }
}
