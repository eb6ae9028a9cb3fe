package cn.tiaojie.scheduling.service.hearings;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingChange;
import cn.tiaojie.scheduling.model.ParticipantKind;
import cn.tiaojie.scheduling.service.booking.HearingChanges;
import cn.tiaojie.scheduling.service.calendar.HearingCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * Hearings as callers read and change them: each answer holds only what the caller may see, and each hearing is
 * answered with its venue and participants loaded.
 */
@ApplicationScoped
public class Hearings {

    /** Which hearings a list selects; null members select everything the caller may see. */
    public record Filter(UUID caseId, String mediatorId, UUID venueId, Instant from, Instant to, int limit) {
    }

    /** A hearing as an iCalendar file. */
    public record CalendarFile(String caseNo, String text) {
    }

    private final HearingAccess access;
    private final HearingCalendar calendar;
    private final HearingChanges changes;
    private final EntityManager em;

    Hearings(HearingAccess access, HearingCalendar calendar, HearingChanges changes, EntityManager em) {
        this.access = access;
        this.calendar = calendar;
        this.changes = changes;
        this.em = em;
    }

    /** Hearings the caller may see that the filter selects, earliest first. */
    @Transactional
    public List<Hearing> list(Caller caller, Filter filter) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (caller.is(Claims.MEDIATOR) && !caller.is(Claims.ADMIN) && filter.mediatorId() != null
                && caller.mediatorId().filter(filter.mediatorId()::equals).isEmpty()) {
            throw ProblemException.forbidden("a mediator sees only their own hearings");
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(access.scope(caller, params));
        if (filter.caseId() != null) {
            where.append(" and h.caseId = :caseId");
            params.put("caseId", filter.caseId());
        }
        if (filter.venueId() != null) {
            where.append(" and h.venue.id = :venueId");
            params.put("venueId", filter.venueId());
        }
        if (filter.mediatorId() != null) {
            where.append(" and exists (select 1 from HearingParticipant p where p.hearing = h"
                    + " and p.kind = :mediatorKind and p.participantId = :mediatorId)");
            params.put("mediatorKind", ParticipantKind.MEDIATOR);
            params.put("mediatorId", filter.mediatorId());
        }
        if (filter.from() != null) {
            where.append(" and h.endsAt > :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and h.startsAt < :to");
            params.put("to", filter.to());
        }
        TypedQuery<Hearing> query = em.createQuery(
                "select h from Hearing h join fetch h.venue where " + where + " order by h.startsAt, h.id", Hearing.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(filter.limit()).getResultList().stream().map(Hearings::loaded).toList();
    }

    /** One hearing the caller may see; another is not found. */
    @Transactional
    public Hearing get(Caller caller, UUID id) {
        return loaded(visible(caller, id));
    }

    /** The hearing as an iCalendar file (RFC 5545). */
    @Transactional
    public CalendarFile calendar(Caller caller, UUID id) {
        Hearing hearing = visible(caller, id);
        return new CalendarFile(hearing.caseNo, calendar.of(hearing));
    }

    /** Every booking, move, publication and cancellation of the hearing, oldest first. */
    @Transactional
    public List<HearingChange> history(Caller caller, UUID id) {
        visible(caller, id);
        return HearingChange.ofHearing(id);
    }

    /**
     * Moves the hearing for the caller: staff for a named party or for the center, a mediator of the hearing for a
     * conflict, a party of the case for themselves.
     */
    public Hearing reschedule(Caller caller, UUID id, String reason, String partyId, Long expectedVersion) {
        HearingChanges.Move move = QuarkusTransaction.requiringNew().call(() -> {
            Hearing h = visible(caller, id);
            if (access.canManage(caller, h)) {
                if (partyId != null && !h.hasParticipant(ParticipantKind.PARTY, partyId)) {
                    throw ProblemException.badRequest("partyId", "is not a party of this hearing");
                }
                return partyId != null
                        ? new HearingChanges.Move(HearingChange.Cause.PARTY_REQUEST, reason,
                                "party " + partyId + " via " + caller.subject(), expectedVersion)
                        : new HearingChanges.Move(HearingChange.Cause.STAFF, reason, caller.subject(), expectedVersion);
            }
            if (access.isMediatorOf(caller, h)) {
                return new HearingChanges.Move(HearingChange.Cause.MEDIATOR_CONFLICT, reason,
                        "mediator " + caller.mediatorId().orElseThrow(), expectedVersion);
            }
            if (access.isPartyOf(caller, h)) {
                if (partyId != null && !caller.partyId().orElseThrow().equals(partyId)) {
                    throw ProblemException.forbidden("a party asks only for themselves");
                }
                return new HearingChanges.Move(HearingChange.Cause.PARTY_REQUEST, reason,
                        "party " + caller.partyId().orElseThrow(), expectedVersion);
            }
            throw ProblemException.notFound("hearing", id);
        });
        Hearing moved = changes.reschedule(id, move);
        return reread(moved.id);
    }

    /** Cancels the hearing for staff, supervisors and admins who manage it. */
    public Hearing cancel(Caller caller, UUID id, String reason, Long expectedVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!access.canManage(caller, visible(caller, id))) {
                throw ProblemException.forbidden("only staff, supervisors and admins cancel hearings");
            }
        });
        changes.cancel(id, reason, caller.subject(), expectedVersion);
        return reread(id);
    }

    private Hearing reread(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> loaded(Hearing.findById(id)));
    }

    private Hearing visible(Caller caller, UUID id) {
        Hearing hearing = Hearing.findById(id);
        if (hearing == null || !access.canSee(caller, hearing)) {
            throw ProblemException.notFound("hearing", id);
        }
        return hearing;
    }

    /** The hearing with what its views read, so that it can be read after the transaction. */
    private static Hearing loaded(Hearing h) {
        Hibernate.initialize(h.venue);
        Hibernate.initialize(h.participants);
        return h;
    }
}
