package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.service.privacy.PartyKeys;
import cn.tiaojie.mediator.service.matching.Candidate;
import cn.tiaojie.mediator.service.matching.Contact;
import cn.tiaojie.mediator.service.matching.Excluded;
import cn.tiaojie.mediator.service.matching.Matching;
import cn.tiaojie.mediator.service.matching.Ranking;
import cn.tiaojie.mediator.service.matching.Subject;
import cn.tiaojie.mediator.client.MediatorOutbox;
import cn.tiaojie.mediator.model.ChinaTime;
import cn.tiaojie.mediator.model.ChoiceList;
import cn.tiaojie.mediator.config.MatchingConfig;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamAudit;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Forms teams: offers each required role to the best candidate, moves a declined or expired offer on to the next
 * one, and reports the team to case-service once every role has accepted. Every change to a team runs with the
 * team's row locked, so answers racing on one team are applied one after the other.
 */
@ApplicationScoped
public class TeamFormation {

    private static final Logger LOG = Logger.getLogger(TeamFormation.class);
    static final String MATCHING = "matching";
    static final String PARTY_CHOICE = "party-choice";
    private static final int SWEEP_BATCH = 100;
    /** an explanation lists the best-scored exclusions up to this many, and counts every exclusion per rule */
    static final int EXPLAINED_EXCLUSIONS = 20;

    public record Requested(Team team, boolean created) {
    }

    private final EntityManager em;
    private final TeamRules rules;
    private final Matching matching;
    private final MediatorOutbox outbox;
    private final MatchingConfig config;
    private final PartyKeys keys;
    private final ObjectMapper json;
    private final NewTeams newTeams;

    TeamFormation(EntityManager em, TeamRules rules, Matching matching, MediatorOutbox outbox,
            MatchingConfig config, PartyKeys keys, ObjectMapper json, NewTeams newTeams) {
        this.em = em;
        this.rules = rules;
        this.matching = matching;
        this.outbox = outbox;
        this.config = config;
        this.keys = keys;
        this.json = json;
        this.newTeams = newTeams;
    }

    /**
     * case-service asks for a team; a repeated request for the same case, or one racing it, answers the existing team
     * and writes nothing.
     */
    @Transactional
    public Requested requestTeam(TeamAsked request) {
        UUID caseId = checked(request);
        Instant now = Instant.now();
        TeamRules.Roles held = rules.heldRoles(request.subcategory(), request.riskFlags());
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.caseId = caseId;
        team.caseNo = request.caseNo();
        team.subcategory = request.subcategory();
        team.areaCode = request.areaCode();
        team.level = request.level();
        team.centerCode = request.centerCode();
        team.riskFlags = String.join(",", request.riskFlags());
        team.deadline = request.deadline();
        request.parties().forEach(p -> team.parties.add(party(p)));
        team.status = TeamStatus.FORMING;
        team.createdAt = now;
        team.updatedAt = now;
        // notices (and alerts) once the team is written: a request that finds the case taken sends none
        List<Runnable> notices = new ArrayList<>();
        // every role ranked in one statement: a new team has no earlier offers nor choice lists to tell them apart;
        // the rules go out with it, read again to confirm the roles held in memory
        Subject subject = Subject.of(team, Set.of());
        TeamRules.Reading reading = rules.reading();
        Map<MediatorRole, Ranking> rankings = matching.rankEach(subject, held.required(), now,
                Matching.OFFER_CANDIDATES, EXPLAINED_EXCLUSIONS, reading);
        TeamRules.Roles roles = reading.roles(request.subcategory(), request.riskFlags());
        if (!roles.equals(held)) {
            // an admin changed the rules since this replica read them: rank by the rules just read
            rankings = matching.rankEach(subject, roles.required(), now, Matching.OFFER_CANDIDATES,
                    EXPLAINED_EXCLUSIONS);
        }
        team.requiredRoles.addAll(roles.required());
        team.optionalRoles.addAll(roles.optional());
        for (MediatorRole role : team.requiredRoles) {
            offerToNextCandidate(team, role, now, rankings.get(role), notices);
        }
        updateStatus(team, now);
        if (!newTeams.insert(team)) {
            return new Requested(Team.ofCase(caseId).orElseThrow(), false);
        }
        notices.forEach(Runnable::run);
        return new Requested(team, true);
    }

    private TeamParty party(TeamAsked.Party p) {
        TeamParty party = new TeamParty(p.name(), p.language().isBlank() ? null : p.language());
        party.partyId = p.partyId().isBlank() ? null : p.partyId();
        party.partyRole = p.role();
        party.organization = p.organization();
        party.nameKey = PartyKeys.nameKey(p.name());
        party.idNumberHash = keys.idNumberHash(p.idNumber());
        party.phoneHash = keys.phoneHash(p.phone());
        return party;
    }

    /** The mediator takes the place; accepting an offer already accepted changes nothing. */
    @Transactional
    public Offer accept(UUID offerId, String mediatorId) {
        Team team = lockTeamOf(offerId, mediatorId);
        Offer offer = Offer.findById(offerId);
        if (offer.status == OfferStatus.ACCEPTED) {
            return offer;
        }
        Instant now = Instant.now();
        checkOpen(offer, now);
        offer.status = OfferStatus.ACCEPTED;
        offer.respondedAt = now;
        updateStatus(team, now);
        return offer;
    }

    /** The mediator turns the place down; the role goes to the next candidate. Declining twice changes nothing. */
    @Transactional
    public Offer decline(UUID offerId, String mediatorId, String reason) {
        Team team = lockTeamOf(offerId, mediatorId);
        Offer offer = Offer.findById(offerId);
        if (offer.status == OfferStatus.DECLINED) {
            return offer;
        }
        Instant now = Instant.now();
        checkOpen(offer, now);
        offer.status = OfferStatus.DECLINED;
        offer.respondedAt = now;
        offer.declineReason = reason;
        offerToNextCandidate(team, offer.role, now, null, null);
        updateStatus(team, now);
        return offer;
    }

    /**
     * Staff pick a mediator for a role nobody holds (人工指派), with a reason that goes to the audit trail. The
     * ranking is skipped, the hard rules are not: the mediator must be active and free of conflicts of interest.
     * An optional role of the team's rule may be added this way before the team is formed.
     */
    @Transactional
    public Offer assignByHand(UUID teamId, MediatorRole role, String mediatorId, String reason, String actor) {
        Team team = lockedTeam(teamId);
        boolean addsOptionalRole = !team.requiredRoles.contains(role) && team.optionalRoles.contains(role);
        if (!team.requiredRoles.contains(role) && !addsOptionalRole) {
            throw ProblemException.badRequest("role", "the team of case " + team.caseNo + " takes only "
                    + team.requiredRoles + (team.optionalRoles.isEmpty() ? "" : " and optionally " + team.optionalRoles));
        }
        if (addsOptionalRole && team.status == TeamStatus.FORMED) {
            throw ProblemException.conflict("the team of case " + team.caseNo + " is formed; roles can no longer be added");
        }
        team.liveOffer(role).ifPresent(o -> {
            throw ProblemException.conflict(role + " is already " + o.status + " by mediator " + o.mediator.id);
        });
        Mediator mediator = Mediator.findById(mediatorId);
        if (mediator == null || !mediator.isActive()) {
            throw ProblemException.badRequest("mediatorId", "no active mediator " + mediatorId);
        }
        if (mediator.role != role) {
            throw ProblemException.badRequest("mediatorId", mediatorId + " is a " + mediator.role + ", not a " + role);
        }
        Instant now = Instant.now();
        // staff may reach beyond the handling area: check the mediator where they serve
        Subject subject = new Subject(team.id, team.subcategory, mediator.areaCode,
                AreaLevel.GRID, team.parties, Set.of(), Set.of(), team.deadline);
        Excluded conflict = matching.conflictOf(subject, role, mediatorId, now);
        if (conflict != null) {
            throw ProblemException.conflict(mediatorId + " may not take case " + team.caseNo + ": " + conflict.rule()
                    + " (" + conflict.detail() + ")");
        }
        if (addsOptionalRole) {
            team.requiredRoles.add(role);
            TeamAudit.record(team.id, TeamAudit.Action.OPTIONAL_ROLE_ADDED, role, null, actor, reason, now);
        }
        Offer offer = newOffer(team, role, mediator, null, actor,
                json(Map.of("assignedByHand", true, "reason", reason, "by", actor)), now);
        offer.persist();
        outbox.offerNotice(offer);
        TeamAudit.record(team.id, TeamAudit.Action.ASSIGNED_BY_HAND, role, mediatorId, actor, reason, now);
        updateStatus(team, now);
        return offer;
    }

    /**
     * Party choice: staff publish a short list of eligible mediators for a role; an open offer of that role is
     * withdrawn while the parties strike and rank.
     */
    @Transactional
    public ChoiceList publishChoiceList(UUID teamId, MediatorRole role, List<String> mediatorIds, String actor) {
        Team team = lockedTeam(teamId);
        if (!team.requiredRoles.contains(role)) {
            throw ProblemException.badRequest("role", "the team of case " + team.caseNo + " needs only " + team.requiredRoles);
        }
        if (team.parties.stream().noneMatch(p -> p.partyId != null)) {
            throw ProblemException.conflict("the parties of case " + team.caseNo + " cannot be identified to choose");
        }
        if (new java.util.HashSet<>(mediatorIds).size() < mediatorIds.size()) {
            throw ProblemException.badRequest("mediatorIds", "names a mediator twice");
        }
        Optional<Offer> live = team.liveOffer(role);
        if (live.isPresent() && live.get().status == OfferStatus.ACCEPTED) {
            throw ProblemException.conflict(role + " is already accepted by mediator " + live.get().mediator.id);
        }
        if (ChoiceList.count("teamId = ?1 and role = ?2 and status = ?3", teamId, role, ChoiceList.Status.OPEN) > 0) {
            throw ProblemException.conflict("a choice list for " + role + " is already open");
        }
        Instant now = Instant.now();
        live.ifPresent(o -> {
            o.status = OfferStatus.WITHDRAWN;
            o.respondedAt = now;
        });
        Ranking judged = matching.judge(Subject.of(team, Set.of()), role, mediatorIds, now);
        Set<String> eligible = new java.util.HashSet<>();
        judged.candidates().forEach(c -> eligible.add(c.mediatorId()));
        live.ifPresent(o -> eligible.add(o.mediator.id));
        for (int i = 0; i < mediatorIds.size(); i++) {
            if (!eligible.contains(mediatorIds.get(i))) {
                String id = mediatorIds.get(i);
                String why = judged.exclusion(id)
                        .map(e -> e.rule() + ": " + e.detail()).orElse("not a " + role + " within reach of the case");
                throw ProblemException.badRequest("mediatorIds[" + i + "]", id + " cannot be offered this case (" + why + ")");
            }
        }
        ChoiceList list = new ChoiceList();
        list.id = UUID.randomUUID();
        list.teamId = team.id;
        list.role = role;
        list.status = ChoiceList.Status.OPEN;
        list.mediatorIds.addAll(mediatorIds);
        list.publishedBy = actor;
        list.publishedAt = now;
        list.closesAt = now.plus(config.choiceWindow());
        list.persist();
        TeamAudit.record(team.id, TeamAudit.Action.CHOICE_LIST_PUBLISHED, role, null, actor,
                String.join(",", mediatorIds), now);
        updateStatus(team, now);
        return list;
    }

    /** Decides a choice list (every party answered, it closed, or staff close it) and offers the role. */
    @Transactional
    public ChoiceList decideChoiceList(UUID listId, String actor) {
        ChoiceList list = ChoiceList.findById(listId);
        if (list == null) {
            throw ProblemException.notFound("choice list", listId);
        }
        Team team = lockedTeam(list.teamId);
        em.refresh(list);
        if (list.status != ChoiceList.Status.OPEN) {
            return list;
        }
        Instant now = Instant.now();
        list.decidedOrder = String.join(",", PartyChoice.order(list, PartyChoice.ballots(list.id)));
        list.status = ChoiceList.Status.DECIDED;
        list.decidedAt = now;
        TeamAudit.record(team.id, TeamAudit.Action.CHOICE_LIST_DECIDED, list.role, null, actor, list.decidedOrder, now);
        if (team.liveOffer(list.role).isEmpty()) {
            offerToNextCandidate(team, list.role, now, null, null);
        }
        updateStatus(team, now);
        return list;
    }

    /** Expires every offer past its time and decides every choice list past its close; each in its own transaction. */
    public int expireDue() {
        Instant now = Instant.now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id from Offer o where o.status = :offered and o.expiresAt <= :now order by o.expiresAt",
                UUID.class).setParameter("offered", OfferStatus.OFFERED).setParameter("now", now)
                .setMaxResults(SWEEP_BATCH).getResultList());
        int expired = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> expire(id, now))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "offer %s could not be expired; the next sweep tries again", id);
            }
        }
        List<UUID> closed = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select l.id from ChoiceList l where l.status = :open and l.closesAt <= :now", UUID.class)
                .setParameter("open", ChoiceList.Status.OPEN).setParameter("now", now)
                .setMaxResults(SWEEP_BATCH).getResultList());
        for (UUID id : closed) {
            try {
                QuarkusTransaction.requiringNew().run(() -> decideChoiceList(id, MATCHING));
            } catch (RuntimeException e) {
                LOG.warnf(e, "choice list %s could not be decided; the next sweep tries again", id);
            }
        }
        return expired;
    }

    private boolean expire(UUID offerId, Instant now) {
        Team team = lockTeamOf(offerId, null);
        Offer offer = Offer.findById(offerId);
        if (offer.status != OfferStatus.OFFERED || offer.expiresAt.isAfter(now)) {
            return false; // answered, or its time changed, since the sweep read it
        }
        offer.status = OfferStatus.EXPIRED;
        offerToNextCandidate(team, offer.role, now, null, null);
        updateStatus(team, now);
        return true;
    }

    /**
     * Offers a role to the next candidate: the parties' choice in its decided order while it lasts, then the
     * ranking. With nobody left the role waits for assignment by hand and the county's supervisors are alerted.
     * A team being created comes with its ranking ({@code newTeamRanking}); a stored team is ranked here.
     */
    private void offerToNextCandidate(Team team, MediatorRole role, Instant now, Ranking newTeamRanking,
            List<Runnable> deferredNotices) {
        List<ChoiceList> lists = List.of();
        if (newTeamRanking == null) {
            // the previous offer of this role must be written as answered before matching counts loads and the next
            // offer is inserted; a team being created has neither earlier offers nor choice lists
            em.flush();
            lists = ChoiceList.list("teamId = ?1 and role = ?2 and status <> ?3", team.id, role,
                    ChoiceList.Status.CANCELLED);
        }
        if (lists.stream().anyMatch(l -> l.status == ChoiceList.Status.OPEN)) {
            return; // the parties are still choosing
        }
        Set<String> struck = new java.util.HashSet<>();
        List<String> chosenOrder = new ArrayList<>();
        for (ChoiceList list : lists) {
            chosenOrder.addAll(list.decidedOrderList());
            struck.addAll(list.mediatorIds);
            struck.removeAll(list.decidedOrderList());
        }
        Subject subject = Subject.of(team, struck);
        Ranking ranking = newTeamRanking != null ? newTeamRanking
                : matching.rank(subject, role, now, Matching.OFFER_CANDIDATES, EXPLAINED_EXCLUSIONS);
        Candidate chosen = null;
        String offeredBy = MATCHING;
        if (!chosenOrder.isEmpty()) {
            Ranking chosenByParties = matching.judge(subject, role, chosenOrder, now);
            for (String id : chosenOrder) {
                chosen = chosenByParties.candidate(id).orElse(null);
                if (chosen != null) {
                    offeredBy = PARTY_CHOICE;
                    break;
                }
            }
        }
        if (chosen == null && !ranking.isEmpty()) {
            chosen = ranking.candidates().get(0);
        }
        if (chosen == null) {
            int offersSoFar = (int) team.offers.stream().filter(o -> o.role == role).count();
            send(() -> {
                LOG.infof("case %s: no candidate left for %s (%d excluded); supervisors alerted", team.caseNo, role,
                        ranking.excludedTotal());
                outbox.noCandidateAlert(team, role, offersSoFar, ranking.excludedTotal());
            }, deferredNotices);
            return;
        }
        // matching read what the notice needs: the mediator row itself is not loaded
        Mediator mediator = em.getReference(Mediator.class, chosen.mediatorId());
        Offer offer = newOffer(team, role, mediator, BigDecimal.valueOf(chosen.score()), offeredBy,
                explanation(chosen, ranking, offeredBy), now);
        if (newTeamRanking == null) {
            offer.persist(); // a team being created is written whole, its offers with it (NewTeams)
        }
        Contact contact = chosen.contact();
        String mediatorId = chosen.mediatorId();
        String name = chosen.name();
        send(() -> outbox.offerNotice(offer, mediatorId, name, contact.phone(), contact.email(), contact.languages(),
                contact.channels()), deferredNotices);
    }

    private static void send(Runnable notice, List<Runnable> deferredNotices) {
        if (deferredNotices != null) {
            deferredNotices.add(notice);
        } else {
            notice.run();
        }
    }

    /** A new offer, complete before it is written: the row is inserted once and never updated in the same flush. */
    private Offer newOffer(Team team, MediatorRole role, Mediator mediator, BigDecimal score, String offeredBy,
            String explanation, Instant now) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.team = team;
        offer.role = role;
        offer.mediator = mediator;
        offer.status = OfferStatus.OFFERED;
        offer.score = score;
        offer.offeredBy = offeredBy;
        offer.explanation = explanation;
        offer.offeredAt = now;
        offer.expiresAt = now.plus(config.offerTtl(role, !team.riskFlagList().isEmpty()));
        team.offers.add(offer);
        return offer;
    }

    /**
     * Why this mediator: each factor's contribution, the rank among all candidates, the runners-up, how many
     * mediators each hard rule excluded and the best-scored of them one by one with rule and detail.
     */
    private String explanation(Candidate chosen, Ranking ranking, String offeredBy) {
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("score", chosen.score());
        explanation.put("factors", chosen.factors());
        explanation.put("chosenBy", offeredBy);
        int rank = ranking.candidate(chosen.mediatorId()).map(c -> ranking.candidates().indexOf(c) + 1).orElse(0);
        // a party's choice may rank below the candidates read; its rank is then not known, and null says so
        explanation.put("rank", rank > 0 ? rank : null);
        explanation.put("candidates", ranking.candidateTotal());
        explanation.put("runnersUp", ranking.candidates().stream().filter(c -> !c.mediatorId().equals(chosen.mediatorId()))
                .limit(3).map(c -> Map.of("mediatorId", c.mediatorId(), "score", c.score())).toList());
        explanation.put("excludedTotal", ranking.excludedTotal());
        Map<String, Integer> byRule = new LinkedHashMap<>();
        ranking.excludedByRule().forEach((rule, n) -> byRule.put(rule.name(), n));
        explanation.put("excludedByRule", byRule);
        explanation.put("excluded", ranking.excluded().stream()
                .map(e -> Map.of("mediatorId", e.mediatorId(), "rule", e.rule().name(), "detail", e.detail())).toList());
        return json(explanation);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explanations are maps of plain values and always serialise", e);
        }
    }

    /** Derives the team's status from its offers; the move to FORMED tells case-service, once. */
    private void updateStatus(Team team, Instant now) {
        boolean formed = team.requiredRoles.stream()
                .allMatch(r -> team.liveOffer(r).filter(o -> o.status == OfferStatus.ACCEPTED).isPresent());
        List<MediatorRole> withoutOffer = team.requiredRoles.stream().filter(r -> team.liveOffer(r).isEmpty()).toList();
        // a role whose parties are still choosing waits without an offer; look that up only when it matters
        boolean roleWithoutOffer = !withoutOffer.isEmpty()
                && !openChoiceRoles(team).containsAll(withoutOffer);
        TeamStatus next = formed ? TeamStatus.FORMED
                : roleWithoutOffer ? TeamStatus.NEEDS_MANUAL_ASSIGNMENT : TeamStatus.FORMING;
        if (next == team.status) {
            return;
        }
        team.status = next;
        team.updatedAt = now;
        if (next == TeamStatus.FORMED) {
            team.formedAt = now;
            outbox.teamAssigned(team);
        }
    }

    private static List<MediatorRole> openChoiceRoles(Team team) {
        return ChoiceList.<ChoiceList>list("teamId = ?1 and status = ?2", team.id, ChoiceList.Status.OPEN).stream()
                .map(l -> l.role).toList();
    }

    private static Team lockedTeam(UUID teamId) {
        Team team = Team.findById(teamId, LockModeType.PESSIMISTIC_WRITE);
        if (team == null) {
            throw ProblemException.notFound("team", teamId);
        }
        return team;
    }

    /** Locks the team an offer belongs to; 404 when there is no such offer or it was made to someone else. */
    private Team lockTeamOf(UUID offerId, String mediatorId) {
        List<Object[]> rows = em.createQuery("select o.team.id, o.mediator.id from Offer o where o.id = :offer",
                Object[].class).setParameter("offer", offerId).getResultList();
        if (rows.isEmpty() || (mediatorId != null && !mediatorId.equals(rows.get(0)[1]))) {
            throw ProblemException.notFound("offer", offerId);
        }
        return Team.findById(rows.get(0)[0], LockModeType.PESSIMISTIC_WRITE);
    }

    private static void checkOpen(Offer offer, Instant now) {
        if (offer.status != OfferStatus.OFFERED) {
            throw ProblemException.conflict("the offer is " + offer.status + " and can no longer be answered");
        }
        if (!offer.expiresAt.isAfter(now)) {
            throw ProblemException.conflict("the offer expired at " + ChinaTime.local(offer.expiresAt)
                    + " (Asia/Shanghai) and goes to the next candidate");
        }
    }

    private static UUID checked(TeamAsked request) {
        UUID caseId;
        try {
            caseId = UUID.fromString(request.caseId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("case_id", "must be a UUID");
        }
        if (request.caseNo().isBlank()) {
            throw ProblemException.badRequest("case_no", "is required");
        }
        if (!AreaCodes.isValid(request.areaCode())) {
            throw ProblemException.badRequest("area_code", "must be a 6, 9, 12 or 15 digit area code");
        }
        if (request.level() == null) {
            throw ProblemException.badRequest("level", "is required");
        }
        if (request.centerCode().isBlank()) {
            throw ProblemException.badRequest("center_code", "is required");
        }
        if (request.deadline() == null) {
            throw ProblemException.badRequest("deadline", "is required");
        }
        return caseId;
    }
}
