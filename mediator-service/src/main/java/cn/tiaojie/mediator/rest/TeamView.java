package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.Team;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team with its members so far and every offer made for it. */
public record TeamView(UUID id, UUID caseId, String caseNo, String subcategory, String areaCode, String level,
        String centerCode, List<String> riskFlags, Instant deadline, String status, List<String> requiredRoles,
        List<String> optionalRoles,
        List<MemberView> members, List<OfferView> offers, Instant createdAt, Instant formedAt, long version) {

    public record MemberView(String mediatorId, String name, String role) {
    }

    public static TeamView of(Team t) {
        return new TeamView(t.id, t.caseId, t.caseNo, t.subcategory, t.areaCode, t.level.name(), t.centerCode,
                t.riskFlagList(), t.deadline, t.status.name(), t.requiredRoles.stream().map(Enum::name).toList(),
                t.optionalRoles.stream().map(Enum::name).toList(),
                t.offers.stream().filter(o -> o.status == OfferStatus.ACCEPTED)
                        .map(o -> new MemberView(o.mediator.id, o.mediator.name, o.role.name())).toList(),
                t.offers.stream().map(OfferView::of).toList(), t.createdAt, t.formedAt, t.version);
    }
}
