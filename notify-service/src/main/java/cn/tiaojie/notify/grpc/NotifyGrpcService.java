package cn.tiaojie.notify.grpc;

import cn.tiaojie.contracts.notify.v1.GetNoticeStatusRequest;
import cn.tiaojie.contracts.notify.v1.NoticeAccepted;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NoticeStatus;
import cn.tiaojie.contracts.notify.v1.NotifyService;
import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.Notice;
import cn.tiaojie.notify.service.NoticeIntake;
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.grpc.GrpcService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Notices as the other services send them. */
@GrpcService
@Blocking
public class NotifyGrpcService implements NotifyService {

    private final NoticeIntake intake;

    NotifyGrpcService(NoticeIntake intake) {
        this.intake = intake;
    }

    @Override
    public Uni<NoticeAccepted> sendNotice(NoticeRequest request) {
        return GrpcCalls.answer(() -> {
            NoticeIntake.Accepted accepted = intake.accept(request);
            return NoticeAccepted.newBuilder().setNoticeId(accepted.noticeId().toString())
                    .setCreated(accepted.created()).build();
        });
    }

    @Override
    public Uni<NoticeStatus> getNoticeStatus(GetNoticeStatusRequest request) {
        return GrpcCalls.answer(() -> QuarkusTransaction.requiringNew().call(() -> status(request.getNoticeId())));
    }

    private static NoticeStatus status(String noticeId) {
        if (noticeId.isBlank()) {
            throw ProblemException.badRequest("notice_id", "is required");
        }
        Notice notice = Notice.findById(UUID.fromString(noticeId));
        if (notice == null) {
            throw ProblemException.notFound("notice", noticeId);
        }
        NoticeStatus.Builder status = NoticeStatus.newBuilder().setNoticeId(noticeId).setKind(notice.kind);
        Delivery.<Delivery>list("noticeId", Sort.ascending("channel"), notice.id).forEach(d -> {
            var delivery = cn.tiaojie.contracts.notify.v1.Delivery.newBuilder()
                    .setChannel(d.channel.toProto())
                    .setState(d.state.toProto())
                    .setUpdatedAt(ProtoTime.of(d.updatedAt));
            if (d.failureReason != null) {
                delivery.setFailureReason(d.failureReason);
            }
            status.addDeliveries(delivery);
        });
        if (notice.acknowledgedAt != null) {
            status.setAcknowledgedAt(ProtoTime.of(notice.acknowledgedAt));
        }
        return status.build();
    }
}
