package cn.tiaojie.mediator.grpc;

import cn.tiaojie.contracts.common.v1.TimeWindow;
import cn.tiaojie.contracts.mediator.v1.AvailabilityReply;
import cn.tiaojie.contracts.mediator.v1.AvailabilityRequest;
import cn.tiaojie.contracts.mediator.v1.GetTeamRequest;
import cn.tiaojie.contracts.mediator.v1.MediatorAvailability;
import cn.tiaojie.contracts.mediator.v1.MediatorService;
import cn.tiaojie.contracts.mediator.v1.Team;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.mediator.v1.TeamRequestAccepted;
import cn.tiaojie.mediator.client.MediatorMessages;
import cn.tiaojie.mediator.service.AvailabilityCalendar;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.mediator.service.Teams;
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teams and availability as case-service and scheduling-service ask for them. */
@GrpcService
@Blocking
public class MediatorGrpcService implements MediatorService {

    private final TeamFormation formation;
    private final Teams teams;
    private final AvailabilityCalendar calendar;

    MediatorGrpcService(TeamFormation formation, Teams teams, AvailabilityCalendar calendar) {
        this.formation = formation;
        this.teams = teams;
        this.calendar = calendar;
    }

    @Override
    public Uni<TeamRequestAccepted> requestTeam(TeamRequest request) {
        return GrpcCalls.answer(() -> {
            TeamFormation.Requested requested = formation.requestTeam(TeamRequests.of(request));
            return TeamRequestAccepted.newBuilder()
                    .setTeamId(requested.team().id.toString())
                    .setCreated(requested.created())
                    .build();
        });
    }

    @Override
    public Uni<Team> getTeam(GetTeamRequest request) {
        return GrpcCalls.answer(() -> {
            UUID caseId = uuid(request.getCaseId());
            return teams.summaryOfCase(caseId).map(MediatorMessages::team)
                    .orElseThrow(() -> ProblemException.notFound("team of case", request.getCaseId()));
        });
    }

    @Override
    public Uni<AvailabilityReply> getAvailability(AvailabilityRequest request) {
        return GrpcCalls.answer(() -> {
            Map<String, List<AvailabilityCalendar.Window>> free = calendar.freeWindowsOf(request.getMediatorIdsList(),
                    ProtoTime.toInstant(request.getFrom()), ProtoTime.toInstant(request.getTo()));
            AvailabilityReply.Builder reply = AvailabilityReply.newBuilder();
            free.forEach((id, windows) -> {
                MediatorAvailability.Builder availability = MediatorAvailability.newBuilder().setMediatorId(id);
                windows.forEach(w -> availability.addFree(TimeWindow.newBuilder()
                        .setStart(ProtoTime.of(w.start())).setEnd(ProtoTime.of(w.end()))));
                reply.addMediators(availability);
            });
            return reply.build();
        });
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("case_id", "must be a UUID");
        }
    }
}
