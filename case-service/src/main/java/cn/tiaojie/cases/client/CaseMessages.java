package cn.tiaojie.cases.client;

import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.lifecycle.HearingArrangements;
import cn.tiaojie.contracts.cases.v1.CaseView;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.common.v1.PartyRole;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.contracts.scheduling.v1.HearingRecord;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.reference.Taxonomy;
import cn.tiaojie.cases.service.notices.Notice;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds the gRPC messages that describe a case to the other services. */
@ApplicationScoped
public class CaseMessages {

    private final Taxonomy taxonomy;
    private final PersonalData personalData;

    CaseMessages(Taxonomy taxonomy, PersonalData personalData) {
        this.taxonomy = taxonomy;
        this.personalData = personalData;
    }

    public TeamRequest teamRequest(DisputeCase c) {
        return TeamRequest.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setCaseId(c.id.toString())
                .setCaseNo(c.caseNo)
                .setSubcategory(c.subcategory)
                .setAreaCode(c.areaCode)
                .setLevel(cn.tiaojie.contracts.common.v1.AreaLevel.valueOf(c.level.name()))
                .setCenterCode(c.centerCode)
                .addAllRiskFlags(c.riskFlagList())
                // mediator-service checks conflicts of interest by ID number too
                .addAllParties(c.parties.stream().map(this::partyWithIdNumber).toList())
                .setDeadline(ProtoTime.of(c.deadline))
                .build();
    }

    public HearingRecord hearingRecord(DisputeCase c, cn.tiaojie.cases.service.lifecycle.HearingRecord record,
            Actor actor) {
        return HearingRecord.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setHearingId(record.hearingId())
                .setCaseId(c.id.toString())
                .setHeld(record.held())
                .setReason(record.held() ? "" : record.reason().words)
                .setRecordedBy(actor.name())
                .build();
    }

    public HearingRequest hearingRequest(DisputeCase c, List<cn.tiaojie.cases.service.lifecycle.TeamMember> team,
            HearingArrangements arrangements) {
        int minutes = taxonomy.subcategory(c.subcategory).map(Taxonomy.Subcategory::hearingMinutes).orElse(90);
        HearingRequest.Builder request = HearingRequest.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setCaseId(c.id.toString())
                .setCaseNo(c.caseNo)
                .setCenterCode(c.centerCode)
                .setAreaCode(c.areaCode)
                .setSubcategory(c.subcategory)
                .addAllTeam(team.stream().map(CaseMessages::member).toList())
                .addAllParties(c.parties.stream().map(this::party).toList())
                .setDeadline(ProtoTime.of(c.deadline))
                .setUrgent(c.urgent)
                .setDurationMinutes(minutes)
                .setPreferEvening(arrangements.evening())
                .setOnSite(arrangements.onSite())
                .setVideoAllowed(arrangements.videoAllowed())
                .setInterpreterNeeded(arrangements.interpreterNeeded());
        if (arrangements.interpreterNeeded()) {
            request.setInterpreterLanguage(arrangements.interpreterLanguage());
        }
        return request.build();
    }

    /** A member as mediator-service reported them, contacts as stored (opened) or as received. */
    static TeamMember member(cn.tiaojie.cases.service.lifecycle.TeamMember m) {
        TeamMember.Builder member = TeamMember.newBuilder()
                .setMediatorId(m.mediatorId())
                .setRole(m.role())
                .setName(m.name());
        if (m.phone() != null) {
            member.setPhone(m.phone());
        }
        if (m.email() != null) {
            member.setEmail(m.email());
        }
        return member.build();
    }

    /** A notice as notify-service takes it; absent contact details stay unset. */
    public NoticeRequest noticeRequest(Notice notice) {
        Notice.Recipient to = notice.recipient();
        Recipient.Builder recipient = Recipient.newBuilder().setKind(to.kind()).setId(to.id())
                .setName(to.name() == null ? "" : to.name())
                .addAllChannels(to.channels());
        if (to.phone() != null) {
            recipient.setPhone(to.phone());
        }
        if (to.email() != null) {
            recipient.setEmail(to.email());
        }
        if (to.language() != null) {
            recipient.setLanguage(to.language());
        }
        return NoticeRequest.newBuilder()
                .setIdempotencyKey(notice.idempotencyKey())
                .setKind(notice.kind())
                .setCaseId(notice.caseId() == null ? "" : notice.caseId())
                .setCaseNo(notice.caseNo() == null ? "" : notice.caseNo())
                .setRecipient(recipient)
                .putAllFields(notice.fields())
                .setUrgent(notice.urgent())
                .build();
    }

    public CaseView view(DisputeCase c) {
        return CaseView.newBuilder()
                .setCaseId(c.id.toString())
                .setCaseNo(c.caseNo)
                .setStatus(c.status.name())
                .setSubcategory(c.subcategory)
                .setAreaCode(c.areaCode)
                .setCenterCode(c.centerCode)
                .setLevel(cn.tiaojie.contracts.common.v1.AreaLevel.valueOf(c.level.name()))
                .setDeadline(ProtoTime.of(c.deadline))
                .addAllParties(c.parties.stream().map(this::party).toList())
                .addAllRiskFlags(c.riskFlagList())
                .setUrgent(c.urgent)
                .build();
    }

    /** For matching only: the party with the ID number opened, over the service channel. */
    cn.tiaojie.contracts.common.v1.Party partyWithIdNumber(Party p) {
        String idNumber = personalData.idNumber(p);
        var party = party(p);
        return idNumber == null ? party : party.toBuilder().setIdNumber(idNumber).build();
    }

    /** Other services reach parties with this: the phone number goes out opened, over the service channel. */
    public cn.tiaojie.contracts.common.v1.Party party(Party p) {
        String phone = personalData.phone(p);
        var builder = cn.tiaojie.contracts.common.v1.Party.newBuilder()
                .setPartyId(p.id.toString())
                .setRole(PartyRole.valueOf(p.role))
                .setName(p.name)
                .setOrganization("ORGANIZATION".equals(p.kind));
        if (phone != null) {
            builder.setPhone(phone);
        }
        if (p.email != null) {
            builder.setEmail(p.email);
        }
        if (p.language != null) {
            builder.setLanguage(p.language);
        }
        p.preferredChannelList().forEach(ch -> builder.addPreferredChannels(NoticeChannel.valueOf(ch)));
        return builder.build();
    }
}
