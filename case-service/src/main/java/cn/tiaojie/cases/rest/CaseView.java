package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.CaseEvent;
import cn.tiaojie.cases.CaseTeamMember;
import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.Party;
import cn.tiaojie.platform.privacy.Masking;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case as the REST API shows it; phone and ID numbers masked. */
public record CaseView(UUID id, String caseNo, String centerCode, String status, String channel, String subcategory,
        String areaCode, String level, String summary, String description, BigDecimal amountInDispute,
        List<String> riskFlags, boolean urgent, Instant deadline, String rejectionReason, Hearing hearing,
        List<PartyView> parties, List<MemberView> team, List<EventView> timeline, Instant createdAt, long version) {

    public record PartyView(UUID id, String role, String kind, String name, String phone, String idNumber, String email) {
    }

    public record MemberView(String mediatorId, String role, String name) {
    }

    public record EventView(Instant at, String type, String actor, String detail) {
    }

    public record Hearing(String hearingId, Instant startsAt, String venue) {
    }

    public static CaseView summary(DisputeCase c) {
        return of(c, List.of(), List.of());
    }

    public static CaseView of(DisputeCase c, List<CaseTeamMember> team, List<CaseEvent> timeline) {
        return new CaseView(c.id, c.caseNo, c.centerCode, c.status.name(), c.channel.name(), c.subcategory,
                c.areaCode, c.level.name(), c.summary, c.description, c.amountInDispute, c.riskFlagList(), c.urgent,
                c.deadline, c.rejectionReason,
                c.hearingId == null ? null : new Hearing(c.hearingId, c.hearingStartsAt, c.hearingVenue),
                c.parties.stream().map(CaseView::party).toList(),
                team.stream().map(m -> new MemberView(m.mediatorId, m.role, m.name)).toList(),
                timeline.stream().map(e -> new EventView(e.at, e.type, e.actor, e.detail)).toList(),
                c.createdAt, c.version);
    }

    private static PartyView party(Party p) {
        return new PartyView(p.id, p.role, p.kind, p.name, Masking.phone(p.phone), Masking.idNumber(p.idNumber),
                Masking.email(p.email));
    }
}
