package cn.tiaojie.cases.service;

import cn.tiaojie.cases.CaseEvent;
import cn.tiaojie.cases.CaseStatus;
import cn.tiaojie.cases.CaseTeamMember;
import cn.tiaojie.cases.Center;
import cn.tiaojie.cases.Channel;
import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.NoticeReceipt;
import cn.tiaojie.cases.Party;
import cn.tiaojie.cases.PartyRole;
import cn.tiaojie.cases.RiskFlag;
import cn.tiaojie.cases.rest.NewCaseRequest;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registers disputes and moves them through their lifecycle; every change is one transaction. */
@ApplicationScoped
public class CaseLifecycle {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Taxonomy taxonomy;
    private final Outbox outbox;
    private final Inbox inbox;
    private final CaseMessages messages;

    CaseLifecycle(Taxonomy taxonomy, Outbox outbox, Inbox inbox, CaseMessages messages) {
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.inbox = inbox;
        this.messages = messages;
    }

    @Transactional
    public DisputeCase register(NewCaseRequest request, String centerCode, String actor) {
        Center center = Center.findById(centerCode);
        if (center == null) {
            throw new ProblemException(403, "Forbidden", "your token names no known mediation center");
        }
        Taxonomy.Subcategory subcategory = taxonomy.subcategory(request.subcategory())
                .orElseThrow(() -> ProblemException.badRequest("subcategory", "unknown subcategory code"));
        checkParties(request);
        if (request.channel().isReferral() && request.referral() == null) {
            throw ProblemException.badRequest("referral", "a referral from " + request.channel() + " needs its source and reference number");
        }
        Set<RiskFlag> risks = request.riskFlags() == null || request.riskFlags().isEmpty()
                ? EnumSet.noneOf(RiskFlag.class) : EnumSet.copyOf(request.riskFlags());
        Instant now = Instant.now();

        DisputeCase c = new DisputeCase();
        c.id = UUID.randomUUID();
        c.caseNo = nextCaseNumber();
        c.centerCode = center.code;
        c.status = CaseStatus.RECEIVED;
        c.channel = request.channel();
        c.subcategory = subcategory.code();
        c.areaCode = request.areaCode();
        AreaLevel level = AreaLevel.valueOf(subcategory.defaultLevel());
        c.level = risks.isEmpty() ? level : level.higher();
        c.summary = request.summary().strip();
        c.description = request.description();
        c.amountInDispute = request.amountInDispute();
        c.riskFlags = risks.stream().map(Enum::name).collect(Collectors.joining(","));
        c.urgent = RiskFlag.anyUrgent(risks);
        if (request.referral() != null) {
            c.referralSource = request.referral().source();
            c.referralReference = request.referral().reference();
        }
        int resolutionHours = subcategory.slaHours().resolution();
        if (c.channel == Channel.COURT_REFERRAL) {
            resolutionHours = Math.min(resolutionHours, taxonomy.document().courtReferralResolutionHours());
        }
        c.deadline = now.plus(Duration.ofHours(resolutionHours));
        c.createdBy = actor;
        c.createdAt = now;
        c.updatedAt = now;
        int position = 0;
        for (NewCaseRequest.NewParty p : request.parties()) {
            Party party = new Party();
            party.id = UUID.randomUUID();
            party.disputeCase = c;
            party.position = position++;
            party.role = p.role().name();
            party.kind = p.kind().name();
            party.name = p.name().strip();
            party.phone = p.phone();
            party.idNumber = p.idNumber();
            party.email = p.email();
            party.language = p.language() == null ? "zh-CN" : p.language();
            party.preferredChannels = p.preferredChannels() == null ? "" : String.join(",", p.preferredChannels());
            c.parties.add(party);
        }
        c.persist();
        CaseEvent.record(c.id, "RECEIVED", actor, "registered from " + c.channel);
        return c;
    }

    /** 立案: accept the case for mediation and ask mediator-service for a team. */
    @Transactional
    public DisputeCase file(UUID id, Long expectedVersion, String actor) {
        DisputeCase c = load(id, expectedVersion);
        move(c, CaseStatus.FILED, actor, null);
        outbox.enqueue(CaseTopics.REQUEST_TEAM, messages.teamRequest(c));
        return c;
    }

    /** 不予受理, with the reason the parties will be told. */
    @Transactional
    public DisputeCase reject(UUID id, Long expectedVersion, String reason, String actor) {
        DisputeCase c = load(id, expectedVersion);
        move(c, CaseStatus.REJECTED, actor, reason);
        c.rejectionReason = reason;
        return c;
    }

    /** mediator-service took the team request: offers are going out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markDispatched(UUID id, String teamId) {
        DisputeCase c = DisputeCase.findById(id);
        if (c != null && c.status == CaseStatus.FILED) {
            c.teamId = teamId;
            move(c, CaseStatus.DISPATCHED, "mediator-service", "team request " + teamId);
        }
    }

    @Transactional
    public boolean recordTeamAssigned(TeamAssigned message) {
        if (!inbox.firstDelivery(message.getMessageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.getCaseId());
        if (c.status == CaseStatus.FILED) {
            // the team may form before the relay has recorded the dispatch
            move(c, CaseStatus.DISPATCHED, "mediator-service", "team request " + message.getTeamId());
        }
        if (c.status != CaseStatus.DISPATCHED) {
            return false;
        }
        c.teamId = message.getTeamId();
        CaseTeamMember.delete("caseId", c.id);
        for (var m : message.getMembersList()) {
            CaseTeamMember member = new CaseTeamMember();
            member.caseId = c.id;
            member.mediatorId = m.getMediatorId();
            member.role = m.getRole().name();
            member.name = m.getName();
            member.persist();
        }
        String team = message.getMembersList().stream().map(m -> m.getRole() + " " + m.getName())
                .collect(Collectors.joining(", "));
        move(c, CaseStatus.TEAM_ASSIGNED, "mediator-service", team);
        outbox.enqueue(CaseTopics.REQUEST_HEARING, messages.hearingRequest(c, message.getMembersList()));
        return true;
    }

    @Transactional
    public boolean recordHearingScheduled(HearingScheduled message) {
        if (!inbox.firstDelivery(message.getMessageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.getCaseId());
        if (!c.status.canMoveTo(CaseStatus.HEARING_SCHEDULED)) {
            return false;
        }
        c.hearingId = message.getHearingId();
        c.hearingStartsAt = ProtoTime.toInstant(message.getStartsAt());
        c.hearingVenue = message.getVenueName();
        String detail = c.hearingStartsAt.atZone(CHINA).toLocalDateTime() + " @ " + message.getVenueName()
                + (message.getWithinDeadline() ? "" : " (after the deadline)");
        move(c, CaseStatus.HEARING_SCHEDULED, "scheduling-service", detail);
        return true;
    }

    @Transactional
    public boolean recordNoticeAcknowledged(NoticeAcknowledged message) {
        if (!inbox.firstDelivery(message.getMessageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.getCaseId());
        if (NoticeReceipt.findById(message.getNoticeId()) != null) {
            return false;
        }
        NoticeReceipt receipt = new NoticeReceipt();
        receipt.noticeId = message.getNoticeId();
        receipt.caseId = c.id;
        receipt.partyId = message.getPartyId();
        receipt.channel = message.getChannel().name();
        receipt.acknowledgedAt = ProtoTime.toInstant(message.getAcknowledgedAt());
        receipt.persist();
        CaseEvent.record(c.id, "NOTICE_ACKNOWLEDGED", "party " + message.getPartyId(),
                "notice " + message.getNoticeId() + " via " + message.getChannel());
        return true;
    }

    private void move(DisputeCase c, CaseStatus target, String actor, String detail) {
        if (!c.status.canMoveTo(target)) {
            throw ProblemException.conflict("case " + c.caseNo + " is " + c.status + " and cannot become " + target);
        }
        c.status = target;
        c.updatedAt = Instant.now();
        CaseEvent.record(c.id, target.name(), actor, detail);
    }

    private DisputeCase load(UUID id, Long expectedVersion) {
        DisputeCase c = DisputeCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("case", id);
        }
        if (expectedVersion != null && expectedVersion != c.version) {
            throw new ProblemException(412, "Precondition failed",
                    "case " + c.caseNo + " has changed (version " + c.version + ", If-Match " + expectedVersion + ")");
        }
        return c;
    }

    private static DisputeCase loadForMessage(String caseId) {
        DisputeCase c = DisputeCase.findById(UUID.fromString(caseId));
        if (c == null) {
            throw ProblemException.notFound("case", caseId);
        }
        return c;
    }

    private static void checkParties(NewCaseRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<PartyRole> roles = request.parties().stream().filter(Objects::nonNull).map(NewCaseRequest.NewParty::role)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (!roles.contains(PartyRole.APPLICANT)) {
            errors.add(new Problem.FieldError("parties", "needs an APPLICANT"));
        }
        if (!roles.contains(PartyRole.RESPONDENT)) {
            errors.add(new Problem.FieldError("parties", "needs a RESPONDENT"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "a dispute needs an applicant and a respondent", errors);
        }
    }

    private static String nextCaseNumber() {
        long next = ((Number) Panache.getEntityManager().createNativeQuery("select nextval('case_number_seq')")
                .getSingleResult()).longValue();
        return "TJ%d%06d".formatted(Year.now(CHINA).getValue(), next);
    }
}
