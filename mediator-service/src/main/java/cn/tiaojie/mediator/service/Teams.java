package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.ChoiceList;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamAudit;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.model.TeamSummary;
import cn.tiaojie.mediator.service.matching.Matching;
import cn.tiaojie.mediator.service.matching.Ranking;
import cn.tiaojie.mediator.service.matching.Subject;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Teams as callers read and steer them, each call one transaction with the caller's access checked in it. A team
 * is handed to the caller's {@code view} inside the transaction, where its offers and members can still be read.
 */
@ApplicationScoped
public class Teams {

    /** One page of teams, each as the caller's view made it, and how many teams the filter matched. */
    public record Listed<V>(List<V> items, long total) {
    }

    private final TeamFormation formation;
    private final Matching matching;
    private final Access access;

    Teams(TeamFormation formation, Matching matching, Access access) {
        this.formation = formation;
        this.matching = matching;
        this.access = access;
    }

    /** Staff see their center's teams, supervisors their area's, admins all; newest first. */
    @Transactional
    public <V> Listed<V> list(Caller caller, TeamStatus status, UUID caseId, int page, int size,
            Function<Team, V> view) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (caller.is(Claims.STAFF) && !caller.is(Claims.ADMIN)) {
            where.append(" and centerCode = :center");
            params.put("center", caller.center().orElse(""));
        } else if (caller.is(Claims.SUPERVISOR) && !caller.is(Claims.ADMIN)) {
            where.append(" and areaCode like :area");
            params.put("area", caller.area().orElse("-") + "%");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (caseId != null) {
            where.append(" and caseId = :caseId");
            params.put("caseId", caseId);
        }
        PanacheQuery<Team> query = Team.find(where.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size));
        return new Listed<>(query.list().stream().map(view).toList(), query.count());
    }

    @Transactional
    public <V> V visible(Caller caller, UUID id, Function<Team, V> view) {
        return view.apply(access.visibleTeam(caller, id));
    }

    /** The team of a case, if the caller may see it. */
    @Transactional
    public <V> V ofCase(Caller caller, UUID caseId, Function<Team, V> view) {
        Team team = Team.ofCase(caseId).orElseThrow(() -> ProblemException.notFound("team of case", caseId));
        return view.apply(access.visibleTeam(caller, team.id));
    }

    /** The team of a case as other services read it. */
    @Transactional
    public Optional<TeamSummary> summaryOfCase(UUID caseId) {
        return Team.ofCase(caseId).map(TeamSummary::of);
    }

    /** The ranking matching would use for a role of the team right now, for staff who manage it. */
    @Transactional
    public Ranking candidates(Caller caller, UUID id, MediatorRole role) {
        Team team = access.manageableTeam(caller, id);
        return matching.rank(Subject.of(team, Set.of()), role, Instant.now(), 100, Matching.LISTED_EXCLUSIONS);
    }

    /** Who did what to the team by hand, oldest first. */
    @Transactional
    public List<TeamAudit> audit(Caller caller, UUID id) {
        access.visibleTeam(caller, id);
        return TeamAudit.list("teamId", Sort.ascending("at"), id);
    }

    @Transactional
    public List<ChoiceListDetail> choiceLists(Caller caller, UUID id) {
        access.visibleTeam(caller, id);
        return ChoiceList.<ChoiceList>list("teamId", Sort.ascending("publishedAt"), id).stream()
                .map(l -> ChoiceListDetail.of(l, null)).toList();
    }

    /** Party choice: staff who manage the team publish a short list for one role. */
    @Transactional
    public ChoiceListDetail publishChoiceList(Caller caller, UUID id, MediatorRole role, List<String> mediatorIds) {
        access.manageableTeam(caller, id);
        return ChoiceListDetail.of(formation.publishChoiceList(id, role, mediatorIds, caller.subject()), null);
    }

    /** Assignment by hand by staff who manage the team; the offer is handed to {@code view} in the transaction. */
    @Transactional
    public <V> V assignByHand(Caller caller, UUID id, MediatorRole role, String mediatorId, String reason,
            Function<cn.tiaojie.mediator.model.Offer, V> view) {
        access.manageableTeam(caller, id);
        return view.apply(formation.assignByHand(id, role, mediatorId, reason, caller.subject()));
    }

    /** Staff close a choice list before every party answered. */
    @Transactional
    public ChoiceListDetail decideChoiceList(Caller caller, UUID listId) {
        ChoiceList list = ChoiceList.findById(listId);
        if (list == null) {
            throw ProblemException.notFound("choice list", listId);
        }
        access.manageableTeam(caller, list.teamId);
        return ChoiceListDetail.of(formation.decideChoiceList(listId, caller.subject()), null);
    }
}
