package cn.tiaojie.scheduling.grpc;

import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NotifyServiceGrpc;
import cn.tiaojie.platform.outbox.OutboxHandler;
import cn.tiaojie.scheduling.service.SchedulingTopics;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Hands a hearing notice to notify-service, which sends it on the recipient's channels. */
@ApplicationScoped
public class SendNoticeHandler implements OutboxHandler {

    @GrpcClient("notify")
    NotifyServiceGrpc.NotifyServiceBlockingStub notify;

    @Override
    public String topic() {
        return SchedulingTopics.SEND_NOTICE;
    }

    @Override
    public void deliver(byte[] payload) throws Exception {
        notify.withDeadlineAfter(10, TimeUnit.SECONDS).sendNotice(NoticeRequest.parseFrom(payload));
    }
}
