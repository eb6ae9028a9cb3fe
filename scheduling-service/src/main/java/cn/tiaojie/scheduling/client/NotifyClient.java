package cn.tiaojie.scheduling.client;

import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * notify-service (gRPC client {@code notify}), which sends a notice on the recipient's channels; reached by the
 * outbox relay.
 */
@ApplicationScoped
public class NotifyClient {

    static final String CLIENT = "notify";

    @GrpcClient(CLIENT)
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    private final ClientDeadlines deadlines;

    NotifyClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    public void sendNotice(NoticeRequest notice) {
        deadlines.apply(notify, CLIENT).sendNotice(notice);
    }
}
