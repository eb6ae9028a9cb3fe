package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.service.Access;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** The team of a case under the case's own path: offers (with their explanations), members, status. */
@Path("/api/cases/{caseId}/team")
public class CaseTeamResource {

    private final Access access;
    private final Caller caller;

    CaseTeamResource(Access access, Caller caller) {
        this.access = access;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public TeamView team(@PathParam("caseId") UUID caseId) {
        Team team = Team.ofCase(caseId).orElseThrow(() -> ProblemException.notFound("team of case", caseId));
        return TeamView.of(access.visibleTeam(caller, team.id));
    }
}
