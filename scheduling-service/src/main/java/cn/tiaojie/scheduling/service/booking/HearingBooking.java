package cn.tiaojie.scheduling.service.booking;

import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.persistence.SqlStates;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.scheduling.client.MediatorClient;
import cn.tiaojie.scheduling.client.HearingOutbox;
import cn.tiaojie.scheduling.config.SchedulingConfig;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingChange;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.ParticipantKind;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The fast path of RequestHearing: book the earliest slot that fits a venue of the case's center, every
 * participant and the notice period, and tell case-service and every participant in the same transaction.
 */
@ApplicationScoped
public class HearingBooking {

    private static final Logger LOG = Logger.getLogger(HearingBooking.class);
    private static final int MAX_DURATION_MINUTES = 8 * 60;
    /**
     * PostgreSQL checks an exclusion constraint after the row is in the index, so two bookings racing for one slot
     * may each wait for the other: it then aborts one with a deadlock, which lost the slot just as a violation does.
     */
    static final String DEADLOCK_DETECTED = "40P01";

    /** True when a booking failed because a concurrent one took its slot: look again. */
    static boolean lostSlot(String sqlState) {
        return SqlStates.EXCLUSION_VIOLATION.equals(sqlState) || DEADLOCK_DETECTED.equals(sqlState);
    }

    private static final Duration FIRST_SEARCH_SPAN = Duration.ofDays(7);

    /** stands for "no hearing is being moved" in queries that exclude one */
    private static final UUID NOBODY = new UUID(0, 0);

    private final SchedulingConfig config;
    private final MediatorClient availability;
    private final HearingOutbox outbox;
    private final Inbox inbox;
    private final EntityManager em;

    HearingBooking(SchedulingConfig config, MediatorClient availability, HearingOutbox outbox,
            Inbox inbox, EntityManager em) {
        this.config = config;
        this.availability = availability;
        this.outbox = outbox;
        this.inbox = inbox;
        this.em = em;
    }

    /** The case's hearing: the one it already has, or a new booking. Idempotent by case and by message. */
    public BookedHearing request(BookingRequest request) {
        UUID caseId = validate(request);
        Optional<BookedHearing> existing = liveHearingOf(caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        // a provisional booking is published only after the hold, and must still give the full notice then
        Instant earliest = earliestStart(request, Instant.now().plus(config.provisionalHold()));
        Instant horizon = horizon(earliest);
        Set<String> mediatorIds = request.team().stream().map(BookingRequest.Member::mediatorId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        // asked outside any transaction: no connection is held while mediator-service answers
        Map<String, List<TimeRange>> mediatorsFree = availability.freeWindows(mediatorIds, earliest, horizon);

        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew()
                        .call(() -> book(request, caseId, earliest, horizon, mediatorsFree));
            } catch (RuntimeException e) {
                String state = SqlStates.of(e);
                if (SqlStates.UNIQUE_VIOLATION.equals(state)) {
                    // a concurrent request for the same case booked first: answer with its hearing
                    return liveHearingOf(caseId).orElseThrow(() -> e);
                }
                if (!lostSlot(state) || attempt >= config.bookingAttempts()) {
                    throw e;
                }
                LOG.infof("a concurrent booking took the slot of case %s; looking again (attempt %d)", caseId, attempt);
            }
        }
    }

    private BookedHearing book(BookingRequest request, UUID caseId, Instant earliest,
            Instant horizon, Map<String, List<TimeRange>> mediatorsFree) {
        lockCenter(request.centerCode());
        Optional<Hearing> live = Hearing.liveOfCase(caseId);
        if (live.isPresent()) {
            return BookedHearing.of(live.get());
        }
        if (!inbox.firstDelivery(request.messageId())) {
            return Hearing.currentOfCase(caseId).map(BookedHearing::of).orElseThrow(() -> ProblemException.conflict(
                    "message " + request.messageId() + " was handled before and case " + caseId + " has no hearing"));
        }
        SlotFinder.Slot slot = findSlot(request, null, null, null, earliest, horizon, mediatorsFree)
                .orElseThrow(() -> ProblemException.conflict("no slot fits case " + caseId + " within "
                        + config.searchDays() + " days of " + earliest));

        Instant deadline = request.deadline();
        Hearing hearing = new Hearing();
        hearing.id = UUID.randomUUID();
        hearing.caseId = caseId;
        hearing.caseNo = request.caseNo();
        hearing.centerCode = request.centerCode();
        hearing.areaCode = request.areaCode();
        hearing.venue = slot.venue();
        hearing.startsAt = slot.time().start();
        hearing.endsAt = slot.time().end();
        hearing.status = HearingStatus.BOOKED;
        hearing.withinDeadline = deadline == null || !hearing.endsAt.isAfter(deadline);
        hearing.urgent = request.urgent();
        hearing.createdAt = Instant.now();
        hearing.request = request.stored();
        hearing.deadline = deadline;
        hearing.preferEvening = request.preferEvening();
        hearing.onSite = request.onSite();
        hearing.videoAllowed = request.videoAllowed();
        hearing.interpreterNeeded = request.interpreterNeeded();
        boolean publishNow = config.provisionalHold().isZero();
        // set before the insert: a later update would make the database check the exclusion constraints again
        hearing.notifiedAt = publishNow ? hearing.createdAt : null;
        addParticipants(hearing, request);
        hearing.persist();
        // now, so that a slot taken concurrently fails here, before anything is enqueued
        em.flush();
        HearingChange.record(hearing, HearingChange.Kind.BOOKED, HearingChange.Cause.BOOKING, null,
                "case-service", null, null);
        if (publishNow) {
            publish(hearing, request, HearingChange.Cause.BOOKING);
        }
        LOG.infof("booked hearing %s of case %s at %s from %s%s%s", hearing.id, hearing.caseNo, slot.venue().name,
                hearing.startsAt, hearing.withinDeadline ? "" : " (after the case's deadline)",
                hearing.notifiedAt == null ? " (provisional)" : "");
        return BookedHearing.of(hearing);
    }

    /**
     * Sends the hearing's notices to every participant and tells case-service, in the caller's transaction; from
     * now on the hearing is pinned in optimised plans.
     */
    public void publish(Hearing hearing, BookingRequest request, HearingChange.Cause cause) {
        if (hearing.notifiedAt == null) {
            hearing.notifiedAt = Instant.now();
        }
        outbox.hearingScheduled(hearing);
        outbox.hearingNotices(hearing, request);
        if (!hearing.withinDeadline) {
            outbox.bookedAfterDeadlineAlert(hearing);
        }
        if (cause != HearingChange.Cause.BOOKING) {
            HearingChange.record(hearing, HearingChange.Kind.NOTIFIED, cause, null, null, null, null);
        }
    }

    /**
     * Serialises the bookings and moves of one center for the rest of the transaction. The exclusion constraints
     * alone keep double bookings out, but two transactions inserting into the same slot wait on each other until
     * PostgreSQL aborts one as a deadlock; taking turns per center avoids that wait.
     */
    public void lockCenter(String centerCode) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, "center:" + centerCode).getSingleResult();
    }

    /** The earliest start a hearing of the request may have when its notices go out at {@code publishedAt}. */
    public Instant earliestStart(BookingRequest request, Instant publishedAt) {
        Duration notice = request.urgent() ? config.urgentNoticePeriod() : config.noticePeriod();
        return SlotFinder.roundUpToHalfHour(publishedAt.plus(notice), config.zone());
    }

    /** The search window's end for a search starting at {@code earliest}. */
    public Instant horizon(Instant earliest) {
        return earliest.plus(Duration.ofDays(config.searchDays()));
    }

    /** The hearing's length: as asked or the default, longer when an interpreter translates. */
    public Duration duration(BookingRequest request) {
        int minutes = request.durationMinutes() > 0 ? request.durationMinutes() : config.defaultDurationMinutes();
        return Duration.ofMinutes(minutes + (request.interpreterNeeded() ? config.interpreterExtraMinutes() : 0));
    }

    /**
     * The earliest free slot for the request, inside a transaction. A hearing being moved ({@code moving}) does
     * not block itself; {@code avoid} is a time nobody can attend (a reported conflict, the slot a party asked to
     * leave) and {@code closedVenue} a venue that takes no hearing.
     */
    public Optional<SlotFinder.Slot> findSlot(BookingRequest request, UUID moving, TimeRange avoid, UUID closedVenue,
            Instant earliest, Instant horizon, Map<String, List<TimeRange>> mediatorsFree) {
        List<Venue> venues = venuesFor(request).stream().filter(v -> !v.id.equals(closedVenue)).toList();
        if (venues.isEmpty()) {
            throw ProblemException.conflict("center " + request.centerCode() + " has no active venue for "
                    + attendeeCount(request) + " attendees");
        }
        Duration duration = duration(request);
        SlotFinder finder = new SlotFinder(config.zone(), duration, dayFrom(request, venues, duration));
        Set<String> people = participantIds(request);
        // the participants' hearings over the whole window are few; a full center's venues are not, so they are
        // read a week ahead first, then further: most bookings need only the near part of a full calendar
        Instant from = earliest;
        Instant to = span(from, FIRST_SEARCH_SPAN, horizon);
        Busy busy = busy(people, earliest, horizon.plus(duration), venues, from, to.plus(duration), moving);
        List<TimeRange> participantsBusy = new ArrayList<>(busy.participants());
        if (avoid != null) {
            participantsBusy.add(avoid);
        }
        Map<UUID, List<TimeRange>> venueBusy = busy.venues();
        for (Duration span = FIRST_SEARCH_SPAN; ; ) {
            SlotFinder.Occupancy occupancy = new SlotFinder.Occupancy(venueBusy, participantsBusy, mediatorsFree);
            Optional<SlotFinder.Slot> slot = finder.earliest(from, to, venues, occupancy);
            if (slot.isPresent() || !to.isBefore(horizon)) {
                return slot;
            }
            // go on from where the participants can next meet at all, and read only the venues from there
            Optional<Instant> next = finder.firstTimeEveryoneFree(to, horizon, occupancy);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            from = next.get();
            span = span.multipliedBy(2);
            to = span(from, span, horizon);
            venueBusy = busy(Set.of(), from, from, venues, from, to.plus(duration), moving).venues();
        }
    }

    /**
     * An evening session starts after {@code evening-from} (18:00) when one of the venues is open long enough then;
     * otherwise, and for every other request, whenever the venues open.
     */
    private LocalTime dayFrom(BookingRequest request, List<Venue> venues, Duration duration) {
        LocalTime evening = config.eveningFrom();
        boolean eveningOpen = venues.stream().anyMatch(v -> !v.closes.isBefore(evening.plus(duration))
                && v.closes.isAfter(evening));
        return request.preferEvening() && eveningOpen ? evening : LocalTime.MIDNIGHT;
    }

    private static Instant span(Instant from, Duration span, Instant horizon) {
        return from.plus(span).isBefore(horizon) ? from.plus(span) : horizon;
    }

    /** Live hearings that take the participants' time and the venues' time, each in its own window. */
    private record Busy(List<TimeRange> participants, Map<UUID, List<TimeRange>> venues) {
    }

    /**
     * One round trip for both: the participants' live hearings overlapping [peopleFrom, peopleTo) and the venues'
     * overlapping [venuesFrom, venuesTo), ignoring the hearing being moved. Written as range overlaps with the
     * literal status, the form that the exclusion constraints' partial GiST indexes can answer.
     */
    private Busy busy(Set<String> people, Instant peopleFrom, Instant peopleTo, List<Venue> venues,
            Instant venuesFrom, Instant venuesTo, UUID moving) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select null as venue_id, p.starts_at, p.ends_at from hearing_participant p
                where p.participant_id in (?1) and p.status <> 'CANCELLED' and p.hearing_id <> ?2
                and tstzrange(p.starts_at, p.ends_at) && tstzrange(?3, ?4)
                union all
                select h.venue_id, h.starts_at, h.ends_at from hearing h
                where h.venue_id in (?5) and h.status <> 'CANCELLED' and h.id <> ?2
                and tstzrange(h.starts_at, h.ends_at) && tstzrange(?6, ?7)""")
                // an empty list is no valid SQL; no participant has an empty id
                .setParameter(1, people.isEmpty() ? List.of("") : people)
                .setParameter(2, moving == null ? NOBODY : moving)
                .setParameter(3, peopleFrom).setParameter(4, peopleTo)
                .setParameter(5, venues.stream().map(v -> v.id).toList())
                .setParameter(6, venuesFrom).setParameter(7, venuesTo)
                .getResultList();
        List<TimeRange> participants = new ArrayList<>();
        Map<UUID, List<TimeRange>> venueBusy = new HashMap<>();
        for (Object[] row : rows) {
            TimeRange time = new TimeRange(instant(row[1]), instant(row[2]));
            if (row[0] == null) {
                participants.add(time);
            } else {
                venueBusy.computeIfAbsent((UUID) row[0], v -> new ArrayList<>()).add(time);
            }
        }
        return new Busy(participants, venueBusy);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a point in time: " + value.getClass());
        };
    }

    /**
     * Rooms, or on-site venues when the case asks for an on-site or evening session (others when none exist);
     * when video is allowed, venues with video equipment come first.
     */
    static List<Venue> venuesFor(BookingRequest request) {
        int attendees = attendeeCount(request);
        List<Venue> large = Venue.activeOfCenter(request.centerCode()).stream()
                .filter(v -> v.capacity >= attendees).toList();
        VenueKind wanted = request.onSite() || request.preferEvening() ? VenueKind.ON_SITE : VenueKind.ROOM;
        List<Venue> preferred = large.stream().filter(v -> v.kind == wanted).toList();
        List<Venue> venues = new ArrayList<>(preferred.isEmpty() ? large : preferred);
        if (request.videoAllowed()) {
            // stable: otherwise the venues keep their order
            venues.sort(Comparator.comparing((Venue v) -> !v.hasVideo));
        }
        return venues;
    }

    /** Everyone in the room: the participants, and an interpreter when one is needed. */
    static int attendeeCount(BookingRequest request) {
        return participantIds(request).size() + (request.interpreterNeeded() ? 1 : 0);
    }

    static Set<String> participantIds(BookingRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        request.team().forEach(m -> ids.add(m.mediatorId()));
        request.parties().forEach(p -> ids.add(p.partyId()));
        return ids;
    }

    private static void addParticipants(Hearing hearing, BookingRequest request) {
        Map<String, List<String>> rolesByMediator = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (BookingRequest.Member m : request.team()) {
            rolesByMediator.computeIfAbsent(m.mediatorId(), id -> new ArrayList<>()).add(m.role().name());
            names.putIfAbsent(m.mediatorId(), m.name());
        }
        rolesByMediator.forEach((id, roles) ->
                hearing.addParticipant(ParticipantKind.MEDIATOR, id, names.get(id), String.join(",", roles)));
        for (BookingRequest.Party p : request.parties()) {
            if (!rolesByMediator.containsKey(p.partyId())) {
                hearing.addParticipant(ParticipantKind.PARTY, p.partyId(), p.name(), null);
            }
        }
    }

    /**
     * Each mediator's free windows between from and to, asked of mediator-service outside any transaction, so that
     * no connection is held while it answers.
     */
    public Map<String, List<TimeRange>> mediatorsFree(Set<String> mediatorIds, Instant from, Instant to) {
        return availability.freeWindows(mediatorIds, from, to);
    }

    /** The hearing, as the booking answered it. */
    public Optional<BookedHearing> hearing(UUID hearingId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Hearing.<Hearing>findByIdOptional(hearingId).map(BookedHearing::of));
    }

    /** The case's live hearing, or else its most recent one. */
    public Optional<BookedHearing> currentOfCase(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> Hearing.currentOfCase(caseId).map(BookedHearing::of));
    }

    private Optional<BookedHearing> liveHearingOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> Hearing.liveOfCase(caseId).map(BookedHearing::of));
    }

    /** The request's case id; bad input answers INVALID_ARGUMENT naming the field. */
    private UUID validate(BookingRequest request) {
        required("message_id", request.messageId());
        required("case_no", request.caseNo());
        required("center_code", request.centerCode());
        required("area_code", request.areaCode());
        if (request.durationMinutes() < 0 || request.durationMinutes() > MAX_DURATION_MINUTES) {
            throw ProblemException.badRequest("duration_minutes", "must be between 0 (the default) and "
                    + MAX_DURATION_MINUTES);
        }
        for (BookingRequest.Member m : request.team()) {
            required("team.mediator_id", m.mediatorId());
            required("team.name", m.name());
            if (m.role() == MediatorRole.UNRECOGNIZED || m.role() == MediatorRole.MEDIATOR_ROLE_UNSPECIFIED) {
                throw ProblemException.badRequest("team.role", "must be a mediator role");
            }
        }
        for (BookingRequest.Party p : request.parties()) {
            required("parties.party_id", p.partyId());
            required("parties.name", p.name());
        }
        try {
            return UUID.fromString(required("case_id", request.caseId()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("case_id", "must be a UUID");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required");
        }
        return value;
    }

}
