package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.service.calendar.CalendarSubscriptions;
import cn.tiaojie.scheduling.service.calendar.HearingCalendar;
import cn.tiaojie.scheduling.service.hearings.HearingAccess;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A mediator's hearings as a calendar feed to subscribe to: the last 30 days and the next 180. A calendar app that
 * cannot send a header subscribes to the mediator's secret address instead, which they renew to revoke the old one.
 */
@Path("/api")
public class MediatorCalendarResource {

    static final String MEDIATOR_ID = "[A-Za-z0-9_-]{1,40}";
    static final String FEEDS = "/api/calendar-feeds/";

    /** The secret address; its token (and so its path) only in the answer that made it. */
    public record SubscriptionView(String mediatorId, boolean active, Instant createdAt, String token, String path) {

        static SubscriptionView of(CalendarSubscriptions.Subscription s) {
            return new SubscriptionView(s.mediatorId(), true, s.createdAt(), s.token(),
                    s.token() == null ? null : FEEDS + s.token() + ".ics");
        }
    }

    private final Caller caller;
    private final HearingAccess access;
    private final HearingCalendar calendar;
    private final CalendarSubscriptions subscriptions;

    MediatorCalendarResource(Caller caller, HearingAccess access, HearingCalendar calendar,
            CalendarSubscriptions subscriptions) {
        this.caller = caller;
        this.access = access;
        this.calendar = calendar;
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("/mediators/{id}/calendar.ics")
    @Produces(HearingResource.CALENDAR)
    @RolesAllowed({Claims.MEDIATOR, Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public Response feed(@PathParam("id") @Pattern(regexp = MEDIATOR_ID, message = "must be a mediator id")
            String mediatorId) {
        if (caller.is(Claims.MEDIATOR) && !caller.is(Claims.ADMIN) && !caller.is(Claims.STAFF)
                && !caller.is(Claims.SUPERVISOR) && caller.mediatorId().filter(mediatorId::equals).isEmpty()) {
            throw ProblemException.forbidden("a mediator reads only their own calendar");
        }
        Map<String, Object> params = new HashMap<>();
        String scope = access.scope(caller, params);
        return ics(calendar.feedOf(mediatorId, scope, params, Instant.now()));
    }

    @GET
    @Path("/mediators/{id}/calendar-subscription")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public SubscriptionView subscription(@PathParam("id") @Pattern(regexp = MEDIATOR_ID, message = "must be a mediator id")
            String mediatorId) {
        ownOrAdmin(mediatorId);
        return subscriptions.of(mediatorId).map(SubscriptionView::of)
                .orElse(new SubscriptionView(mediatorId, false, null, null, null));
    }

    /** A new secret address (201); the one before it stops working. */
    @POST
    @Path("/mediators/{id}/calendar-subscription")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public Response renew(@PathParam("id") @Pattern(regexp = MEDIATOR_ID, message = "must be a mediator id")
            String mediatorId) {
        ownOrAdmin(mediatorId);
        return Response.status(Response.Status.CREATED)
                .entity(SubscriptionView.of(subscriptions.renew(mediatorId, Instant.now()))).build();
    }

    @DELETE
    @Path("/mediators/{id}/calendar-subscription")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public void revoke(@PathParam("id") @Pattern(regexp = MEDIATOR_ID, message = "must be a mediator id")
            String mediatorId) {
        ownOrAdmin(mediatorId);
        subscriptions.revoke(mediatorId);
    }

    /** The feed at a secret address, for calendar apps: no header, the token is the key; a revoked one is 404. */
    @GET
    @Path("/calendar-feeds/{token}.ics")
    @Produces(HearingResource.CALENDAR)
    @PermitAll
    public Response subscribed(@PathParam("token") @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "not a calendar address")
            String token) {
        String mediatorId = subscriptions.mediatorOf(token)
                .orElseThrow(() -> ProblemException.notFound("calendar feed", "at this address"));
        return ics(calendar.feedOf(mediatorId, "1 = 1", new HashMap<>(), Instant.now()));
    }

    private void ownOrAdmin(String mediatorId) {
        if (!caller.is(Claims.ADMIN) && caller.mediatorId().filter(mediatorId::equals).isEmpty()) {
            throw ProblemException.forbidden("only " + mediatorId + " or an admin may see and renew this address");
        }
    }

    private static Response ics(String text) {
        return Response.ok(text, HearingResource.CALENDAR + "; charset=utf-8")
                // a subscribed calendar is private to its mediator: no shared cache keeps it
                .header("Cache-Control", "private, no-store").build();
    }
}
