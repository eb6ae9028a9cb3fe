package cn.tiaojie.notify;

import cn.tiaojie.contracts.cases.v1.CaseService;
import cn.tiaojie.contracts.cases.v1.CaseView;
import cn.tiaojie.contracts.cases.v1.GetCaseRequest;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.Recorded;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for case-service on the test port, over real gRPC: records the receipts notify-service reports. */
@GrpcService
public class RecordingCaseService implements CaseService {

    public static final List<NoticeAcknowledged> ACKNOWLEDGED = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Recorded> recordNoticeAcknowledged(NoticeAcknowledged request) {
        ACKNOWLEDGED.add(request);
        return Uni.createFrom().item(Recorded.newBuilder().setApplied(true).build());
    }

    @Override
    public Uni<CaseView> getCase(GetCaseRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<Recorded> recordTeamAssigned(TeamAssigned request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<Recorded> recordHearingScheduled(HearingScheduled request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
