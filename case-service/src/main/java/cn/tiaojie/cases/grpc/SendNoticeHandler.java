package cn.tiaojie.cases.grpc;

import cn.tiaojie.cases.client.CaseTopics;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.platform.outbox.OutboxHandler;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Hands supervisor alerts to notify-service; its idempotency key makes a repeated delivery harmless. */
@ApplicationScoped
public class SendNoticeHandler implements OutboxHandler {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Override
    public String topic() {
        return CaseTopics.SEND_NOTICE;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        notify.withDeadlineAfter(10, TimeUnit.SECONDS).sendNotice(NoticeRequest.parseFrom(payload));
    }
}
