package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.Hearing;
import cn.tiaojie.scheduling.ParticipantKind;
import cn.tiaojie.scheduling.service.HearingAccess;
import cn.tiaojie.scheduling.service.HearingCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A mediator's hearings as a calendar feed to subscribe to: the last 30 days and the next 180. */
@Path("/api/mediators")
public class MediatorCalendarResource {

    private final Caller caller;
    private final HearingAccess access;
    private final HearingCalendar calendar;
    private final EntityManager em;

    MediatorCalendarResource(Caller caller, HearingAccess access, HearingCalendar calendar, EntityManager em) {
        this.caller = caller;
        this.access = access;
        this.calendar = calendar;
        this.em = em;
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(HearingResource.CALENDAR)
    @RolesAllowed({Claims.MEDIATOR, Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public Response feed(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be a mediator id")
            String mediatorId) {
        if (caller.is(Claims.MEDIATOR) && !caller.is(Claims.ADMIN) && !caller.is(Claims.STAFF)
                && !caller.is(Claims.SUPERVISOR) && caller.mediatorId().filter(mediatorId::equals).isEmpty()) {
            throw ProblemException.forbidden("a mediator reads only their own calendar");
        }
        Map<String, Object> params = new HashMap<>();
        String scope = access.scope(caller, params);
        Instant now = Instant.now();
        TypedQuery<Hearing> query = em.createQuery("select h from Hearing h join fetch h.venue where " + scope
                + " and exists (select 1 from HearingParticipant p where p.hearing = h and p.kind = :kind"
                + " and p.participantId = :mediator) and h.endsAt > :from and h.startsAt < :to"
                + " order by h.startsAt, h.id", Hearing.class);
        params.forEach(query::setParameter);
        query.setParameter("kind", ParticipantKind.MEDIATOR).setParameter("mediator", mediatorId)
                .setParameter("from", now.minus(Duration.ofDays(30))).setParameter("to", now.plus(Duration.ofDays(180)));
        return Response.ok(calendar.calendar(query.setMaxResults(1000).getResultList(), "调解会 " + mediatorId),
                HearingResource.CALENDAR + "; charset=utf-8").build();
    }
}
