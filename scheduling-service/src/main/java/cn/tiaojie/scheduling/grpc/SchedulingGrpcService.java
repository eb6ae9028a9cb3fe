package cn.tiaojie.scheduling.grpc;

import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.scheduling.v1.GetHearingRequest;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRecord;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.HearingStatus;
import cn.tiaojie.contracts.scheduling.v1.SchedulingService;
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.scheduling.client.HearingMessages;
import cn.tiaojie.scheduling.service.booking.BookedHearing;
import cn.tiaojie.scheduling.service.booking.HearingBooking;
import cn.tiaojie.scheduling.service.booking.HearingChanges;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Hearings as case-service asks for them. */
@GrpcService
@Blocking
public class SchedulingGrpcService implements SchedulingService {

    private final HearingBooking booking;
    private final HearingChanges changes;

    SchedulingGrpcService(HearingBooking booking, HearingChanges changes) {
        this.booking = booking;
        this.changes = changes;
    }

    @Override
    public Uni<Hearing> requestHearing(HearingRequest request) {
        return GrpcCalls.answer(() -> hearing(booking.request(HearingMessages.request(request))));
    }

    @Override
    public Uni<Hearing> recordHearing(HearingRecord request) {
        return GrpcCalls.answer(() -> hearing(changes.record(uuid("hearing_id", request.getHearingId()),
                uuid("case_id", request.getCaseId()), request.getHeld(), request.getReason(),
                request.getRecordedBy())));
    }

    @Override
    public Uni<Hearing> getHearing(GetHearingRequest request) {
        return GrpcCalls.answer(() -> {
            if (!request.getHearingId().isBlank()) {
                UUID id = uuid("hearing_id", request.getHearingId());
                return booking.hearing(id).map(SchedulingGrpcService::hearing)
                        .orElseThrow(() -> ProblemException.notFound("hearing", id));
            }
            if (!request.getCaseId().isBlank()) {
                UUID caseId = uuid("case_id", request.getCaseId());
                return booking.currentOfCase(caseId).map(SchedulingGrpcService::hearing)
                        .orElseThrow(() -> ProblemException.notFound("hearing of case", caseId));
            }
            throw ProblemException.badRequest("hearing_id", "hearing_id or case_id is required");
        });
    }

    static Hearing hearing(BookedHearing h) {
        return Hearing.newBuilder()
                .setHearingId(h.id().toString())
                .setCaseId(h.caseId().toString())
                .setStatus(HearingStatus.valueOf(h.status().name()))
                .setStartsAt(ProtoTime.of(h.startsAt()))
                .setEndsAt(ProtoTime.of(h.endsAt()))
                .setVenueId(h.venueId().toString())
                .setVenueName(h.venueName())
                .setVenueAddress(h.venueAddress())
                .addAllTeam(h.team().stream().map(s -> TeamMember.newBuilder().setMediatorId(s.mediatorId())
                        .setName(s.name()).setRole(s.role()).build()).toList())
                .setWithinDeadline(h.withinDeadline())
                .build();
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }
}
