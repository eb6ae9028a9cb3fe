package cn.tiaojie.cases.grpc;

import cn.tiaojie.cases.client.CaseMessages;
import cn.tiaojie.cases.service.aftercare.Aftercare;
import cn.tiaojie.cases.service.aftercare.AftercareCommands;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.lifecycle.Reports;
import cn.tiaojie.cases.service.lifecycle.TeamMember;
import cn.tiaojie.cases.service.reads.CaseReads;
import cn.tiaojie.cases.service.summons.SummonsCommands;
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
import cn.tiaojie.platform.grpc.ProtoTime;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** The case file as other services see it: each call maps its message to the service's own types and back. */
@GrpcService
@Blocking
public class CaseGrpcService implements CaseService {

    private final CaseLifecycle lifecycle;
    private final CaseReads reads;
    private final CaseMessages messages;
    private final Aftercare aftercare;
    private final Summonses summonses;

    CaseGrpcService(CaseLifecycle lifecycle, CaseReads reads, CaseMessages messages, Aftercare aftercare,
            Summonses summonses) {
        this.lifecycle = lifecycle;
        this.reads = reads;
        this.messages = messages;
        this.aftercare = aftercare;
        this.summonses = summonses;
    }

    @Override
    public Uni<CaseView> getCase(GetCaseRequest request) {
        return GrpcCalls.answer(() -> reads.forService(request.getCaseId(), messages::view));
    }

    @Override
    public Uni<Recorded> recordTeamAssigned(TeamAssigned m) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordTeamAssigned(new Reports.TeamAssigned(
                m.getMessageId(), m.getCaseId(), m.getTeamId(), m.getMembersList().stream()
                        .map(t -> new TeamMember(t.getMediatorId(), t.getRole(), t.getName(), t.getPhone(), t.getEmail()))
                        .toList()))));
    }

    @Override
    public Uni<Recorded> recordHearingScheduled(HearingScheduled m) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordHearingScheduled(new Reports.HearingScheduled(
                m.getMessageId(), m.getCaseId(), m.getHearingId(), ProtoTime.toInstant(m.getStartsAt()),
                m.getVenueName(), m.getWithinDeadline()))));
    }

    @Override
    public Uni<Recorded> recordHearingCancelled(HearingCancelled m) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordHearingCancelled(new Reports.HearingCancelled(
                m.getMessageId(), m.getCaseId(), m.getHearingId(),
                m.hasCancelledAt() ? ProtoTime.toInstant(m.getCancelledAt()) : null, m.getCancelledBy(),
                m.getReason()))));
    }

    @Override
    public Uni<Recorded> recordNoticeAcknowledged(NoticeAcknowledged m) {
        return GrpcCalls.answer(() -> recorded(lifecycle.recordNoticeAcknowledged(new Reports.NoticeAcknowledged(
                m.getMessageId(), m.getCaseId(), m.getNoticeId(), m.getPartyId(), m.getChannel(),
                ProtoTime.toInstant(m.getAcknowledgedAt())))));
    }

    @Override
    public Uni<Recorded> recordRating(PartyRating m) {
        return GrpcCalls.answer(() -> recorded(aftercare.recordRating(new AftercareCommands.RelayedRating(
                m.getMessageId(), m.getCaseId(), m.getPartyId(), m.getNoticeId(), m.getScore(), m.getComment(),
                ProtoTime.toInstant(m.getRatedAt())))));
    }

    @Override
    public Uni<Recorded> recordSummonsAnswer(SummonsAnswered m) {
        return GrpcCalls.answer(() -> recorded(summonses.recordFromLink(new SummonsCommands.LinkAnswer(
                m.getMessageId(), m.getCaseId(), m.getSummonsId(), m.getResponse(), m.getNote(), m.getAttendee(),
                m.hasArrivesAt() ? ProtoTime.toInstant(m.getArrivesAt()) : null))));
    }

    private static Recorded recorded(boolean applied) {
        return Recorded.newBuilder().setApplied(applied).build();
    }
}
