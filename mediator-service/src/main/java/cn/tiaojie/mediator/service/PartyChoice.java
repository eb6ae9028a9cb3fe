package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.ChoiceBallot;
import cn.tiaojie.mediator.model.ChinaTime;
import cn.tiaojie.mediator.model.ChoiceList;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Strike-and-rank (as arbitration institutions run it): each party strikes the listed mediators they object to and
 * ranks the rest, 1 the most preferred. A mediator struck by anyone is out; the others go in order of the sum of
 * their ranks (lowest first, the highest mutual rank), then the worst single rank, then the list's order.
 */
@ApplicationScoped
public class PartyChoice {

    private final TeamFormation formation;

    PartyChoice(TeamFormation formation) {
        this.formation = formation;
    }

    /** The choice lists of a resident's own case (their token names case and party), as that party sees them. */
    @Transactional
    public List<ChoiceListDetail> listsOf(String caseId, String partyId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("your token names no case");
        }
        Team team = Team.ofCase(id).orElseThrow(() -> ProblemException.notFound("team of case", caseId));
        if (partyOf(team, partyId) == null) {
            throw ProblemException.notFound("team of case", caseId);
        }
        return ChoiceList.<ChoiceList>list("teamId", Sort.ascending("publishedAt"), team.id).stream()
                .map(l -> ChoiceListDetail.of(l, partyId)).toList();
    }

    /** A party's answer, and the list as that party now sees it. */
    @Transactional
    public ChoiceListDetail answer(UUID listId, String caseId, String partyId, List<String> struck,
            List<String> ranking) {
        return ChoiceListDetail.of(submit(listId, caseId, partyId, struck, ranking), partyId);
    }

    /** A party's answer replaces their previous one; when every party has answered the list is decided. */
    @Transactional
    public ChoiceList submit(UUID listId, String caseId, String partyId, List<String> struck, List<String> ranking) {
        ChoiceList list = ChoiceList.findById(listId);
        Team team = list == null ? null : Team.findById(list.teamId, LockModeType.PESSIMISTIC_WRITE);
        if (team == null || !team.caseId.toString().equals(caseId)
                || team.parties.stream().noneMatch(p -> partyId.equals(p.partyId))) {
            throw ProblemException.notFound("choice list", listId);
        }
        ChoiceList.getEntityManager().refresh(list);
        if (list.status != ChoiceList.Status.OPEN) {
            throw ProblemException.conflict("the choice list is " + list.status + " and takes no more answers");
        }
        Instant now = Instant.now();
        if (!list.closesAt.isAfter(now)) {
            throw ProblemException.conflict("the choice list closed at " + ChinaTime.local(list.closesAt));
        }
        checkCoversTheList(list, struck, ranking);
        ChoiceBallot.delete("key.listId = ?1 and key.partyId = ?2", listId, partyId);
        ChoiceBallot.getEntityManager().flush();
        for (String id : struck) {
            mark(listId, partyId, id, null, now);
        }
        for (int i = 0; i < ranking.size(); i++) {
            mark(listId, partyId, ranking.get(i), i + 1, now);
        }
        ChoiceBallot.getEntityManager().flush();
        Set<String> parties = new HashSet<>(team.parties.stream().map(p -> p.partyId).filter(Objects::nonNull).toList());
        Set<String> answered = new HashSet<>(ballots(listId).stream().map(b -> b.key.partyId).toList());
        if (answered.containsAll(parties)) {
            return formation.decideChoiceList(listId, "parties");
        }
        return list;
    }

    private static void checkCoversTheList(ChoiceList list, List<String> struck, List<String> ranking) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < struck.size(); i++) {
            if (!list.mediatorIds.contains(struck.get(i))) {
                errors.add(new Problem.FieldError("struck[" + i + "]", struck.get(i) + " is not on the list"));
            } else if (!seen.add(struck.get(i))) {
                errors.add(new Problem.FieldError("struck[" + i + "]", struck.get(i) + " appears twice"));
            }
        }
        for (int i = 0; i < ranking.size(); i++) {
            if (!list.mediatorIds.contains(ranking.get(i))) {
                errors.add(new Problem.FieldError("ranking[" + i + "]", ranking.get(i) + " is not on the list"));
            } else if (!seen.add(ranking.get(i))) {
                errors.add(new Problem.FieldError("ranking[" + i + "]", ranking.get(i) + " appears twice"));
            }
        }
        if (errors.isEmpty() && !seen.containsAll(list.mediatorIds)) {
            errors.add(new Problem.FieldError("ranking", "strike or rank every mediator on the list: "
                    + list.mediatorIds.stream().filter(id -> !seen.contains(id)).toList() + " missing"));
        }
        if (errors.isEmpty() && ranking.isEmpty()) {
            errors.add(new Problem.FieldError("ranking", "rank at least one mediator"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "the answer does not fit the choice list", errors);
        }
    }

    private static void mark(UUID listId, String partyId, String mediatorId, Integer rank, Instant now) {
        ChoiceBallot ballot = new ChoiceBallot();
        ballot.key = new ChoiceBallot.Key(listId, partyId, mediatorId);
        ballot.rank = rank;
        ballot.submittedAt = now;
        ballot.persist();
    }

    public static List<ChoiceBallot> ballots(UUID listId) {
        return ChoiceBallot.list("key.listId", listId);
    }

    /** The decided order: nobody's strike, lowest rank sum, then lowest worst rank, then the published order. */
    static List<String> order(ChoiceList list, List<ChoiceBallot> ballots) {
        Set<String> struck = new HashSet<>();
        Map<String, Integer> sum = new HashMap<>();
        Map<String, Integer> worst = new HashMap<>();
        for (ChoiceBallot b : ballots) {
            if (b.rank == null) {
                struck.add(b.key.mediatorId);
            } else {
                sum.merge(b.key.mediatorId, b.rank, Integer::sum);
                worst.merge(b.key.mediatorId, b.rank, Math::max);
            }
        }
        return list.mediatorIds.stream().filter(id -> !struck.contains(id))
                .sorted(Comparator.comparingInt((String id) -> sum.getOrDefault(id, 0))
                        .thenComparingInt(id -> worst.getOrDefault(id, 0))
                        .thenComparingInt(list.mediatorIds::indexOf))
                .toList();
    }

    /** The party of a team a resident's token names, or null. */
    public static TeamParty partyOf(Team team, String partyId) {
        return team.parties.stream().filter(p -> partyId.equals(p.partyId)).findFirst().orElse(null);
    }
}
