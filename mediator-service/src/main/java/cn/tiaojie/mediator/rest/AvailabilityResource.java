package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.MediatorProfile;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.UnavailabilityKind;
import cn.tiaojie.mediator.service.AvailabilityCalendar;
import cn.tiaojie.mediator.service.Calendars;
import cn.tiaojie.mediator.service.MediatorPool;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
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

    private final Calendars calendars;
    private final Caller caller;

    AvailabilityResource(Calendars calendars, Caller caller) {
        this.calendars = calendars;
        this.caller = caller;
    }

    @GET
    @Path("/weekly-hours")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public List<HoursEntry> weeklyHours(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id) {
        return calendars.weeklyHours(caller, id).stream().map(w -> new HoursEntry(w.day(), w.starts, w.ends)).toList();
    }

    @PUT
    @Path("/weekly-hours")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public List<HoursEntry> replaceWeeklyHours(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @NotNull @Valid WeeklyHoursRequest request) {
        return calendars.replaceWeeklyHours(caller, id, request.hours().stream()
                        .map(h -> new MediatorPool.Hours(h.day(), h.starts(), h.ends())).toList())
                .stream().map(w -> new HoursEntry(w.day(), w.starts, w.ends)).toList();
    }

    @GET
    @Path("/unavailability")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public List<UnavailabilityView> unavailability(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id) {
        return calendars.unavailability(caller, id).stream().map(UnavailabilityView::of).toList();
    }

    @POST
    @Path("/unavailability")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public Response addUnavailability(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @NotNull @Valid UnavailabilityRequest request) {
        Unavailability u = calendars.addUnavailability(caller, id, request.startsAt(), request.endsAt(),
                request.kind(), request.reason());
        return Response.status(Response.Status.CREATED).entity(UnavailabilityView.of(u)).build();
    }

    @DELETE
    @Path("/unavailability/{unavailabilityId}")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public void removeUnavailability(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @PathParam("unavailabilityId") UUID unavailabilityId) {
        calendars.removeUnavailability(caller, id, unavailabilityId);
    }

    /** Free windows between from and to (ISO-8601 instants or offset date-times, at most 92 days apart). */
    @GET
    @Path("/availability")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public List<AvailabilityCalendar.Window> availability(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return calendars.freeWindows(caller, id, () -> instant("from", from), () -> instant("to", to));
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
