package cn.tiaojie.scheduling.service.booking;

import cn.tiaojie.scheduling.client.HearingMessages;
import cn.tiaojie.scheduling.client.SchedulingTopics;
import cn.tiaojie.scheduling.config.SchedulingConfig;

import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.Party;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.persistence.SqlStates;
import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingChange;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.ParticipantKind;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import cn.tiaojie.scheduling.client.MediatorClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
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
    private final HearingMessages messages;
    private final Outbox outbox;
    private final Inbox inbox;
    private final EntityManager em;

    HearingBooking(SchedulingConfig config, MediatorClient availability, HearingMessages messages,
            Outbox outbox, Inbox inbox, EntityManager em) {
        this.config = config;
        this.availability = availability;
        this.messages = messages;
        this.outbox = outbox;
        this.inbox = inbox;
        this.em = em;
    }

    /** The case's hearing: the one it already has, or a new booking. Idempotent by case and by message. */
    public cn.tiaojie.contracts.scheduling.v1.Hearing request(HearingRequest request) {
        UUID caseId = validate(request);
        Optional<cn.tiaojie.contracts.scheduling.v1.Hearing> existing = liveHearingOf(caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        // a provisional booking is published only after the hold, and must still give the full notice then
        Instant earliest = earliestStart(request, Instant.now().plus(config.provisionalHold()));
        Instant horizon = horizon(earliest);
        Set<String> mediatorIds = request.getTeamList().stream().map(TeamMember::getMediatorId)
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

    private cn.tiaojie.contracts.scheduling.v1.Hearing book(HearingRequest request, UUID caseId, Instant earliest,
            Instant horizon, Map<String, List<TimeRange>> mediatorsFree) {
        lockCenter(request.getCenterCode());
        Optional<Hearing> live = Hearing.liveOfCase(caseId);
        if (live.isPresent()) {
            return messages.hearing(live.get());
        }
        if (!inbox.firstDelivery(request.getMessageId())) {
            return Hearing.currentOfCase(caseId).map(messages::hearing).orElseThrow(() -> ProblemException.conflict(
                    "message " + request.getMessageId() + " was handled before and case " + caseId + " has no hearing"));
        }
        SlotFinder.Slot slot = findSlot(request, null, null, null, earliest, horizon, mediatorsFree)
                .orElseThrow(() -> ProblemException.conflict("no slot fits case " + caseId + " within "
                        + config.searchDays() + " days of " + earliest));

        Instant deadline = ProtoTime.toInstant(request.getDeadline());
        Hearing hearing = new Hearing();
        hearing.id = UUID.randomUUID();
        hearing.caseId = caseId;
        hearing.caseNo = request.getCaseNo();
        hearing.centerCode = request.getCenterCode();
        hearing.areaCode = request.getAreaCode();
        hearing.venue = slot.venue();
        hearing.startsAt = slot.time().start();
        hearing.endsAt = slot.time().end();
        hearing.status = HearingStatus.BOOKED;
        hearing.withinDeadline = deadline == null || !hearing.endsAt.isAfter(deadline);
        hearing.urgent = request.getUrgent();
        hearing.createdAt = Instant.now();
        hearing.request = request.toByteArray();
        hearing.deadline = deadline;
        hearing.preferEvening = request.getPreferEvening();
        hearing.onSite = request.getOnSite();
        hearing.videoAllowed = request.getVideoAllowed();
        hearing.interpreterNeeded = request.getInterpreterNeeded();
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
        return messages.hearing(hearing);
    }

    /**
     * Sends the hearing's notices to every participant and tells case-service, in the caller's transaction; from
     * now on the hearing is pinned in optimised plans.
     */
    public void publish(Hearing hearing, HearingRequest request, HearingChange.Cause cause) {
        if (hearing.notifiedAt == null) {
            hearing.notifiedAt = Instant.now();
        }
        outbox.enqueue(SchedulingTopics.RECORD_HEARING_SCHEDULED, messages.hearingScheduled(hearing));
        for (NoticeRequest notice : messages.notices(hearing, request)) {
            outbox.enqueue(SchedulingTopics.SEND_NOTICE, notice);
        }
        if (!hearing.withinDeadline) {
            outbox.enqueue(SchedulingTopics.SEND_NOTICE, messages.bookedAfterDeadlineAlert(hearing));
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
    public Instant earliestStart(HearingRequest request, Instant publishedAt) {
        Duration notice = request.getUrgent() ? config.urgentNoticePeriod() : config.noticePeriod();
        return SlotFinder.roundUpToHalfHour(publishedAt.plus(notice), config.zone());
    }

    /** The search window's end for a search starting at {@code earliest}. */
    public Instant horizon(Instant earliest) {
        return earliest.plus(Duration.ofDays(config.searchDays()));
    }

    /** The hearing's length: as asked or the default, longer when an interpreter translates. */
    public Duration duration(HearingRequest request) {
        int minutes = request.getDurationMinutes() > 0 ? request.getDurationMinutes() : config.defaultDurationMinutes();
        return Duration.ofMinutes(minutes + (request.getInterpreterNeeded() ? config.interpreterExtraMinutes() : 0));
    }

    /**
     * The earliest free slot for the request, inside a transaction. A hearing being moved ({@code moving}) does
     * not block itself; {@code avoid} is a time nobody can attend (a reported conflict, the slot a party asked to
     * leave) and {@code closedVenue} a venue that takes no hearing.
     */
    public Optional<SlotFinder.Slot> findSlot(HearingRequest request, UUID moving, TimeRange avoid, UUID closedVenue,
            Instant earliest, Instant horizon, Map<String, List<TimeRange>> mediatorsFree) {
        List<Venue> venues = venuesFor(request).stream().filter(v -> !v.id.equals(closedVenue)).toList();
        if (venues.isEmpty()) {
            throw ProblemException.conflict("center " + request.getCenterCode() + " has no active venue for "
                    + attendeeCount(request) + " attendees");
        }
        Duration duration = duration(request);
        SlotFinder finder = new SlotFinder(config.zone(), duration);
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
    static List<Venue> venuesFor(HearingRequest request) {
        int attendees = attendeeCount(request);
        List<Venue> large = Venue.activeOfCenter(request.getCenterCode()).stream()
                .filter(v -> v.capacity >= attendees).toList();
        VenueKind wanted = request.getOnSite() || request.getPreferEvening() ? VenueKind.ON_SITE : VenueKind.ROOM;
        List<Venue> preferred = large.stream().filter(v -> v.kind == wanted).toList();
        List<Venue> venues = new ArrayList<>(preferred.isEmpty() ? large : preferred);
        if (request.getVideoAllowed()) {
            // stable: otherwise the venues keep their order
            venues.sort(Comparator.comparing((Venue v) -> !v.hasVideo));
        }
        return venues;
    }

    /** Everyone in the room: the participants, and an interpreter when one is needed. */
    static int attendeeCount(HearingRequest request) {
        return participantIds(request).size() + (request.getInterpreterNeeded() ? 1 : 0);
    }

    static Set<String> participantIds(HearingRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        request.getTeamList().forEach(m -> ids.add(m.getMediatorId()));
        request.getPartiesList().forEach(p -> ids.add(p.getPartyId()));
        return ids;
    }

    private static void addParticipants(Hearing hearing, HearingRequest request) {
        Map<String, List<String>> rolesByMediator = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (TeamMember m : request.getTeamList()) {
            rolesByMediator.computeIfAbsent(m.getMediatorId(), id -> new ArrayList<>()).add(m.getRole().name());
            names.putIfAbsent(m.getMediatorId(), m.getName());
        }
        rolesByMediator.forEach((id, roles) ->
                hearing.addParticipant(ParticipantKind.MEDIATOR, id, names.get(id), String.join(",", roles)));
        for (Party p : request.getPartiesList()) {
            if (!rolesByMediator.containsKey(p.getPartyId())) {
                hearing.addParticipant(ParticipantKind.PARTY, p.getPartyId(), p.getName(), null);
            }
        }
    }

    private Optional<cn.tiaojie.contracts.scheduling.v1.Hearing> liveHearingOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> Hearing.liveOfCase(caseId).map(messages::hearing));
    }

    /** The request's case id; bad input answers INVALID_ARGUMENT naming the field. */
    private UUID validate(HearingRequest request) {
        required("message_id", request.getMessageId());
        required("case_no", request.getCaseNo());
        required("center_code", request.getCenterCode());
        required("area_code", request.getAreaCode());
        if (request.getDurationMinutes() < 0 || request.getDurationMinutes() > MAX_DURATION_MINUTES) {
            throw ProblemException.badRequest("duration_minutes", "must be between 0 (the default) and "
                    + MAX_DURATION_MINUTES);
        }
        for (TeamMember m : request.getTeamList()) {
            required("team.mediator_id", m.getMediatorId());
            required("team.name", m.getName());
            if (m.getRole() == MediatorRole.UNRECOGNIZED || m.getRole() == MediatorRole.MEDIATOR_ROLE_UNSPECIFIED) {
                throw ProblemException.badRequest("team.role", "must be a mediator role");
            }
        }
        for (Party p : request.getPartiesList()) {
            required("parties.party_id", p.getPartyId());
            required("parties.name", p.getName());
        }
        try {
            return UUID.fromString(required("case_id", request.getCaseId()));
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
