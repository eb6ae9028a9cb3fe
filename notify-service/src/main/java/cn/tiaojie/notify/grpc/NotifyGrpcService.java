package cn.tiaojie.notify.grpc;

import cn.tiaojie.contracts.notify.v1.GetNoticeStatusRequest;
import cn.tiaojie.contracts.notify.v1.NoticeAccepted;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NoticeStatus;
import cn.tiaojie.contracts.notify.v1.NotifyService;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.service.Notices;
import cn.tiaojie.notify.service.intake.NoticeCommand;
import cn.tiaojie.notify.service.intake.NoticeIntake;
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/** Notices as the other services send them. */
@GrpcService
@Blocking
public class NotifyGrpcService implements NotifyService {

    private final NoticeIntake intake;
    private final Notices notices;

    NotifyGrpcService(NoticeIntake intake, Notices notices) {
        this.intake = intake;
        this.notices = notices;
    }

    @Override
    public Uni<NoticeAccepted> sendNotice(NoticeRequest request) {
        return GrpcCalls.answer(() -> {
            NoticeIntake.Accepted accepted = intake.accept(command(request));
            return NoticeAccepted.newBuilder().setNoticeId(accepted.noticeId().toString())
                    .setCreated(accepted.created()).build();
        });
    }

    @Override
    public Uni<NoticeStatus> getNoticeStatus(GetNoticeStatusRequest request) {
        return GrpcCalls.answer(() -> status(request.getNoticeId()));
    }

    /** The request in the service's terms; channels this build does not know are left out. */
    static NoticeCommand command(NoticeRequest request) {
        NoticeCommand.Recipient recipient = null;
        if (request.hasRecipient()) {
            Recipient r = request.getRecipient();
            recipient = new NoticeCommand.Recipient(r.getKind(), r.getId(), r.getName(), r.getPhone(), r.getEmail(),
                    r.getLanguage(), r.getChannelsList().stream().map(Channel::of).flatMap(Optional::stream).toList());
        }
        return new NoticeCommand(request.getIdempotencyKey(), request.getKind(), request.getCaseId(),
                request.getCaseNo(), recipient, request.getFieldsMap(), request.getUrgent());
    }

    private NoticeStatus status(String noticeId) {
        if (noticeId.isBlank()) {
            throw ProblemException.badRequest("notice_id", "is required");
        }
        Notices.Details details = notices.details(UUID.fromString(noticeId));
        NoticeStatus.Builder status = NoticeStatus.newBuilder().setNoticeId(noticeId).setKind(details.notice().kind);
        details.deliveries().forEach(d -> {
            var delivery = cn.tiaojie.contracts.notify.v1.Delivery.newBuilder()
                    .setChannel(d.channel.toProto())
                    .setState(d.state.toProto())
                    .setUpdatedAt(ProtoTime.of(d.updatedAt));
            if (d.failureReason != null) {
                delivery.setFailureReason(d.failureReason);
            }
            status.addDeliveries(delivery);
        });
        if (details.notice().acknowledgedAt != null) {
            status.setAcknowledgedAt(ProtoTime.of(details.notice().acknowledgedAt));
        }
        return status.build();
    }
}
