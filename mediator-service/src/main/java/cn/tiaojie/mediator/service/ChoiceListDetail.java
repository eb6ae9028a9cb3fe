package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.ChoiceBallot;
import cn.tiaojie.mediator.model.ChoiceList;
import cn.tiaojie.mediator.model.Mediator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A choice list with the mediators on it and, for a party, how that party marked each. */
public record ChoiceListDetail(UUID id, UUID teamId, String role, String status, Instant closesAt,
        List<Listed> mediators, List<String> decidedOrder) {

    /** A listed mediator; {@code myRank} and {@code struckByMe} are the asking party's marks (none for staff). */
    public record Listed(String mediatorId, String name, String role, String organization, List<String> expertise,
            Integer myRank, boolean struckByMe) {
    }

    /** The list as {@code partyId} sees it, or without marks when null; reads the listed mediators. */
    static ChoiceListDetail of(ChoiceList l, String partyId) {
        List<ChoiceBallot> mine = partyId == null ? List.of()
                : ChoiceBallot.list("key.listId = ?1 and key.partyId = ?2", l.id, partyId);
        return new ChoiceListDetail(l.id, l.teamId, l.role.name(), l.status.name(), l.closesAt,
                l.mediatorIds.stream().map(id -> {
                    Mediator m = Mediator.findById(id);
                    ChoiceBallot mark = mine.stream().filter(b -> b.key.mediatorId.equals(id)).findFirst().orElse(null);
                    return new Listed(id, m.name, m.role.nameZh(), m.organization, m.expertiseList(),
                            mark == null ? null : mark.rank, mark != null && mark.rank == null);
                }).toList(),
                l.decidedOrderList());
    }
}
