package cn.tiaojie.mediator.grpc;

import cn.tiaojie.contracts.cases.v1.CaseService;
import cn.tiaojie.contracts.cases.v1.CaseView;
import cn.tiaojie.contracts.cases.v1.GetCaseRequest;
import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.Recorded;
import cn.tiaojie.contracts.notify.v1.GetNoticeStatusRequest;
import cn.tiaojie.contracts.notify.v1.NoticeAccepted;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.NoticeStatus;
import cn.tiaojie.contracts.notify.v1.NotifyService;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for case-service and notify-service, served by the test application itself: in tests every gRPC client
 * calls the application's own port, so the outbox handlers deliver here and the tests read what arrived.
 */
final class RecordingRemoteServices {

    static final List<TeamAssigned> TEAMS_ASSIGNED = new CopyOnWriteArrayList<>();
    static final List<NoticeRequest> NOTICES = new CopyOnWriteArrayList<>();

    private RecordingRemoteServices() {
    }

    @GrpcService
    static class RecordingCaseService implements CaseService {

        @Override
        public Uni<Recorded> recordTeamAssigned(TeamAssigned request) {
            TEAMS_ASSIGNED.add(request);
            return Uni.createFrom().item(Recorded.newBuilder().setApplied(true).build());
        }

        @Override
        public Uni<CaseView> getCase(GetCaseRequest request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }

        @Override
        public Uni<Recorded> recordHearingScheduled(HearingScheduled request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }

        @Override
        public Uni<Recorded> recordHearingCancelled(HearingCancelled request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }

        @Override
        public Uni<Recorded> recordNoticeAcknowledged(NoticeAcknowledged request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }

        @Override
        public Uni<Recorded> recordRating(PartyRating request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }

        @Override
        public Uni<Recorded> recordSummonsAnswer(SummonsAnswered request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }
    }

    @GrpcService
    static class RecordingNotifyService implements NotifyService {

        @Override
        public Uni<NoticeAccepted> sendNotice(NoticeRequest request) {
            NOTICES.add(request);
            return Uni.createFrom().item(NoticeAccepted.newBuilder().setNoticeId(UUID.randomUUID().toString())
                    .setCreated(true).build());
        }

        @Override
        public Uni<NoticeStatus> getNoticeStatus(GetNoticeStatusRequest request) {
            return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
        }
    }
}
