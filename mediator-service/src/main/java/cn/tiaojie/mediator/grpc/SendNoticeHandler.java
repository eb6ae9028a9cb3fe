package cn.tiaojie.mediator.grpc;

import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.mediator.service.MediatorTopics;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Hands an offer notice to notify-service, which tells the mediator by app, SMS and e-mail. */
@ApplicationScoped
public class SendNoticeHandler implements OutboxHandler {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Override
    public String topic() {
        return MediatorTopics.SEND_NOTICE;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        notify.withDeadlineAfter(10, TimeUnit.SECONDS).sendNotice(NoticeRequest.parseFrom(payload));
    }
}
