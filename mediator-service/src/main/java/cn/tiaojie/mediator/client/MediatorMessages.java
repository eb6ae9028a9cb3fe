package cn.tiaojie.mediator.client;

import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.mediator.v1.TeamStatus;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.ChinaTime;
import cn.tiaojie.mediator.model.TeamSummary;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.reference.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Builds the gRPC messages mediator-service sends: offer notices, the formed team, the team as others read it. */
@ApplicationScoped
public class MediatorMessages {

    private final Taxonomy taxonomy;

    MediatorMessages(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The notice telling a mediator about an offer; the offer id as key means a relayed repeat sends nothing new. */
    public NoticeRequest offerNotice(Offer offer) {
        return offerNotice(offer, recipient(offer.mediator));
    }

    /** The same, to a recipient built from what matching already read, so the mediator need not be loaded again. */
    NoticeRequest offerNotice(Offer offer, Recipient recipient) {
        Team team = offer.team;
        String subcategoryName = taxonomy.subcategory(team.subcategory).map(Taxonomy.Subcategory::nameZh)
                .orElse(team.subcategory);
        return NoticeRequest.newBuilder()
                .setIdempotencyKey("offer:" + offer.id)
                .setKind(NoticeKind.ASSIGNMENT_OFFER)
                .setCaseId(team.caseId.toString())
                .setCaseNo(team.caseNo)
                .setRecipient(recipient)
                .putFields("offerId", offer.id.toString())
                .putFields("caseNo", team.caseNo)
                .putFields("role", offer.role.name())
                .putFields("roleName", offer.role.nameZh())
                .putFields("subcategory", team.subcategory)
                .putFields("subcategoryName", subcategoryName)
                .putFields("areaCode", team.areaCode)
                .putFields("expiresAt", local(offer.expiresAt))
                .putFields("caseDeadline", local(team.deadline))
                .setUrgent(!team.riskFlagList().isEmpty())
                .build();
    }

    /**
     * Tells the supervisors of the case's county that a role ran out of candidates and needs assigning by hand;
     * keyed by the role's offer count, so a second run-out after a hand assignment alerts again.
     */
    public NoticeRequest noCandidateAlert(Team team, cn.tiaojie.mediator.model.MediatorRole role, int offersSoFar,
            int excluded) {
        String county = AreaCodes.ancestorAt(team.areaCode, AreaLevel.COUNTY);
        return NoticeRequest.newBuilder()
                .setIdempotencyKey("no-candidate:" + team.id + ":" + role + ":" + offersSoFar)
                .setKind(NoticeKind.ESCALATION_ALERT)
                .setCaseId(team.caseId.toString())
                .setCaseNo(team.caseNo)
                .setRecipient(Recipient.newBuilder().setKind(RecipientKind.SUPERVISOR).setId(county)
                        .setName("督办 " + county).setLanguage("zh-CN").addChannels(NoticeChannel.IN_APP))
                .putFields("reason", "NO_CANDIDATE_LEFT")
                .putFields("caseNo", team.caseNo)
                .putFields("centerCode", team.centerCode)
                .putFields("role", role.name())
                .putFields("roleName", role.nameZh())
                .putFields("offersSoFar", Integer.toString(offersSoFar))
                .putFields("excluded", Integer.toString(excluded))
                .putFields("caseDeadline", local(team.deadline))
                .setUrgent(true)
                .build();
    }

    public TeamAssigned teamAssigned(Team team) {
        return TeamAssigned.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setCaseId(team.caseId.toString())
                .setTeamId(team.id.toString())
                .addAllMembers(members(team.members()))
                .build();
    }

    public static cn.tiaojie.contracts.mediator.v1.Team team(TeamSummary team) {
        return cn.tiaojie.contracts.mediator.v1.Team.newBuilder()
                .setTeamId(team.teamId().toString())
                .setCaseId(team.caseId().toString())
                .setStatus(TeamStatus.valueOf(team.status().name()))
                .addAllMembers(members(team.members()))
                .build();
    }

    private static List<TeamMember> members(List<cn.tiaojie.mediator.model.TeamMember> members) {
        return members.stream().map(MediatorMessages::member).toList();
    }

    private static TeamMember member(cn.tiaojie.mediator.model.TeamMember m) {
        TeamMember.Builder member = TeamMember.newBuilder()
                .setMediatorId(m.mediatorId())
                .setRole(m.role().toProto())
                .setName(m.name());
        if (m.phone() != null) {
            member.setPhone(m.phone());
        }
        if (m.email() != null) {
            member.setEmail(m.email());
        }
        return member.build();
    }

    private static Recipient recipient(Mediator m) {
        return recipient(m.id, m.name, m.phone, m.email, m.languageList(), m.channelList());
    }

    /** A mediator as the recipient of a notice: in-app always, SMS and e-mail where preferred and known. */
    static Recipient recipient(String id, String name, String phone, String email, List<String> languages,
            List<String> preferred) {
        Recipient.Builder recipient = Recipient.newBuilder()
                .setKind(RecipientKind.MEDIATOR)
                .setId(id)
                .setName(name)
                .setLanguage(languages.isEmpty() ? "zh-CN" : languages.get(0))
                .addChannels(NoticeChannel.IN_APP);
        if (phone != null) {
            recipient.setPhone(phone);
            if (preferred.contains("SMS")) {
                recipient.addChannels(NoticeChannel.SMS);
            }
        }
        if (email != null) {
            recipient.setEmail(email);
            if (preferred.contains("EMAIL")) {
                recipient.addChannels(NoticeChannel.EMAIL);
            }
        }
        return recipient.build();
    }

    private static String local(Instant instant) {
        return ChinaTime.local(instant);
    }
}
