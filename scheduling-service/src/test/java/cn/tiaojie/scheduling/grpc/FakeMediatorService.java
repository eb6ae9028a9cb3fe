package cn.tiaojie.scheduling.grpc;

import cn.tiaojie.contracts.common.v1.TimeWindow;
import cn.tiaojie.contracts.mediator.v1.AvailabilityReply;
import cn.tiaojie.contracts.mediator.v1.AvailabilityRequest;
import cn.tiaojie.contracts.mediator.v1.GetTeamRequest;
import cn.tiaojie.contracts.mediator.v1.MediatorAvailability;
import cn.tiaojie.contracts.mediator.v1.MediatorService;
import cn.tiaojie.contracts.mediator.v1.Team;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.mediator.v1.TeamRequestAccepted;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.service.booking.TimeRange;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mediator-service as seen by the tests: GetAvailability answers from windows the tests set. A mediator without
 * windows set is free the whole asked range. The app's "mediator" client reaches this over real gRPC.
 */
@GrpcService
public class FakeMediatorService implements MediatorService {

    private static final Map<String, List<TimeRange>> WINDOWS = new ConcurrentHashMap<>();

    public static void setFreeWindows(String mediatorId, List<TimeRange> windows) {
        WINDOWS.put(mediatorId, List.copyOf(windows));
    }

    @Override
    public Uni<AvailabilityReply> getAvailability(AvailabilityRequest request) {
        TimeRange asked = new TimeRange(ProtoTime.toInstant(request.getFrom()), ProtoTime.toInstant(request.getTo()));
        AvailabilityReply.Builder reply = AvailabilityReply.newBuilder();
        for (String id : request.getMediatorIdsList()) {
            MediatorAvailability.Builder mediator = MediatorAvailability.newBuilder().setMediatorId(id);
            for (TimeRange window : WINDOWS.getOrDefault(id, List.of(asked))) {
                mediator.addFree(TimeWindow.newBuilder()
                        .setStart(ProtoTime.of(window.start())).setEnd(ProtoTime.of(window.end())));
            }
            reply.addMediators(mediator);
        }
        return Uni.createFrom().item(reply.build());
    }

    @Override
    public Uni<TeamRequestAccepted> requestTeam(TeamRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<Team> getTeam(GetTeamRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
