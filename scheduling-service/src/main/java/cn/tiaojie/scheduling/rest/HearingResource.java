package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.Hearing;
import cn.tiaojie.scheduling.ParticipantKind;
import cn.tiaojie.scheduling.service.HearingAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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

    private final Caller caller;
    private final HearingAccess access;
    private final EntityManager em;

    HearingResource(Caller caller, HearingAccess access, EntityManager em) {
        this.caller = caller;
        this.access = access;
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

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public HearingView get(@PathParam("id") UUID id) {
        Hearing hearing = Hearing.findById(id);
        if (hearing == null || !access.canSee(caller, hearing)) {
            throw ProblemException.notFound("hearing", id);
        }
        return HearingView.of(hearing);
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
