package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.service.privacy.PartyKeys;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.mediator.service.matching.Matching;
import cn.tiaojie.mediator.service.matching.Ranking;
import cn.tiaojie.mediator.service.matching.Subject;
import cn.tiaojie.platform.area.AreaLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A dry run of matching for a case that is not stored: the ranking it would get, and nothing written. */
@ApplicationScoped
public class MatchPreview {

    /** A party of the previewed case; every field may be null. */
    public record Party(String name, Boolean organization, String idNumber, String phone, String language) {
    }

    /**
     * The case: {@code level} null for the subcategory's default level, {@code deadline} null for the one its SLA
     * gives, {@code roles} empty for the required roles of its rule.
     */
    public record Asked(String subcategory, String areaCode, AreaLevel level, List<String> riskFlags,
            List<Party> parties, List<MediatorRole> roles, int limit, Instant deadline) {
    }

    /** The team rule's roles and, per role asked in order, its ranking. */
    public record Result(List<MediatorRole> requiredRoles, List<MediatorRole> optionalRoles,
            List<RoleRanking> rankings) {
    }

    public record RoleRanking(MediatorRole role, Ranking ranking) {
    }

    private final Matching matching;
    private final TeamRules rules;
    private final PartyKeys keys;

    MatchPreview(Matching matching, TeamRules rules, PartyKeys keys) {
        this.matching = matching;
        this.rules = rules;
        this.keys = keys;
    }

    @Transactional
    public Result preview(Asked request) {
        TeamRules.Roles roles = rules.roles(request.subcategory(), request.riskFlags());
        AreaLevel level = request.level() != null ? request.level()
                : AreaLevel.valueOf(rules.subcategory(request.subcategory()).defaultLevel());
        List<TeamParty> parties = request.parties().stream().map(this::party).toList();
        Instant now = Instant.now();
        // without a deadline the case is taken to be due when its subcategory's SLA says
        Instant deadline = request.deadline() != null ? request.deadline()
                : now.plus(Duration.ofHours(rules.subcategory(request.subcategory()).slaHours().resolution()));
        Subject subject = new Subject(null, request.subcategory(), request.areaCode(), level, parties,
                Set.of(), Set.of(), deadline);
        List<MediatorRole> asked = request.roles().isEmpty() ? roles.required() : request.roles();
        return new Result(roles.required(), roles.optional(), asked.stream().map(role -> new RoleRanking(role,
                matching.rank(subject, role, now, request.limit(), Matching.LISTED_EXCLUSIONS))).toList());
    }

    private TeamParty party(Party p) {
        TeamParty party = new TeamParty(p.name(), p.language());
        party.organization = Boolean.TRUE.equals(p.organization());
        party.nameKey = PartyKeys.nameKey(p.name());
        party.idNumberHash = keys.idNumberHash(p.idNumber());
        party.phoneHash = keys.phoneHash(p.phone());
        return party;
    }
}
