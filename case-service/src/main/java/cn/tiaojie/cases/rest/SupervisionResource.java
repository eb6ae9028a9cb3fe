package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.service.supervision.SupervisionBoard;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/supervision")
public class SupervisionResource {

    public record OverdueCase(UUID id, String caseNo, String centerCode, String areaCode, String level, String status,
            String step, Instant stepDeadline, long hoursOverdue, boolean urgent) {
    }

    public record OverdueSummons(UUID id, UUID caseId, String caseNo, String department, Instant deadline,
            long hoursOverdue) {
    }

    public record Overdue(List<OverdueCase> cases, List<OverdueSummons> summons) {
    }

    /** A case raised to a higher level (升级), by supervision or by hand: when, by whom, why, and where it is now. */
    public record Escalation(UUID caseId, String caseNo, String centerCode, String areaCode, String level,
            String status, Instant at, String actor, String detail) {
    }

    private final SupervisionBoard board;
    private final Caller caller;

    SupervisionResource(SupervisionBoard board, Caller caller) {
        this.board = board;
        this.caller = caller;
    }

    /**
     * Open cases whose current step is past its deadline, and summonses not answered in time, in the caller's
     * jurisdiction ({@code area}, at or below the supervisor's own), most overdue first.
     */
    @GET
    @Path("/overdue")
    @RolesAllowed({Claims.SUPERVISOR, Claims.ADMIN})
    public Overdue overdue(@QueryParam("area") String area) {
        SupervisionBoard.Overdue overdue = board.overdue(scope(area));
        Instant now = overdue.now();
        return new Overdue(
                overdue.cases().stream().map(c -> new OverdueCase(c.id, c.caseNo, c.centerCode, c.areaCode,
                        c.level.name(), c.status.name(), c.step.name(), c.stepDeadline, hours(c.stepDeadline, now),
                        c.urgent)).toList(),
                overdue.summons().stream().map(s -> new OverdueSummons(s.id, s.caseId,
                        overdue.caseNumbers().get(s.caseId), s.department, s.deadline, hours(s.deadline, now))).toList());
    }

    /** The escalations of the caller's jurisdiction in the last {@code days} days (1 to 366, default 30), newest first. */
    @GET
    @Path("/escalations")
    @RolesAllowed({Claims.SUPERVISOR, Claims.ADMIN})
    public List<Escalation> escalations(@QueryParam("area") String area, @QueryParam("days") String days) {
        String scope = scope(area);
        int window = CaseResource.intParam("days", days, 30, 1, 366);
        return board.escalations(scope, window).stream().map(row -> {
            CaseEvent e = row.event();
            DisputeCase c = row.disputeCase();
            return new Escalation(c.id, c.caseNo, c.centerCode, c.areaCode, c.level.name(), c.status.name(), e.at,
                    e.actor, e.detail);
        }).toList();
    }

    private String scope(String area) {
        String own = caller.is(Claims.ADMIN) ? "" : caller.area()
                .orElseThrow(() -> ProblemException.forbidden("your token names no jurisdiction (area)"));
        if (area == null || area.isBlank()) {
            return own;
        }
        if (!area.matches("\\d{6}(\\d{3}){0,3}")) {
            throw ProblemException.badRequest("area", "must be a 6, 9, 12 or 15 digit area code");
        }
        if (!area.startsWith(own)) {
            throw ProblemException.forbidden("area " + area + " is outside your jurisdiction " + own);
        }
        return area;
    }

    private static long hours(Instant deadline, Instant now) {
        return Duration.between(deadline, now).toHours();
    }
}
