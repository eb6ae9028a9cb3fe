package cn.tiaojie.cases.service;

import cn.tiaojie.cases.CaseEvent;
import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.FollowUp;
import cn.tiaojie.cases.Party;
import cn.tiaojie.cases.Rating;
import cn.tiaojie.cases.rest.ActionRequests;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** After the outcome: each party rates the service once (评价); staff record follow-up visits (回访). */
@ApplicationScoped
public class Aftercare {

    private final AuditTrail audit;
    private final EntityManager em;

    Aftercare(AuditTrail audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public Rating rate(UUID caseId, UUID partyId, ActionRequests.NewRating request, Actor actor) {
        DisputeCase c = CaseLifecycle.load(caseId, null);
        if (!CaseActions.hasOutcome(c)) {
            throw ProblemException.conflict("case " + c.caseNo + " has no outcome yet; it can be rated once it has");
        }
        Party party = c.parties.stream().filter(p -> p.id.equals(partyId)).findFirst()
                .orElseThrow(() -> ProblemException.forbidden("your token names no party of this case"));
        int inserted = em.createNativeQuery("""
                insert into rating (case_id, party_id, score, comment, rated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict do nothing""").unwrap(NativeQuery.class)
                .setParameter(1, c.id).setParameter(2, party.id).setParameter(3, request.score().shortValue())
                .setParameter(4, request.comment(), String.class).setParameter(5, Times.now()).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("this party has already rated case " + c.caseNo);
        }
        CaseEvent.record(c.id, "RATED", actor.name(), request.score() + "/5");
        audit.append(actor, "RATE", c.id, null, Digests.of(party.id, request.score(), request.comment()));
        return Rating.findById(new Rating.Key(c.id, party.id));
    }

    @Transactional
    public FollowUp followUp(UUID caseId, ActionRequests.NewFollowUp request, Actor actor) {
        DisputeCase c = CaseLifecycle.load(caseId, null);
        if (!CaseActions.Action.FOLLOW_UPS.allowedIn(c)) {
            throw ProblemException.conflict("case " + c.caseNo + " has no outcome yet; follow-ups come after it");
        }
        FollowUp f = new FollowUp();
        f.id = UUID.randomUUID();
        f.caseId = c.id;
        f.method = request.method();
        f.note = request.note();
        f.agreementPerformed = request.agreementPerformed();
        f.visitedAt = Times.now();
        f.recordedBy = actor.name();
        f.persist();
        CaseEvent.record(c.id, "FOLLOWED_UP", actor.name(), f.method
                + (f.agreementPerformed == null ? "" : f.agreementPerformed ? ", agreement performed" : ", agreement not performed"));
        audit.append(actor, "FOLLOW_UP", c.id, null, Digests.of(f.id, f.method, f.note, f.agreementPerformed));
        return f;
    }
}
