package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.UnavailabilityKind;
import cn.tiaojie.mediator.model.WeeklyHours;
import cn.tiaojie.mediator.service.Access;
import cn.tiaojie.mediator.service.AvailabilityCalendar;
import cn.tiaojie.mediator.service.MediatorPool;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * A mediator's calendar: the weekly pattern and time away that they (or an admin) keep, and the free windows
 * staff and scheduling read from them. Weekly times are Asia/Shanghai local times; instants are ISO-8601.
 */
@Path("/api/mediators/{id}")
@Consumes(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

    public record HoursEntry(@NotNull DayOfWeek day, @NotNull LocalTime starts, @NotNull LocalTime ends) {
    }

    public record WeeklyHoursRequest(@NotNull @Size(max = 50) List<@NotNull @Valid HoursEntry> hours) {
    }

    /** A dated exception to the weekly pattern: leave, a court day, training. */
    public record UnavailabilityRequest(@NotNull Instant startsAt, @NotNull Instant endsAt, UnavailabilityKind kind,
            @Size(max = 200) String reason) {
    }

    public record UnavailabilityView(UUID id, Instant startsAt, Instant endsAt, String kind, String reason) {

        static UnavailabilityView of(Unavailability u) {
            return new UnavailabilityView(u.id, u.startsAt, u.endsAt, u.kind.name(), u.reason);
        }
    }

    private final MediatorPool pool;
    private final AvailabilityCalendar calendar;
    private final Access access;
    private final Caller caller;

    AvailabilityResource(MediatorPool pool, AvailabilityCalendar calendar, Access access, Caller caller) {
        this.pool = pool;
        this.calendar = calendar;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Path("/weekly-hours")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public List<HoursEntry> weeklyHours(@PathParam("id") @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String id) {
        readable(id);
        return WeeklyHours.<WeeklyHours>list("mediatorId", Sort.ascending("dayOfWeek", "starts"), id).stream()
                .map(w -> new HoursEntry(w.day(), w.starts, w.ends)).toList();
    }

    @PUT
    @Path("/weekly-hours")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    @Transactional
    public List<HoursEntry> replaceWeeklyHours(@PathParam("id") @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String id, @NotNull @Valid WeeklyHoursRequest request) {
        access.ownOrAdmin(caller, id);
        return pool.replaceWeeklyHours(id, request.hours().stream()
                        .map(h -> new MediatorPool.Hours(h.day(), h.starts(), h.ends())).toList())
                .stream().map(w -> new HoursEntry(w.day(), w.starts, w.ends)).toList();
    }

    @GET
    @Path("/unavailability")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public List<UnavailabilityView> unavailability(@PathParam("id") @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String id) {
        readable(id);
        return Unavailability.<Unavailability>list("mediatorId", Sort.ascending("startsAt"), id).stream()
                .map(UnavailabilityView::of).toList();
    }

    @POST
    @Path("/unavailability")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    @Transactional
    public Response addUnavailability(@PathParam("id") @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String id, @NotNull @Valid UnavailabilityRequest request) {
        access.ownOrAdmin(caller, id);
        Unavailability u = pool.addUnavailability(id, request.startsAt(), request.endsAt(), request.kind(),
                request.reason());
        return Response.status(Response.Status.CREATED).entity(UnavailabilityView.of(u)).build();
    }

    @DELETE
    @Path("/unavailability/{unavailabilityId}")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    @Transactional
    public void removeUnavailability(@PathParam("id") @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String id, @PathParam("unavailabilityId") UUID unavailabilityId) {
        access.ownOrAdmin(caller, id);
        pool.removeUnavailability(id, unavailabilityId);
    }

    /** Free windows between from and to (ISO-8601 instants or offset date-times, at most 92 days apart). */
    @GET
    @Path("/availability")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public List<AvailabilityCalendar.Window> availability(@PathParam("id") @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Mediator mediator = readable(id);
        return calendar.freeWindows(mediator, instant("from", from), instant("to", to));
    }

    /** Staff, supervisors and admins read every calendar; a mediator only their own. */
    private Mediator readable(String id) {
        boolean staffSide = caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN);
        if (!staffSide && !access.isSelf(caller, id)) {
            throw ProblemException.forbidden("a mediator reads only their own calendar");
        }
        return access.existing(id);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 date-time with offset, e.g. 2026-05-04T08:00:00+08:00");
        }
    }
}
