package cn.tiaojie.mediator.client;

import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;

/** notify-service as mediator-service calls it, each call with the {@code notify} client's deadline. */
@ApplicationScoped
public class NotifyClient {

    static final String NAME = "notify";

    private final NotifyServiceGrpc.NotifyServiceBlockingStub notify;
    private final ClientDeadlines deadlines;

    NotifyClient(@GrpcClient(NAME) NotifyServiceGrpc.NotifyServiceBlockingStub notify, ClientDeadlines deadlines) {
        this.notify = notify;
        this.deadlines = deadlines;
    }

    /** Hands a notice to notify-service, which tells the recipient by app, SMS and e-mail. */
    public void sendNotice(NoticeRequest notice) {
        deadlines.apply(notify, NAME).sendNotice(notice);
    }
}
