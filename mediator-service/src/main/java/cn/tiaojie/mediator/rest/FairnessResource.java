package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.service.FairnessReport;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Whether allocation is even: supervisors see their own area and below, admins any area. */
@Path("/api/reports/fairness")
public class FairnessResource {

    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final FairnessReport fairness;
    private final Caller caller;

    FairnessResource(FairnessReport fairness, Caller caller) {
        this.fairness = fairness;
        this.caller = caller;
    }

    /** Offers made in [from, to) (ISO-8601 with offset; at most a year), per role and area of the mediators. */
    @GET
    @RolesAllowed({Claims.SUPERVISOR, Claims.ADMIN})
    public FairnessReport.Report report(@QueryParam("from") String fromText, @QueryParam("to") String toText,
            @QueryParam("area") String areaText, @QueryParam("role") String roleName) {
        MediatorRole role = QueryParams.enumValue(MediatorRole.class, "role", roleName);
        Instant from = instant("from", fromText);
        Instant to = instant("to", toText);
        if (!to.isAfter(from)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.badRequest("to", "at most " + LONGEST_PERIOD.toDays() + " days after from");
        }
        String area = areaText;
        if (area != null && !AreaCodes.isValid(area)) {
            throw ProblemException.badRequest("area", "must be a 6, 9, 12 or 15 digit area code");
        }
        if (!caller.is(Claims.ADMIN)) {
            String own = caller.area().orElseThrow(() -> ProblemException.forbidden("your token names no area"));
            if (area == null) {
                area = own;
            } else if (!AreaCodes.isWithin(area, own)) {
                throw ProblemException.forbidden("area " + area + " is outside your area " + own);
            }
        }
        // an admin without an area reads the whole pool
        return fairness.report(from, to, area, role);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 date-time with offset, e.g. 2026-05-01T00:00:00+08:00");
        }
    }
}
