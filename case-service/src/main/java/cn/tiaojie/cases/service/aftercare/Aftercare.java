package cn.tiaojie.cases.service.aftercare;

import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.access.CaseActions;
import cn.tiaojie.cases.service.audit.AuditDigests;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.FollowUp;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.Rating;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.cases.model.Step;
import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Claims;
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
    private final Inbox inbox;

    Aftercare(AuditTrail audit, EntityManager em, Inbox inbox) {
        this.audit = audit;
        this.em = em;
        this.inbox = inbox;
    }

    @Transactional
    public Rating rate(UUID caseId, UUID partyId, AftercareCommands.NewRating request, Actor actor) {
        DisputeCase c = CaseLifecycle.load(caseId, null);
        Party party = c.parties.stream().filter(p -> p.id.equals(partyId)).findFirst()
                .orElseThrow(() -> ProblemException.forbidden("your token names no party of this case"));
        if (!insertRating(c, party, request.score(), request.comment(), StoredInstants.now(), actor)) {
            throw ProblemException.conflict("this party has already rated case " + c.caseNo);
        }
        return Rating.findById(new Rating.Key(c.id, party.id));
    }

    /**
     * A rating given through the evaluation invitation's link and relayed by notify-service; false when this
     * message or a rating by the same party came before (the party rates once, by whichever way).
     */
    @Transactional
    public boolean recordRating(AftercareCommands.RelayedRating message) {
        if (!inbox.firstDelivery(message.messageId())) {
            return false;
        }
        DisputeCase c = CaseLifecycle.load(UUID.fromString(message.caseId()), null);
        Party party = c.parties.stream().filter(p -> p.id.toString().equals(message.partyId())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("party of case " + c.caseNo, message.partyId()));
        if (message.score() < 1 || message.score() > 5) {
            throw ProblemException.badRequest("score", "must be between 1 and 5");
        }
        String comment = message.comment() == null || message.comment().isBlank() ? null : message.comment();
        return insertRating(c, party, message.score(), comment,
                StoredInstants.stored(message.ratedAt()),
                new Actor("party " + party.id + " via notice " + message.noticeId(), Claims.RESIDENT));
    }

    private boolean insertRating(DisputeCase c, Party party, int score, String comment, Instant ratedAt, Actor actor) {
        if (!CaseActions.hasOutcome(c)) {
            throw ProblemException.conflict("case " + c.caseNo + " has no outcome yet; it can be rated once it has");
        }
        int inserted = em.createNativeQuery("""
                insert into rating (case_id, party_id, score, comment, rated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict do nothing""").unwrap(NativeQuery.class)
                .setParameter(1, c.id).setParameter(2, party.id).setParameter(3, (short) score)
                .setParameter(4, comment, String.class).setParameter(5, ratedAt).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        CaseEvent.record(c.id, "RATED", actor.name(), score + "/5");
        audit.append(actor, "RATE", c.id, null, AuditDigests.of(party.id, score, comment));
        return true;
    }

    @Transactional
    public FollowUp followUp(UUID caseId, AftercareCommands.NewFollowUp request, Actor actor) {
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
        f.visitedAt = StoredInstants.now();
        f.recordedBy = actor.name();
        f.persist();
        if (c.step == Step.FOLLOW_UP) {
            // the 回访 due after the performance deadline is done
            c.step = null;
            c.stepStartedAt = null;
            c.stepDeadline = null;
            c.slaState = SlaState.ON_TRACK;
            c.updatedAt = f.visitedAt;
        }
        CaseEvent.record(c.id, "FOLLOWED_UP", actor.name(), f.method
                + (f.agreementPerformed == null ? "" : f.agreementPerformed ? ", agreement performed" : ", agreement not performed"));
        audit.append(actor, "FOLLOW_UP", c.id, null, AuditDigests.of(f.id, f.method, f.note, f.agreementPerformed));
        return f;
    }
}
