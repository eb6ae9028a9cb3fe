package cn.tiaojie.scheduling.rest;

import cn.tiaojie.scheduling.model.HearingParticipant;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.ParticipantKind;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.scheduling.model.HearingChange;
import cn.tiaojie.scheduling.service.hearings.HearingAccess;
import cn.tiaojie.scheduling.service.calendar.HearingCalendar;
import cn.tiaojie.scheduling.service.booking.HearingChanges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/hearings")
public class HearingResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    static final String CALENDAR = "text/calendar";

    private final Caller caller;
    private final HearingAccess access;
    private final HearingCalendar calendar;
    private final HearingChanges changes;
    private final EntityManager em;

    HearingResource(Caller caller, HearingAccess access, HearingCalendar calendar, HearingChanges changes,
            EntityManager em) {
        this.caller = caller;
        this.access = access;
        this.calendar = calendar;
        this.changes = changes;
        this.em = em;
    }

    /** Hearings the caller may see, earliest first; from/to (ISO-8601 with offset) select hearings overlapping them. */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public List<HearingView> list(
            @QueryParam("caseId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String caseId,
            @QueryParam("mediatorId") @Size(max = 40) String mediatorId,
            @QueryParam("venueId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String venueId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (caller.is(Claims.MEDIATOR) && !caller.is(Claims.ADMIN) && mediatorId != null
                && caller.mediatorId().filter(mediatorId::equals).isEmpty()) {
            throw ProblemException.forbidden("a mediator sees only their own hearings");
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(access.scope(caller, params));
        if (caseId != null) {
            where.append(" and h.caseId = :caseId");
            params.put("caseId", UUID.fromString(caseId));
        }
        if (venueId != null) {
            where.append(" and h.venue.id = :venueId");
            params.put("venueId", UUID.fromString(venueId));
        }
        if (mediatorId != null) {
            where.append(" and exists (select 1 from HearingParticipant p where p.hearing = h"
                    + " and p.kind = :mediatorKind and p.participantId = :mediatorId)");
            params.put("mediatorKind", ParticipantKind.MEDIATOR);
            params.put("mediatorId", mediatorId);
        }
        if (fromInstant != null) {
            where.append(" and h.endsAt > :from");
            params.put("from", fromInstant);
        }
        if (toInstant != null) {
            where.append(" and h.startsAt < :to");
            params.put("to", toInstant);
        }
        TypedQuery<Hearing> query = em.createQuery(
                "select h from Hearing h join fetch h.venue where " + where + " order by h.startsAt, h.id", Hearing.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream().map(HearingView::of).toList();
    }

    /** One hearing; its ETag is the version a reschedule or cancel may name in If-Match. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public Response get(@PathParam("id") UUID id) {
        Hearing hearing = visible(id);
        return Response.ok(HearingView.of(hearing)).tag(ETags.etag(hearing.version)).build();
    }

    /** The hearing as an iCalendar file (RFC 5545, Asia/Shanghai). */
    @GET
    @Path("/{id}.ics")
    @Produces(CALENDAR)
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Transactional
    public Response calendar(@PathParam("id") UUID id) {
        Hearing hearing = visible(id);
        return Response.ok(calendar.of(hearing), CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"hearing-" + hearing.caseNo + ".ics\"")
                .build();
    }

    /** Every booking, move, publication and cancellation of the hearing, oldest first. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public List<HearingChangeView> history(@PathParam("id") UUID id) {
        visible(id);
        return HearingChange.ofHearing(id).stream().map(HearingChangeView::of).toList();
    }

    /**
     * Moves the hearing to the earliest slot that gives everyone the notice period again. A resident asks as a
     * party of the case (limited times per case), a mediator reports a conflict with the current time, staff
     * move it for a named party or for the center. Everyone is notified again.
     */
    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    @Consumes(MediaType.APPLICATION_JSON)
    public HearingView reschedule(@PathParam("id") UUID id, @NotNull @Valid RescheduleRequest body,
            @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.versionOf(ifMatch);
        HearingChanges.Move move = QuarkusTransaction.requiringNew().call(() -> {
            Hearing h = visible(id);
            if (access.canManage(caller, h)) {
                if (body.partyId() != null && !h.hasParticipant(ParticipantKind.PARTY, body.partyId())) {
                    throw ProblemException.badRequest("partyId", "is not a party of this hearing");
                }
                return body.partyId() != null
                        ? new HearingChanges.Move(HearingChange.Cause.PARTY_REQUEST, body.reason(),
                                "party " + body.partyId() + " via " + caller.subject(), expected)
                        : new HearingChanges.Move(HearingChange.Cause.STAFF, body.reason(), caller.subject(), expected);
            }
            if (access.isMediatorOf(caller, h)) {
                return new HearingChanges.Move(HearingChange.Cause.MEDIATOR_CONFLICT, body.reason(),
                        "mediator " + caller.mediatorId().orElseThrow(), expected);
            }
            if (access.isPartyOf(caller, h)) {
                if (body.partyId() != null && !caller.partyId().orElseThrow().equals(body.partyId())) {
                    throw ProblemException.forbidden("a party asks only for themselves");
                }
                return new HearingChanges.Move(HearingChange.Cause.PARTY_REQUEST, body.reason(),
                        "party " + caller.partyId().orElseThrow(), expected);
            }
            throw ProblemException.notFound("hearing", id);
        });
        Hearing moved = changes.reschedule(id, move);
        return QuarkusTransaction.requiringNew().call(() -> HearingView.of(Hearing.findById(moved.id)));
    }

    /** Cancels the hearing; every participant already told of it is told it is off. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public HearingView cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest body,
            @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.versionOf(ifMatch);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!access.canManage(caller, visible(id))) {
                throw ProblemException.forbidden("only staff, supervisors and admins cancel hearings");
            }
        });
        changes.cancel(id, body.reason(), caller.subject(), expected);
        return QuarkusTransaction.requiringNew().call(() -> HearingView.of(Hearing.findById(id)));
    }

    private Hearing visible(UUID id) {
        Hearing hearing = Hearing.findById(id);
        if (hearing == null || !access.canSee(caller, hearing)) {
            throw ProblemException.notFound("hearing", id);
        }
        return hearing;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 date-time with offset, such as 2026-03-02T09:00:00+08:00");
        }
    }
}
