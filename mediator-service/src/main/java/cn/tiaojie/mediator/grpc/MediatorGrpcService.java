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
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.service.AvailabilityCalendar;
import cn.tiaojie.mediator.service.MediatorMessages;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.grpc.GrpcService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/** Teams and availability as case-service and scheduling-service ask for them. */
@GrpcService
@Blocking
public class MediatorGrpcService implements MediatorService {

    private final TeamFormation formation;
    private final AvailabilityCalendar calendar;
    private final MediatorMessages messages;

    MediatorGrpcService(TeamFormation formation, AvailabilityCalendar calendar, MediatorMessages messages) {
        this.formation = formation;
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public Uni<TeamRequestAccepted> requestTeam(TeamRequest request) {
        return GrpcCalls.answer(() -> {
            TeamFormation.Requested requested = formation.requestTeam(request);
            return TeamRequestAccepted.newBuilder()
                    .setTeamId(requested.team().id.toString())
                    .setCreated(requested.created())
                    .build();
        });
    }

    @Override
    public Uni<Team> getTeam(GetTeamRequest request) {
        return GrpcCalls.answer(() -> QuarkusTransaction.requiringNew().call(() -> {
            UUID caseId = uuid(request.getCaseId());
            return cn.tiaojie.mediator.model.Team.ofCase(caseId).map(messages::team)
                    .orElseThrow(() -> ProblemException.notFound("team of case", request.getCaseId()));
        }));
    }

    @Override
    public Uni<AvailabilityReply> getAvailability(AvailabilityRequest request) {
        return GrpcCalls.answer(() -> QuarkusTransaction.requiringNew().call(() -> {
            Instant from = ProtoTime.toInstant(request.getFrom());
            Instant to = ProtoTime.toInstant(request.getTo());
            AvailabilityCalendar.checkRange(from, to);
            AvailabilityReply.Builder reply = AvailabilityReply.newBuilder();
            for (String id : request.getMediatorIdsList()) {
                Mediator mediator = Mediator.findById(id);
                if (mediator == null) {
                    throw ProblemException.notFound("mediator", id);
                }
                MediatorAvailability.Builder availability = MediatorAvailability.newBuilder().setMediatorId(id);
                calendar.freeWindows(mediator, from, to).forEach(w -> availability.addFree(TimeWindow.newBuilder()
                        .setStart(ProtoTime.of(w.start())).setEnd(ProtoTime.of(w.end()))));
                reply.addMediators(availability);
            }
            return reply.build();
        }));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("case_id", "must be a UUID");
        }
    }
}
