package cn.tiaojie.mediator.service;

import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.DeclaredConflict;
import cn.tiaojie.mediator.MatchingConfig;
import cn.tiaojie.mediator.Mediator;
import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.Offer;
import cn.tiaojie.mediator.OfferStatus;
import cn.tiaojie.mediator.Team;
import cn.tiaojie.mediator.TeamParty;
import cn.tiaojie.mediator.TeamStatus;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Forms teams: offers each required role to the best candidate, moves a declined or expired offer on to the next
 * one, and reports the team to case-service once every role has accepted. Every change to a team runs with the
 * team's row locked, so two mediators answering at once are applied one after the other.
 */
@ApplicationScoped
public class TeamFormation {

    private static final Logger LOG = Logger.getLogger(TeamFormation.class);
    static final String MATCHING = "matching";
    private static final int SWEEP_BATCH = 100;

    public record Requested(Team team, boolean created) {
    }

    private final EntityManager em;
    private final TeamRules rules;
    private final Matching matching;
    private final MediatorMessages messages;
    private final Outbox outbox;
    private final MatchingConfig config;
    private final ObjectMapper json;

    TeamFormation(EntityManager em, TeamRules rules, Matching matching, MediatorMessages messages, Outbox outbox,
            MatchingConfig config, ObjectMapper json) {
        this.em = em;
        this.rules = rules;
        this.matching = matching;
        this.messages = messages;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
    }

    /** case-service asks for a team; a repeated request for the same case answers the existing team. */
    @Transactional
    public Requested requestTeam(TeamRequest request) {
        UUID caseId = checked(request);
        Optional<Team> existing = Team.ofCase(caseId);
        if (existing.isPresent()) {
            return new Requested(existing.get(), false);
        }
        Instant now = Instant.now();
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.caseId = caseId;
        team.caseNo = request.getCaseNo();
        team.subcategory = request.getSubcategory();
        team.areaCode = request.getAreaCode();
        team.level = AreaLevel.valueOf(request.getLevel().name());
        team.centerCode = request.getCenterCode();
        team.riskFlags = String.join(",", request.getRiskFlagsList());
        team.deadline = ProtoTime.toInstant(request.getDeadline());
        team.requiredRoles.addAll(rules.requiredRoles(request.getSubcategory(), request.getRiskFlagsList()));
        request.getPartiesList().forEach(p -> team.parties.add(new TeamParty(p.getName(),
                p.getLanguage().isBlank() ? null : p.getLanguage())));
        team.status = TeamStatus.FORMING;
        team.createdAt = now;
        team.updatedAt = now;
        team.persist();
        for (MediatorRole role : team.requiredRoles) {
            offerToBestCandidate(team, role, now);
        }
        updateStatus(team, now);
        return new Requested(team, true);
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
        offerToBestCandidate(team, offer.role, now);
        updateStatus(team, now);
        return offer;
    }

    /** Staff pick a mediator for a role nobody holds, skipping the ranking but not the conflict check. */
    @Transactional
    public Offer assignByHand(UUID teamId, MediatorRole role, String mediatorId, String actor) {
        Team team = Team.findById(teamId, LockModeType.PESSIMISTIC_WRITE);
        if (team == null) {
            throw ProblemException.notFound("team", teamId);
        }
        if (!team.requiredRoles.contains(role)) {
            throw ProblemException.badRequest("role", "the team of case " + team.caseNo + " needs only " + team.requiredRoles);
        }
        team.liveOffer(role).ifPresent(o -> {
            throw ProblemException.conflict(role + " is already " + o.status + " by mediator " + o.mediator.id);
        });
        Mediator mediator = Mediator.findById(mediatorId);
        if (mediator == null || !mediator.active) {
            throw ProblemException.badRequest("mediatorId", "no active mediator " + mediatorId);
        }
        if (mediator.role != role) {
            throw ProblemException.badRequest("mediatorId", mediatorId + " is a " + mediator.role + ", not a " + role);
        }
        boolean conflicted = team.parties.stream().anyMatch(p -> p.name != null && DeclaredConflict.count(
                "mediatorId = ?1 and lower(trim(partyName)) = ?2", mediatorId,
                Matching.normalizedName(p.name)) > 0);
        if (conflicted) {
            throw ProblemException.conflict(mediatorId + " declared a conflict of interest with a party of case " + team.caseNo);
        }
        Instant now = Instant.now();
        Offer offer = offer(team, role, mediator, null, actor, now);
        updateStatus(team, now);
        return offer;
    }

    /** Expires every offer past its time and moves each role on; each offer in its own transaction. */
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
        return expired;
    }

    private boolean expire(UUID offerId, Instant now) {
        Team team = lockTeamOf(offerId, null);
        Offer offer = Offer.findById(offerId);
        if (offer.status != OfferStatus.OFFERED || offer.expiresAt.isAfter(now)) {
            return false; // answered, or its time changed, since the sweep read it
        }
        offer.status = OfferStatus.EXPIRED;
        offerToBestCandidate(team, offer.role, now);
        updateStatus(team, now);
        return true;
    }

    private void offerToBestCandidate(Team team, MediatorRole role, Instant now) {
        // the previous offer of this role must be written as answered before the next one is inserted
        em.flush();
        Matching.Ranking ranking = matching.rank(team, role, now);
        if (ranking.isEmpty()) {
            LOG.infof("case %s: no candidate left for %s (%d excluded)", team.caseNo, role, ranking.excluded().size());
            return;
        }
        Matching.Candidate best = ranking.candidates().get(0);
        Offer offer = offer(team, role, best.mediator(), BigDecimal.valueOf(best.score()), MATCHING, now);
        offer.explanation = explanation(best.scoreParts());
    }

    private Offer offer(Team team, MediatorRole role, Mediator mediator, BigDecimal score, String offeredBy, Instant now) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.team = team;
        offer.role = role;
        offer.mediator = mediator;
        offer.status = OfferStatus.OFFERED;
        offer.score = score;
        offer.offeredBy = offeredBy;
        offer.offeredAt = now;
        offer.expiresAt = now.plus(offerTtl(team));
        offer.persist();
        team.offers.add(offer);
        outbox.enqueue(MediatorTopics.SEND_NOTICE, messages.offerNotice(offer));
        return offer;
    }

    private String explanation(Map<String, Double> scoreParts) {
        try {
            return json.writeValueAsString(scoreParts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score parts are plain numbers and always serialise", e);
        }
    }

    private Duration offerTtl(Team team) {
        return team.riskFlagList().isEmpty() ? config.offerTtl() : config.riskOfferTtl();
    }

    /** Derives the team's status from its offers; the move to FORMED tells case-service, once. */
    private void updateStatus(Team team, Instant now) {
        boolean formed = team.requiredRoles.stream()
                .allMatch(r -> team.liveOffer(r).filter(o -> o.status == OfferStatus.ACCEPTED).isPresent());
        boolean roleWithoutOffer = team.requiredRoles.stream().anyMatch(r -> team.liveOffer(r).isEmpty());
        TeamStatus next = formed ? TeamStatus.FORMED
                : roleWithoutOffer ? TeamStatus.NEEDS_MANUAL_ASSIGNMENT : TeamStatus.FORMING;
        if (next == team.status) {
            return;
        }
        team.status = next;
        team.updatedAt = now;
        if (next == TeamStatus.FORMED) {
            team.formedAt = now;
            outbox.enqueue(MediatorTopics.RECORD_TEAM_ASSIGNED, messages.teamAssigned(team));
        }
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
            throw ProblemException.conflict("the offer expired at " + MediatorMessages.local(offer.expiresAt)
                    + " (Asia/Shanghai) and goes to the next candidate");
        }
    }

    private static UUID checked(TeamRequest request) {
        UUID caseId;
        try {
            caseId = UUID.fromString(request.getCaseId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("case_id", "must be a UUID");
        }
        if (request.getCaseNo().isBlank()) {
            throw ProblemException.badRequest("case_no", "is required");
        }
        if (!AreaCodes.isValid(request.getAreaCode())) {
            throw ProblemException.badRequest("area_code", "must be a 6, 9, 12 or 15 digit area code");
        }
        if (request.getLevelValue() < 1 || request.getLevelValue() > 4) {
            throw ProblemException.badRequest("level", "is required");
        }
        if (request.getCenterCode().isBlank()) {
            throw ProblemException.badRequest("center_code", "is required");
        }
        if (ProtoTime.toInstant(request.getDeadline()) == null) {
            throw ProblemException.badRequest("deadline", "is required");
        }
        return caseId;
    }
}
