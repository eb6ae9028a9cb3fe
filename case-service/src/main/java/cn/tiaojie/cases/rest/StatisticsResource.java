package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.statistics.CaseStatistics;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/api/stats")
public class StatisticsResource {

    private final CaseStatistics statistics;
    private final Caller caller;

    StatisticsResource(CaseStatistics statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /**
     * Cases registered from {@code from} to {@code to} (dates, both included, China time; the last 30 days by
     * default), grouped; staff see their center, supervisors their jurisdiction.
     */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public CaseStatistics.Report get(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        LocalDate today = LocalDate.now(CaseLifecycle.CHINA);
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        CaseStatistics.GroupBy grouping = QueryParams.enumValue(CaseStatistics.GroupBy.class, "groupBy", groupBy);
        CaseStatistics.Scope scope;
        if (caller.is(Claims.ADMIN)) {
            scope = CaseStatistics.Scope.ALL;
        } else if (caller.is(Claims.STAFF)) {
            scope = new CaseStatistics.Scope(caller.center().orElse("-"), null);
        } else {
            scope = new CaseStatistics.Scope(null, caller.area().orElse("-"));
        }
        Instant start = first.atStartOfDay(CaseLifecycle.CHINA).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(CaseLifecycle.CHINA).toInstant();
        return statistics.report(start, end, grouping == null ? CaseStatistics.GroupBy.category : grouping, scope);
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date like 2025-01-31");
        }
    }
}
