package cn.tiaojie.cases.grpc;

import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.service.aftercare.Aftercare;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.client.CaseMessages;
import cn.tiaojie.cases.service.summons.Summonses;
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
import cn.tiaojie.platform.grpc.GrpcCalls;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.grpc.GrpcService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** The case file as other services see it. */
@GrpcService
@Blocking
public class CaseGrpcService implements CaseService {

    private final CaseLifecycle lifecycle;
    private final CaseMessages messages;
    private final Aftercare aftercare;
    private final Summonses summonses;

    CaseGrpcService(CaseLifecycle lifecycle, CaseMessages messages, Aftercare aftercare, Summonses summonses) {
        this.lifecycle = lifecycle;
        this.messages = messages;
        this.aftercare = aftercare;
        this.summonses = summonses;
    }

    @Override
    public Uni<CaseView> getCase(GetCaseRequest request) {
        return GrpcCalls.answer(() -> QuarkusTransaction.requiringNew().call(() -> {
            DisputeCase c = DisputeCase.findById(UUID.fromString(request.getCaseId()));
            if (c == null) {
                throw ProblemException.notFound("case", request.getCaseId());
            }
            return messages.view(c);
        }));
    }

    @Override
    public Uni<Recorded> recordTeamAssigned(TeamAssigned request) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordTeamAssigned(request)));
    }

    @Override
    public Uni<Recorded> recordHearingScheduled(HearingScheduled request) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordHearingScheduled(request)));
    }

    @Override
    public Uni<Recorded> recordHearingCancelled(HearingCancelled request) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordHearingCancelled(request)));
    }

    @Override
    public Uni<Recorded> recordNoticeAcknowledged(NoticeAcknowledged request) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordNoticeAcknowledged(request)));
    }

    @Override
    public Uni<Recorded> recordRating(PartyRating request) {
        return GrpcCalls.answer(() -> recorded(aftercare.recordRating(request)));
    }

    @Override
    public Uni<Recorded> recordSummonsAnswer(SummonsAnswered request) {
        return GrpcCalls.answer(() -> recorded(summonses.recordFromLink(request)));
    }

    private static Recorded recorded(boolean applied) {
        return Recorded.newBuilder().setApplied(applied).build();
    }
}
