package cn.tiaojie.cases.grpc;

import cn.tiaojie.contracts.mediator.v1.AvailabilityReply;
import cn.tiaojie.contracts.mediator.v1.AvailabilityRequest;
import cn.tiaojie.contracts.mediator.v1.GetTeamRequest;
import cn.tiaojie.contracts.mediator.v1.MediatorService;
import cn.tiaojie.contracts.mediator.v1.Team;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.mediator.v1.TeamRequestAccepted;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for mediator-service on the test port, over real gRPC: records team requests, can refuse some. */
@GrpcService
public class RecordingMediatorService implements MediatorService {

    static final List<TeamRequest> REQUESTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAILURES_TO_GIVE = new AtomicInteger();

    @Override
    public Uni<TeamRequestAccepted> requestTeam(TeamRequest request) {
        if (FAILURES_TO_GIVE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
        }
        REQUESTS.add(request);
        return Uni.createFrom().item(TeamRequestAccepted.newBuilder()
                .setTeamId("team-" + request.getCaseId().substring(0, 8)).setCreated(true).build());
    }

    @Override
    public Uni<Team> getTeam(GetTeamRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<AvailabilityReply> getAvailability(AvailabilityRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
