package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.service.hearings.Hearings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/hearings")
public class HearingResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    static final String CALENDAR = "text/calendar";

    private final Caller caller;
    private final Hearings hearings;

    HearingResource(Caller caller, Hearings hearings) {
        this.caller = caller;
        this.hearings = hearings;
    }

    /** Hearings the caller may see, earliest first; from/to (ISO-8601 with offset) select hearings overlapping them. */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public List<HearingView> list(
            @QueryParam("caseId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String caseId,
            @QueryParam("mediatorId") @Size(max = 40) String mediatorId,
            @QueryParam("venueId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String venueId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        Hearings.Filter filter = new Hearings.Filter(caseId == null ? null : UUID.fromString(caseId), mediatorId,
                venueId == null ? null : UUID.fromString(venueId), instant("from", from), instant("to", to), limit);
        return hearings.list(caller, filter).stream().map(HearingView::of).toList();
    }

    /** One hearing; its ETag is the version a reschedule or cancel may name in If-Match. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    public Response get(@PathParam("id") UUID id) {
        Hearing hearing = hearings.get(caller, id);
        return Response.ok(HearingView.of(hearing)).tag(ETags.etag(hearing.version)).build();
    }

    /** The hearing as an iCalendar file (RFC 5545, Asia/Shanghai). */
    @GET
    @Path("/{id}.ics")
    @Produces(CALENDAR)
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR, Claims.RESIDENT})
    public Response calendar(@PathParam("id") UUID id) {
        Hearings.CalendarFile file = hearings.calendar(caller, id);
        return Response.ok(file.text(), CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"hearing-" + file.caseNo() + ".ics\"")
                .build();
    }

    /** Every booking, move, publication and cancellation of the hearing, oldest first. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public List<HearingChangeView> history(@PathParam("id") UUID id) {
        return hearings.history(caller, id).stream().map(HearingChangeView::of).toList();
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
        return HearingView.of(hearings.reschedule(caller, id, body.reason(), body.partyId(), expected));
    }

    /** Cancels the hearing; every participant already told of it is told it is off. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public HearingView cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest body,
            @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.versionOf(ifMatch);
        return HearingView.of(hearings.cancel(caller, id, body.reason(), expected));
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
