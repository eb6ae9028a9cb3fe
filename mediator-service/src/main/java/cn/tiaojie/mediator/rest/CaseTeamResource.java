package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.Teams;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** The team of a case under the case's own path: offers (with their explanations), members, status. */
@Path("/api/cases/{caseId}/team")
public class CaseTeamResource {

    private final Teams teams;
    private final Caller caller;

    CaseTeamResource(Teams teams, Caller caller) {
        this.teams = teams;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public TeamView team(@PathParam("caseId") UUID caseId) {
        return teams.ofCase(caller, caseId, TeamView::of);
    }
}
