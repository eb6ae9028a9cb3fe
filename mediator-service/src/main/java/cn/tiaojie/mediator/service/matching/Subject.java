package cn.tiaojie.mediator.service.matching;

import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.platform.area.AreaLevel;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What matching needs of a case: a stored team, or a preview's case that is not stored. {@code availableBy} is
 * the end of the window a mediator must have some free time in (the case's deadline); null skips that rule.
 */
public record Subject(UUID teamId, String subcategory, String areaCode, AreaLevel level, List<TeamParty> parties,
        Set<String> askedBefore, Set<String> struck, Instant availableBy) {

    public static Subject of(Team team, Set<String> struck) {
        return new Subject(team.id, team.subcategory, team.areaCode, team.level, team.parties,
                team.offers.stream().filter(o -> o.status != OfferStatus.WITHDRAWN)
                        .map(o -> o.mediator.id).collect(Collectors.toSet()), struck, team.deadline);
    }
}
