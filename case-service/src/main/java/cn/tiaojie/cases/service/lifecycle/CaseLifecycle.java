package cn.tiaojie.cases.service.lifecycle;

import cn.tiaojie.cases.client.CaseOutbox;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.access.CaseActions;
import cn.tiaojie.cases.service.audit.AuditDigests;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.service.notices.CaseNotices;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.cases.service.supervision.Supervision;
import cn.tiaojie.cases.service.supervision.SupervisorAlerts;
import cn.tiaojie.cases.model.CancelledHearing;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.HearingArrangement;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.NoticeReceipt;
import cn.tiaojie.cases.model.Step;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.persistence.Versions;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.contracts.common.v1.MediatorRole;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import cn.tiaojie.cases.service.online.OnlineApplications;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moves disputes through their lifecycle. Every change is one transaction that also writes the timeline event,
 * the audit record and any message to another service; an illegal transition is 409 and changes nothing.
 */
@ApplicationScoped
public class CaseLifecycle {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 司法确认 must be applied for within 30 days of the agreement. */
    public static final int JUDICIAL_CONFIRMATION_DAYS = 30;

    private final CaseOutbox outbox;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final StepClock clock;
    private final SupervisorAlerts alerts;
    private final PersonalData personalData;
    private final CaseNotices caseNotices;
    /** an online applicant is told when staff file or reject the application */
    @Inject
    OnlineApplications onlineApplications;

    CaseLifecycle(CaseOutbox outbox, Inbox inbox, AuditTrail audit, StepClock clock, SupervisorAlerts alerts,
            PersonalData personalData, CaseNotices caseNotices) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
        this.alerts = alerts;
        this.personalData = personalData;
        this.caseNotices = caseNotices;
    }

    /** 立案: accept the case for mediation and ask mediator-service for a team. */
    @Transactional
    public DisputeCase file(UUID id, Long expectedVersion, HearingArrangements arrangements, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        String before = AuditDigests.of(c);
        move(c, CaseStatus.FILED, actor, null);
        if (arrangements != null) {
            arrange(c, arrangements, actor);
        }
        outbox.requestTeam(c);
        onlineApplications.decided(c);
        audit.append(actor, "FILE", c.id, before, AuditDigests.of(c));
        return c;
    }

    /** 不予受理, with the reason the parties will be told. */
    @Transactional
    public DisputeCase reject(UUID id, Long expectedVersion, String reason, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        String before = AuditDigests.of(c);
        move(c, CaseStatus.REJECTED, actor, reason);
        c.rejectionReason = reason;
        c.outcome = CaseStatus.REJECTED;
        c.outcomeAt = StoredInstants.now();
        onlineApplications.decided(c);
        audit.append(actor, "REJECT", c.id, before, AuditDigests.of(c));
        return c;
    }

    /** The applicant withdraws (撤回) at any point before an outcome. */
    @Transactional
    public DisputeCase withdraw(UUID id, Long expectedVersion, String reason, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        String before = AuditDigests.of(c);
        move(c, CaseStatus.WITHDRAWN, actor, reason);
        c.outcome = CaseStatus.WITHDRAWN;
        c.outcomeReason = reason;
        c.outcomeAt = StoredInstants.now();
        audit.append(actor, "WITHDRAW", c.id, before, AuditDigests.of(c));
        return c;
    }

    /** The hearing has begun (调解中). */
    @Transactional
    public DisputeCase startMediation(UUID id, Long expectedVersion, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        String before = AuditDigests.of(c);
        move(c, CaseStatus.IN_MEDIATION, actor, null);
        audit.append(actor, "START_MEDIATION", c.id, before, AuditDigests.of(c));
        return c;
    }

    /** RESOLVED with an agreement, UNRESOLVED with where it goes next, or WITHDRAWN with a reason. */
    @Transactional
    public DisputeCase recordOutcome(UUID id, Long expectedVersion, Outcome outcome, Actor actor) {
        checkOutcome(outcome);
        DisputeCase c = load(id, expectedVersion);
        String before = AuditDigests.of(c);
        Instant now = StoredInstants.now();
        String detail = switch (outcome.result()) {
            case RESOLVED -> {
                Outcome.Agreement a = outcome.agreement();
                c.agreementTerms = a.terms();
                c.agreementAmount = a.amount();
                c.performanceDeadline = a.performanceDeadline();
                c.judicialConfirmation = a.judicialConfirmation();
                c.judicialConfirmationDue = a.judicialConfirmation()
                        ? LocalDate.ofInstant(now, CHINA).plusDays(JUDICIAL_CONFIRMATION_DAYS) : null;
                yield "agreement" + (a.judicialConfirmation() ? ", judicial confirmation by " + c.judicialConfirmationDue : "");
            }
            case UNRESOLVED -> {
                c.referralRoute = outcome.referralRoute();
                yield "referred to " + outcome.referralRoute();
            }
            default -> outcome.reason();
        };
        c.outcome = outcome.result();
        c.outcomeReason = outcome.reason();
        c.outcomeAt = now;
        move(c, outcome.result(), actor, detail);
        audit.append(actor, "OUTCOME_" + outcome.result(), c.id, before, AuditDigests.of(c));
        caseNotices.outcome(c);
        return c;
    }

    /** The parties applied to the court for judicial confirmation of their agreement, within the 30 days. */
    @Transactional
    public DisputeCase recordJudicialConfirmation(UUID id, Long expectedVersion, JudicialConfirmation request,
            Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        if (!CaseActions.Action.JUDICIAL_CONFIRMATION.allowedIn(c)) {
            throw ProblemException.conflict("case " + c.caseNo + " has no agreement awaiting judicial confirmation");
        }
        if (request.appliedOn().isAfter(c.judicialConfirmationDue)) {
            throw ProblemException.conflict("judicial confirmation had to be applied for by " + c.judicialConfirmationDue);
        }
        if (request.appliedOn().isAfter(LocalDate.now(CHINA))) {
            throw ProblemException.badRequest("appliedOn", "must not be in the future");
        }
        LocalDate agreedOn = c.outcomeAt == null ? null : LocalDate.ofInstant(c.outcomeAt, CHINA);
        if (agreedOn != null && request.appliedOn().isBefore(agreedOn)) {
            throw ProblemException.badRequest("appliedOn", "must not be before the agreement of " + agreedOn);
        }
        String before = AuditDigests.of(c);
        c.judicialConfirmationAppliedOn = request.appliedOn();
        c.updatedAt = StoredInstants.now();
        CaseEvent.record(c.id, "JUDICIAL_CONFIRMATION_APPLIED", actor.name(), request.court()
                + (request.reference() == null ? "" : " " + request.reference()));
        audit.append(actor, "JUDICIAL_CONFIRMATION", c.id, before, AuditDigests.of(c));
        return c;
    }

    /** 结案. */
    @Transactional
    public DisputeCase close(UUID id, Long expectedVersion, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        String before = AuditDigests.of(c);
        move(c, CaseStatus.CLOSED, actor, null);
        c.closedAt = StoredInstants.now();
        audit.append(actor, "CLOSE", c.id, before, AuditDigests.of(c));
        caseNotices.evaluationInvitation(c);
        return c;
    }

    /** Hands the case up one level (GRID → VILLAGE → TOWNSHIP → COUNTY) and alerts that level's supervisors. */
    @Transactional
    public DisputeCase escalate(UUID id, Long expectedVersion, String reason, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        if (!CaseActions.Action.ESCALATE.allowedIn(c)) {
            throw ProblemException.conflict(c.status.isOpen()
                    ? "case " + c.caseNo + " is already handled at the county level"
                    : "case " + c.caseNo + " is " + c.status + " and can no longer be escalated");
        }
        String before = AuditDigests.of(c);
        raiseLevel(c, reason, actor);
        audit.append(actor, "ESCALATE", c.id, before, AuditDigests.of(c));
        return c;
    }

    /**
     * Supervision's escalation of a step still overdue after the grace period. Runs in the caller's transaction;
     * false when the case moved on meanwhile or cannot go higher.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalateOverdue(DisputeCase c, Step step) {
        if (c.step != step || !CaseActions.Action.ESCALATE.allowedIn(c)) {
            return false;
        }
        String before = AuditDigests.of(c);
        raiseLevel(c, "step " + step + " overdue since " + c.stepDeadline, Actor.SUPERVISION);
        audit.append(Actor.SUPERVISION, "AUTO_ESCALATE", c.id, before, AuditDigests.of(c));
        return true;
    }

    private void raiseLevel(DisputeCase c, String reason, Actor actor) {
        AreaLevel from = c.level;
        c.level = from.higher();
        c.updatedAt = StoredInstants.now();
        CaseEvent.record(c.id, "ESCALATED", actor.name(), from + " → " + c.level + ": " + reason);
        alerts.escalated(c, from, reason);
    }

    /** mediator-service took the team request: offers are going out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markDispatched(UUID id, String teamId) {
        DisputeCase c = DisputeCase.findById(id);
        if (c != null && c.status == CaseStatus.FILED) {
            String before = AuditDigests.of(c);
            c.teamId = teamId;
            Actor actor = Actor.service("mediator-service");
            move(c, CaseStatus.DISPATCHED, actor, "team request " + teamId);
            audit.append(actor, "DISPATCHED", c.id, before, AuditDigests.of(c));
        }
    }

    @Transactional
    public boolean recordTeamAssigned(Reports.TeamAssigned message) {
        if (!inbox.firstDelivery(message.messageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.caseId());
        Actor actor = Actor.service("mediator-service");
        String before = AuditDigests.of(c);
        if (c.status == CaseStatus.FILED) {
            // the team may form before the relay has recorded the dispatch
            move(c, CaseStatus.DISPATCHED, actor, "team request " + message.teamId());
        }
        if (c.status != CaseStatus.DISPATCHED) {
            return false;
        }
        c.teamId = message.teamId();
        CaseTeamMember.delete("caseId", c.id);
        int position = 0;
        for (TeamMember m : message.members()) {
            CaseTeamMember member = new CaseTeamMember();
            member.caseId = c.id;
            member.mediatorId = m.mediatorId();
            member.role = m.role().name();
            member.name = m.name();
            member.position = position++;
            member.phone = isBlank(m.phone()) ? null : personalData.seal(PersonalData.MEDIATOR_PHONE_FIELD, m.phone());
            member.email = isBlank(m.email()) ? null : m.email();
            member.persist();
        }
        String team = message.members().stream().map(m -> m.role() + " " + m.name())
                .collect(Collectors.joining(", "));
        move(c, CaseStatus.TEAM_ASSIGNED, actor, team);
        outbox.requestHearing(c, message.members(), arrangementsOf(c));
        audit.append(actor, "TEAM_ASSIGNED", c.id, before, AuditDigests.of(c));
        return true;
    }

    /**
     * Staff ask scheduling-service for a new hearing of a case whose team waits for one (its hearing was
     * cancelled, or none fitted); the same request the team's forming sent, with the team as stored then.
     */
    @Transactional
    public DisputeCase requestHearing(UUID id, Long expectedVersion, HearingArrangements arrangements, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        if (!CaseActions.Action.REQUEST_HEARING.allowedIn(c)) {
            throw ProblemException.conflict(c.status == CaseStatus.TEAM_ASSIGNED
                    ? "case " + c.caseNo + " has no team to hold a hearing"
                    : "case " + c.caseNo + " is " + c.status
                            + "; a hearing is requested only for a case whose team waits for one (TEAM_ASSIGNED)");
        }
        List<TeamMember> team = storedTeam(c);
        String before = AuditDigests.of(c);
        c.updatedAt = StoredInstants.now();
        if (arrangements != null) {
            arrange(c, arrangements, actor);
        }
        HearingArrangements asked = arrangementsOf(c);
        CaseEvent.record(c.id, "HEARING_REQUESTED", actor.name(), "team " + c.teamId
                + (asked.describe().isEmpty() ? "" : "; " + asked.describe()));
        outbox.requestHearing(c, team, asked);
        audit.append(actor, "REQUEST_HEARING", c.id, before, AuditDigests.of(c));
        return c;
    }

    /**
     * Staff record the case's current hearing: held (the case is in mediation) with who attended and the minutes,
     * or not held (a party absent, adjourned): the case waits for a new hearing again, which staff ask for as after
     * a cancellation. scheduling-service learns it through the outbox, so the next request books a new hearing.
     */
    @Transactional
    public DisputeCase recordHearing(UUID id, Long expectedVersion, HearingRecord record, Actor actor) {
        DisputeCase c = load(id, expectedVersion);
        if (c.hearingId == null || !c.hearingId.equals(record.hearingId())) {
            throw ProblemException.notFound("hearing of case " + c.caseNo, record.hearingId());
        }
        boolean open = c.status == CaseStatus.HEARING_SCHEDULED || record.held() && c.status == CaseStatus.IN_MEDIATION;
        if (!open || CaseEvent.count("caseId = ?1 and type in ('HEARING_HELD', 'HEARING_NOT_HELD') and detail like ?2",
                c.id, "%" + record.hearingId() + "%") > 0) {
            throw ProblemException.conflict("case " + c.caseNo + " is " + c.status + "; hearing " + record.hearingId()
                    + " can no longer be recorded");
        }
        String before = AuditDigests.of(c);
        String when = c.hearingStartsAt == null ? "" : c.hearingStartsAt.atZone(CHINA).toLocalDateTime() + " @ "
                + c.hearingVenue + " ";
        CaseEvent.record(c.id, record.held() ? "HEARING_HELD" : "HEARING_NOT_HELD", actor.name(),
                when + "(" + record.hearingId() + ") " + record.describe());
        if (record.held()) {
            if (c.status == CaseStatus.HEARING_SCHEDULED) {
                move(c, CaseStatus.IN_MEDIATION, actor, null);
            } else {
                c.updatedAt = StoredInstants.now();
            }
        } else {
            // a late report of this hearing's time is ignored, as after a cancellation
            CancelledHearing closed = new CancelledHearing();
            closed.hearingId = c.hearingId;
            closed.caseId = c.id;
            closed.cancelledAt = StoredInstants.now();
            closed.persist();
            c.hearingId = null;
            c.hearingStartsAt = null;
            c.hearingVenue = null;
            move(c, CaseStatus.TEAM_ASSIGNED, actor, "waiting for a new hearing");
            Supervision.forgetStep(c.id, Step.HEARING);
        }
        outbox.recordHearing(c, record, actor);
        audit.append(actor, record.held() ? "HEARING_HELD" : "HEARING_NOT_HELD", c.id, before, AuditDigests.of(c));
        return c;
    }

    /**
     * Keeps how the case's hearings are to be held (replacing what was asked before) and puts it on the timeline;
     * every later hearing request carries it.
     */
    private void arrange(DisputeCase c, HearingArrangements arrangements, Actor actor) {
        HearingArrangement stored = HearingArrangement.findById(c.id);
        if (stored == null) {
            stored = new HearingArrangement();
            stored.caseId = c.id;
        }
        stored.evening = arrangements.evening();
        stored.onSite = arrangements.onSite();
        stored.videoAllowed = arrangements.videoAllowed();
        stored.interpreterLanguage = arrangements.interpreterLanguage();
        stored.updatedAt = StoredInstants.now();
        stored.updatedBy = actor.name();
        stored.persist();
        String described = arrangements.describe();
        CaseEvent.record(c.id, "HEARING_ARRANGEMENTS", actor.name(), described.isEmpty() ? "在调解中心日间召开" : described);
    }

    private static HearingArrangements arrangementsOf(DisputeCase c) {
        return HearingArrangements.of(HearingArrangement.findById(c.id));
    }

    /** The case's team as mediator-service reported it, in the order of its roles, contacts opened. */
    private List<TeamMember> storedTeam(DisputeCase c) {
        // members reported before positions were kept have none: they follow, in a stable order
        Sort order = Sort.by("position", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("role")
                .and("mediatorId");
        return CaseTeamMember.<CaseTeamMember>list("caseId", order, c.id).stream()
                .map(m -> new TeamMember(m.mediatorId, MediatorRole.valueOf(m.role), m.name,
                        personalData.mediatorPhone(m), m.email))
                .toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @Transactional
    public boolean recordHearingScheduled(Reports.HearingScheduled message) {
        if (!inbox.firstDelivery(message.messageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.caseId());
        // a cancelled hearing never comes back: this report was overtaken by its cancellation
        if (!c.status.canMoveTo(CaseStatus.HEARING_SCHEDULED) || CancelledHearing.isCancelled(message.hearingId())) {
            return false;
        }
        String before = AuditDigests.of(c);
        c.hearingId = message.hearingId();
        c.hearingStartsAt = StoredInstants.stored(message.startsAt());
        c.hearingVenue = message.venueName();
        String detail = c.hearingStartsAt.atZone(CHINA).toLocalDateTime() + " @ " + message.venueName()
                + (message.withinDeadline() ? "" : " (after the deadline)");
        Actor actor = Actor.service("scheduling-service");
        move(c, CaseStatus.HEARING_SCHEDULED, actor, detail);
        audit.append(actor, "HEARING_SCHEDULED", c.id, before, AuditDigests.of(c));
        return true;
    }

    /**
     * scheduling-service cancelled a hearing. The case's current hearing takes a scheduled case back to
     * TEAM_ASSIGNED, the hearing step timed afresh, so staff can ask for a new one; a case that has moved on (in
     * mediation, with an outcome, closed) keeps its status and only records it. Any other hearing is ignored.
     */
    @Transactional
    public boolean recordHearingCancelled(Reports.HearingCancelled message) {
        if (!inbox.firstDelivery(message.messageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.caseId());
        if (!CancelledHearing.isCancelled(message.hearingId())) {
            CancelledHearing cancelled = new CancelledHearing();
            cancelled.hearingId = message.hearingId();
            cancelled.caseId = c.id;
            cancelled.cancelledAt = message.cancelledAt() != null
                    ? StoredInstants.stored(message.cancelledAt()) : StoredInstants.now();
            cancelled.persist();
        }
        if (!message.hearingId().equals(c.hearingId)) {
            return false;
        }
        Actor actor = Actor.service("scheduling-service");
        String before = AuditDigests.of(c);
        String when = c.hearingStartsAt == null ? "" : c.hearingStartsAt.atZone(CHINA).toLocalDateTime() + " @ "
                + c.hearingVenue + " ";
        String by = isBlank(message.cancelledBy()) ? "" : " by " + message.cancelledBy();
        if (c.status == CaseStatus.HEARING_SCHEDULED) {
            CaseEvent.record(c.id, "HEARING_CANCELLED", actor.name(), when + "cancelled" + by + ": " + message.reason());
            c.hearingId = null;
            c.hearingStartsAt = null;
            c.hearingVenue = null;
            move(c, CaseStatus.TEAM_ASSIGNED, actor, "waiting for a new hearing");
            // the hearing step starts again: its reminders and escalation may happen again too
            Supervision.forgetStep(c.id, Step.HEARING);
        } else {
            CaseEvent.record(c.id, "HEARING_CANCELLED", actor.name(), when + "cancelled" + by + ": "
                    + message.reason() + " (the case is " + c.status + " and stays so)");
            c.updatedAt = StoredInstants.now();
        }
        audit.append(actor, "HEARING_CANCELLED", c.id, before, AuditDigests.of(c));
        return true;
    }

    @Transactional
    public boolean recordNoticeAcknowledged(Reports.NoticeAcknowledged message) {
        if (!inbox.firstDelivery(message.messageId())) {
            return false;
        }
        DisputeCase c = loadForMessage(message.caseId());
        if (NoticeReceipt.findById(message.noticeId()) != null) {
            return false;
        }
        NoticeReceipt receipt = new NoticeReceipt();
        receipt.noticeId = message.noticeId();
        receipt.caseId = c.id;
        receipt.partyId = message.partyId();
        receipt.channel = message.channel().name();
        receipt.acknowledgedAt = StoredInstants.stored(message.acknowledgedAt());
        receipt.persist();
        CaseEvent.record(c.id, "NOTICE_ACKNOWLEDGED", "party " + message.partyId(),
                "notice " + message.noticeId() + " via " + message.channel());
        audit.append(Actor.service("notify-service"), "NOTICE_ACKNOWLEDGED", c.id, null,
                AuditDigests.of(receipt.noticeId, receipt.partyId, receipt.channel, receipt.acknowledgedAt));
        return true;
    }

    private void move(DisputeCase c, CaseStatus target, Actor actor, String detail) {
        if (!c.status.canMoveTo(target)) {
            throw ProblemException.conflict("case " + c.caseNo + " is " + c.status + " and cannot become " + target);
        }
        Instant now = StoredInstants.now();
        c.status = target;
        c.updatedAt = now;
        clock.startStep(c, now);
        CaseEvent.record(c.id, target.name(), actor.name(), detail);
    }

    /** The case, locked against concurrent writers through its version; 412 when If-Match names an older one. */
    public static DisputeCase load(UUID id, Long expectedVersion) {
        DisputeCase c = DisputeCase.findById(id);
        if (c == null) {
            throw ProblemException.notFound("case", id);
        }
        Versions.requireMatch(expectedVersion, c.version, "case " + c.caseNo);
        return c;
    }

    private static DisputeCase loadForMessage(String caseId) {
        DisputeCase c = DisputeCase.findById(UUID.fromString(caseId));
        if (c == null) {
            throw ProblemException.notFound("case", caseId);
        }
        return c;
    }

    private static void checkOutcome(Outcome outcome) {
        List<Problem.FieldError> errors = new ArrayList<>();
        switch (outcome.result()) {
            case RESOLVED -> {
                if (outcome.agreement() == null) {
                    errors.add(new Problem.FieldError("agreement", "a resolved dispute needs its agreement"));
                } else if (outcome.agreement().performanceDeadline() != null
                        && outcome.agreement().performanceDeadline().isBefore(LocalDate.now(CHINA))) {
                    errors.add(new Problem.FieldError("agreement.performanceDeadline", "must not be in the past"));
                }
            }
            case UNRESOLVED -> {
                if (outcome.referralRoute() == null) {
                    errors.add(new Problem.FieldError("referralRoute", "an unresolved dispute needs LITIGATION, ARBITRATION or ADMINISTRATIVE"));
                }
            }
            case WITHDRAWN -> {
                if (outcome.reason() == null || outcome.reason().isBlank()) {
                    errors.add(new Problem.FieldError("reason", "a withdrawal needs a reason"));
                }
            }
            default -> errors.add(new Problem.FieldError("result", "must be RESOLVED, UNRESOLVED or WITHDRAWN"));
        }
        if (outcome.result() != CaseStatus.RESOLVED && outcome.agreement() != null) {
            errors.add(new Problem.FieldError("agreement", "only a resolved dispute has an agreement"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
