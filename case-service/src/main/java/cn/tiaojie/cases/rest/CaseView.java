package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.FollowUp;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.Rating;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.service.lifecycle.HearingArrangements;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.platform.privacy.Masking;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A case as the REST API shows it. Phone and ID numbers appear in full only to those who need them (the
 * predicate given); everyone else sees them masked.
 */
public record CaseView(UUID id, String caseNo, String centerCode, String status, String channel, String subcategory,
        String areaCode, String level, String summary, String description, BigDecimal amountInDispute,
        List<String> riskFlags, boolean urgent, Instant deadline, String step, Instant stepDeadline, String slaState,
        String rejectionReason, UUID linkedCaseId, Outcome outcome, Hearing hearing, List<PartyView> parties,
        List<MemberView> team, List<SummonsView> summons, List<FollowUpView> followUps, List<RatingView> ratings,
        List<EventView> timeline, Instant createdAt, long version, Arrangements hearingArrangements) {

    /**
     * How the case's hearings are to be held, as asked (null in lists and action answers, and when nothing was
     * asked): the center and the team see an interpreter's language here.
     */
    public record Arrangements(boolean evening, boolean onSite, boolean videoAllowed, boolean interpreterNeeded,
            String interpreterLanguage, String description) {

        static Arrangements of(HearingArrangements a) {
            return a == null || a.equals(HearingArrangements.NONE) ? null : new Arrangements(a.evening(), a.onSite(),
                    a.videoAllowed(), a.interpreterNeeded(), a.interpreterLanguage(), a.describe());
        }
    }

    public record PartyView(UUID id, String role, String kind, String name, String phone, String idNumber, String email,
            String language, List<String> preferredChannels, List<String> vulnerabilities) {
    }

    public record MemberView(String mediatorId, String role, String name) {
    }

    public record EventView(Instant at, String type, String actor, String detail) {
    }

    public record Hearing(String hearingId, Instant startsAt, String venue) {
    }

    public record Outcome(String result, Instant at, String reason, String referralRoute, String agreementTerms,
            BigDecimal agreementAmount, LocalDate performanceDeadline, Boolean judicialConfirmation,
            LocalDate judicialConfirmationDue, LocalDate judicialConfirmationAppliedOn) {
    }

    /** A summons and its answer: who comes and when, and whether it came through the link or by phone. */
    public record SummonsView(UUID id, String department, Instant deadline, String status, boolean overdue,
            String requestNote, String responseNote, Instant respondedAt, String attendee, Instant arrivesAt,
            String respondedVia) {

        public static SummonsView of(Summons s, Instant now) {
            return new SummonsView(s.id, s.department, s.deadline, s.status.name(), s.isOverdue(now), s.requestNote,
                    s.responseNote, s.respondedAt, s.attendee, s.arrivesAt, s.respondedVia);
        }
    }

    public record FollowUpView(UUID id, String method, String note, Boolean agreementPerformed, Instant visitedAt,
            String recordedBy) {
    }

    /** A party's rating of the service (评价), shown to those who run and supervise the case. */
    public record RatingView(UUID partyId, String partyRole, int score, String comment, Instant ratedAt) {
    }

    /** Without parties or history: the list view. */
    public static CaseView brief(DisputeCase c) {
        return of(c, List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), p -> false, null);
    }

    /** With parties, masked: the answer to an action. */
    public static CaseView summary(DisputeCase c, PersonalData data) {
        return of(c, c.parties, data, List.of(), List.of(), List.of(), List.of(), List.of(), p -> false, null);
    }

    public static CaseView of(DisputeCase c, List<Party> parties, PersonalData data, List<CaseTeamMember> team,
            List<Summons> summons, List<FollowUp> followUps, List<Rating> ratings, List<CaseEvent> timeline,
            Predicate<Party> revealed, HearingArrangements arrangements) {
        Instant now = Instant.now();
        return new CaseView(c.id, c.caseNo, c.centerCode, c.status.name(), c.channel.name(), c.subcategory,
                c.areaCode, c.level.name(), c.summary, c.description, c.amountInDispute, c.riskFlagList(), c.urgent,
                c.deadline, c.step == null ? null : c.step.name(), c.stepDeadline,
                c.step == null ? null : c.slaState.name(), c.rejectionReason, c.linkedCaseId,
                c.outcome == null ? null : new Outcome(c.outcome.name(), c.outcomeAt, c.outcomeReason,
                        c.referralRoute == null ? null : c.referralRoute.name(), c.agreementTerms, c.agreementAmount,
                        c.performanceDeadline, c.judicialConfirmation, c.judicialConfirmationDue,
                        c.judicialConfirmationAppliedOn),
                c.hearingId == null ? null : new Hearing(c.hearingId, c.hearingStartsAt, c.hearingVenue),
                parties.stream().map(p -> party(p, data, revealed.test(p))).toList(),
                team.stream().map(m -> new MemberView(m.mediatorId, m.role, m.name)).toList(),
                summons.stream().map(s -> SummonsView.of(s, now)).toList(),
                followUps.stream().map(f -> new FollowUpView(f.id, f.method, f.note, f.agreementPerformed, f.visitedAt,
                        f.recordedBy)).toList(),
                ratings.stream().map(r -> new RatingView(r.partyId, parties.stream().filter(p -> p.id.equals(r.partyId))
                        .map(p -> p.role).findFirst().orElse(null), r.score, r.comment, r.ratedAt)).toList(),
                timeline.stream().map(e -> new EventView(e.at, e.type, e.actor, e.detail)).toList(),
                c.createdAt, c.version, Arrangements.of(arrangements));
    }

    private static PartyView party(Party p, PersonalData data, boolean revealed) {
        String phone = data.phone(p);
        String idNumber = data.idNumber(p);
        return new PartyView(p.id, p.role, p.kind, p.name, revealed ? phone : Masking.phone(phone),
                revealed ? idNumber : Masking.idNumber(idNumber), revealed ? p.email : Masking.email(p.email),
                p.language, p.preferredChannelList(), p.vulnerabilityList());
    }
}
