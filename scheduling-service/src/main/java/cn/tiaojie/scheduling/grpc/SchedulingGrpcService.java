package cn.tiaojie.scheduling.grpc;

import cn.tiaojie.contracts.scheduling.v1.GetHearingRequest;
import cn.tiaojie.contracts.scheduling.v1.Hearing;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingService;
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.scheduling.service.booking.HearingBooking;
import cn.tiaojie.scheduling.client.HearingMessages;
import io.quarkus.grpc.GrpcService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/** Hearings as case-service asks for them. */
@GrpcService
@Blocking
public class SchedulingGrpcService implements SchedulingService {

    private final HearingBooking booking;
    private final HearingMessages messages;

    SchedulingGrpcService(HearingBooking booking, HearingMessages messages) {
        this.booking = booking;
        this.messages = messages;
    }

    @Override
    public Uni<Hearing> requestHearing(HearingRequest request) {
        return GrpcCalls.answer(() -> booking.request(request));
    }

    @Override
    public Uni<Hearing> getHearing(GetHearingRequest request) {
        return GrpcCalls.answer(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (!request.getHearingId().isBlank()) {
                UUID id = uuid("hearing_id", request.getHearingId());
                return Optional.ofNullable(cn.tiaojie.scheduling.model.Hearing.<cn.tiaojie.scheduling.model.Hearing>findById(id))
                        .map(messages::hearing)
                        .orElseThrow(() -> ProblemException.notFound("hearing", id));
            }
            if (!request.getCaseId().isBlank()) {
                UUID caseId = uuid("case_id", request.getCaseId());
                return cn.tiaojie.scheduling.model.Hearing.currentOfCase(caseId).map(messages::hearing)
                        .orElseThrow(() -> ProblemException.notFound("hearing of case", caseId));
            }
            throw ProblemException.badRequest("hearing_id", "hearing_id or case_id is required");
        }));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }
}
