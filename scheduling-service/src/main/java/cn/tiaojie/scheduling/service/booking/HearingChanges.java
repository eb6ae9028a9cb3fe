package cn.tiaojie.scheduling.service.booking;

import cn.tiaojie.platform.persistence.SqlStates;
import cn.tiaojie.platform.persistence.Versions;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.scheduling.client.HearingMessages;
import cn.tiaojie.scheduling.client.HearingOutbox;
import cn.tiaojie.scheduling.config.SchedulingConfig;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingChange;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.Venue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves and cancellations of booked hearings: a party asks (a limited number of times per case), a mediator
 * reports a conflict, a venue closes, staff cancel. Each re-books through the fast path's search, notifies every
 * participant again, tells case-service the new time and keeps the history.
 */
@ApplicationScoped
public class HearingChanges {

    private static final Logger LOG = Logger.getLogger(HearingChanges.class);

    /** What a move is about: who asked, why, and which time or venue the new slot must leave. */
    public record Move(HearingChange.Cause cause, String reason, String requestedBy, Long expectedVersion) {
    }

    private final HearingBooking booking;
    private final HearingOutbox outbox;
    private final SchedulingConfig config;
    private final EntityManager em;

    HearingChanges(HearingBooking booking, HearingOutbox outbox, SchedulingConfig config, EntityManager em) {
        this.booking = booking;
        this.outbox = outbox;
        this.config = config;
        this.em = em;
    }

    private record Snapshot(BookingRequest request, Instant startsAt, Instant endsAt, UUID venueId, long version,
            Set<String> mediatorIds) {
    }

    /**
     * Re-books the hearing at the earliest slot that gives everyone the notice period again. The new slot leaves
     * the old time (a party cannot come, a mediator has a conflict) or, when its venue closed, only the venue.
     * Nothing changes when no slot fits (409).
     */
    public Hearing reschedule(UUID hearingId, Move move) {
        Snapshot before = QuarkusTransaction.requiringNew().call(() -> {
            Hearing h = load(hearingId);
            checkMovable(h, move.expectedVersion());
            if (move.cause() == HearingChange.Cause.PARTY_REQUEST
                    && HearingChange.partyRequestsOfCase(h.caseId) >= config.partyRescheduleLimit()) {
                throw ProblemException.conflict("the parties of case " + h.caseNo + " have asked to reschedule "
                        + config.partyRescheduleLimit() + " times, the most allowed; staff can still move it");
            }
            BookingRequest request = HearingMessages.requestOf(h);
            Set<String> mediators = request.team().stream().map(BookingRequest.Member::mediatorId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return new Snapshot(request, h.startsAt, h.endsAt, h.venue.id, h.version, mediators);
        });
        Instant earliest = booking.earliestStart(before.request(), Instant.now());
        Instant horizon = booking.horizon(earliest);
        Map<String, List<TimeRange>> free = booking.mediatorsFree(before.mediatorIds(), earliest, horizon);
        boolean venueClosed = move.cause() == HearingChange.Cause.VENUE_CLOSED;
        TimeRange avoid = venueClosed ? null : new TimeRange(before.startsAt(), before.endsAt());
        UUID closedVenue = venueClosed ? before.venueId() : null;

        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    booking.lockCenter(before.request().centerCode());
                    Hearing h = em.find(Hearing.class, hearingId, LockModeType.PESSIMISTIC_WRITE);
                    if (h.version != before.version()) {
                        throw ProblemException.conflict("hearing " + hearingId + " changed meanwhile; look again");
                    }
                    SlotFinder.Slot slot = booking.findSlot(before.request(), hearingId, avoid, closedVenue,
                            earliest, horizon, free).orElseThrow(() -> ProblemException.conflict(
                                    "no other slot fits hearing " + hearingId + " within " + config.searchDays()
                                            + " days; it stays where it is"));
                    move(h, slot, before.request(), move);
                    return h;
                });
            } catch (RuntimeException e) {
                if (!HearingBooking.lostSlot(SqlStates.of(e)) || attempt >= config.bookingAttempts()) {
                    throw e;
                }
                LOG.infof("a concurrent booking took the new slot of hearing %s; looking again", hearingId);
            }
        }
    }

    private void move(Hearing h, SlotFinder.Slot slot, BookingRequest request, Move move) {
        Instant oldStart = h.startsAt;
        UUID oldVenue = h.venue.id;
        h.startsAt = slot.time().start();
        h.endsAt = slot.time().end();
        h.venue = slot.venue();
        h.status = HearingStatus.RESCHEDULED;
        h.sequence++;
        h.withinDeadline = h.deadline == null || !h.endsAt.isAfter(h.deadline);
        em.flush();
        HearingChange.record(h, HearingChange.Kind.RESCHEDULED, move.cause(), move.reason(), move.requestedBy(),
                oldStart, oldVenue);
        // a provisional hearing has told nobody yet: its first notice goes out when it is published
        if (h.notifiedAt != null) {
            outbox.hearingScheduled(h);
            outbox.rescheduledNotices(h, request, oldStart, move.reason());
        }
        LOG.infof("moved hearing %s of case %s from %s to %s at %s (%s)", h.id, h.caseNo, oldStart, h.startsAt,
                h.venue.name, move.cause());
    }

    /**
     * Cancels the hearing: it frees its slot, and everyone who was told of it is told it is off, case-service
     * included, in the same transaction.
     */
    public Hearing cancel(UUID hearingId, String reason, String requestedBy, Long expectedVersion) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Hearing h = em.find(Hearing.class, hearingId, LockModeType.PESSIMISTIC_WRITE);
            if (h == null) {
                throw ProblemException.notFound("hearing", hearingId);
            }
            checkMovable(h, expectedVersion);
            Instant start = h.startsAt;
            h.status = HearingStatus.CANCELLED;
            h.cancelReason = reason;
            h.sequence++;
            em.flush();
            HearingChange.record(h, HearingChange.Kind.CANCELLED, HearingChange.Cause.STAFF, reason, requestedBy,
                    start, h.venue.id);
            // a provisional hearing was never reported to case-service or anyone else: nobody needs telling
            if (h.notifiedAt != null) {
                outbox.hearingCancelled(h, reason, requestedBy, Instant.now());
                outbox.cancelledNotices(h, HearingMessages.requestOf(h), reason);
            }
            return h;
        });
    }

    /**
     * Closes the hearing as held or not held (a party absent, adjourned), as case-service's staff recorded it: a
     * held hearing keeps its slot in the history, one not held frees it; either way the case's next request books
     * a new hearing. Nobody is notified: the hearing's time has come. Recording the same outcome again changes
     * nothing.
     */
    public BookedHearing record(UUID hearingId, UUID caseId, boolean held, String reason, String recordedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Hearing h = em.find(Hearing.class, hearingId, LockModeType.PESSIMISTIC_WRITE);
            if (h == null || !h.caseId.equals(caseId)) {
                throw ProblemException.notFound("hearing", hearingId);
            }
            HearingStatus closed = held ? HearingStatus.HELD : HearingStatus.CANCELLED;
            if (h.status == closed) {
                return BookedHearing.of(h);
            }
            if (!h.isLive()) {
                throw ProblemException.conflict("hearing " + h.id + " is " + h.status + " and can no longer change");
            }
            h.status = closed;
            if (!held) {
                h.cancelReason = reason;
            }
            h.sequence++;
            em.flush();
            HearingChange.record(h, held ? HearingChange.Kind.HELD : HearingChange.Kind.NOT_HELD,
                    HearingChange.Cause.STAFF, reason, recordedBy, h.startsAt, h.venue.id);
            return BookedHearing.of(h);
        });
    }

    /** What closing a venue did to its coming hearings. */
    public record Closure(List<UUID> moved, List<UUID> unplaced) {
    }

    /** Closes the venue and moves each of its coming hearings elsewhere; a hearing that fits nowhere stays listed. */
    public Closure closeVenue(UUID venueId, String reason, String requestedBy) {
        List<UUID> coming = QuarkusTransaction.requiringNew().call(() -> {
            Venue venue = em.find(Venue.class, venueId, LockModeType.PESSIMISTIC_WRITE);
            if (venue == null) {
                throw ProblemException.notFound("venue", venueId);
            }
            venue.active = false;
            return em.createQuery("""
                    select h.id from Hearing h where h.venue.id = :venue and h.status in :live and h.startsAt > :now
                    order by h.startsAt""", UUID.class)
                    .setParameter("venue", venueId)
                    .setParameter("live", List.of(HearingStatus.BOOKED, HearingStatus.RESCHEDULED))
                    .setParameter("now", Instant.now()).getResultList();
        });
        List<UUID> moved = new ArrayList<>();
        List<UUID> unplaced = new ArrayList<>();
        for (UUID hearingId : coming) {
            try {
                reschedule(hearingId, new Move(HearingChange.Cause.VENUE_CLOSED, reason, requestedBy, null));
                moved.add(hearingId);
            } catch (ProblemException e) {
                LOG.warnf("hearing %s of closed venue %s: %s", hearingId, venueId, e.getMessage());
                unplaced.add(hearingId);
            }
        }
        return new Closure(moved, unplaced);
    }

    /** Publishes provisional bookings whose hold is over. */
    @Scheduled(every = "${tiaojie.scheduling.release-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseProvisional() {
        if (config.provisionalHold().isZero()) {
            return;
        }
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select h.id from Hearing h where h.notifiedAt is null and h.status in :live and h.createdAt <= :due""",
                UUID.class)
                .setParameter("live", List.of(HearingStatus.BOOKED, HearingStatus.RESCHEDULED))
                .setParameter("due", Instant.now().minus(config.provisionalHold())).setMaxResults(500).getResultList());
        for (UUID id : due) {
            QuarkusTransaction.requiringNew().run(() -> {
                Hearing h = em.find(Hearing.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (h.notifiedAt == null && h.isLive()) {
                    booking.publish(h, HearingMessages.requestOf(h), HearingChange.Cause.RELEASE);
                }
            });
        }
    }

    private static Hearing load(UUID hearingId) {
        Hearing h = Hearing.findById(hearingId);
        if (h == null) {
            throw ProblemException.notFound("hearing", hearingId);
        }
        return h;
    }

    private static void checkMovable(Hearing h, Long expectedVersion) {
        Versions.requireMatch(expectedVersion, h.version, "hearing " + h.id);
        if (!h.isLive()) {
            throw ProblemException.conflict("hearing " + h.id + " is " + h.status + " and can no longer change");
        }
        if (!h.startsAt.isAfter(Instant.now())) {
            throw ProblemException.conflict("hearing " + h.id + " has already begun");
        }
    }
}
