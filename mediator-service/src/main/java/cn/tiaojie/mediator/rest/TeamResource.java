package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.MediatorProfile;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.mediator.model.MediatorRole;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.service.ChoiceListDetail;
import cn.tiaojie.mediator.service.Teams;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Teams as staff watch them form: who was offered what, who is ranked next, and assignment by hand. */
@Path("/api/teams")
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    public record TeamPage(List<TeamView> items, int page, int size, long total) {
    }

    public record AssignRequest(@NotNull MediatorRole role, @NotBlank @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String mediatorId,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record ChoiceListRequest(@NotNull MediatorRole role,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String> mediatorIds) {
    }

    public record AuditView(String action, String role, String mediatorId, String actor, String reason, Instant at) {
    }

    private final Teams teams;
    private final Caller caller;

    TeamResource(Teams teams, Caller caller) {
        this.teams = teams;
        this.caller = caller;
    }

    /** Staff see their center's teams, supervisors their area's, admins all. */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public TeamPage list(@QueryParam("status") String statusName, @QueryParam("caseId") String caseIdText,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        TeamStatus status = QueryParams.enumValue(TeamStatus.class, "status", statusName);
        UUID caseId = QueryParams.uuid("caseId", caseIdText);
        Teams.Listed<TeamView> listed = teams.list(caller, status, caseId, page, size, TeamView::of);
        return new TeamPage(listed.items(), page, size, listed.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public TeamView get(@PathParam("id") UUID id) {
        return teams.visible(caller, id, TeamView::of);
    }

    /** The team of a case, as case-service's screens link to it. */
    @GET
    @Path("/by-case/{caseId}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public TeamView ofCase(@PathParam("caseId") UUID caseId) {
        return teams.ofCase(caller, caseId, TeamView::of);
    }

    /** The ranking matching would use for a role right now, with the rule that excludes each mediator left out. */
    @GET
    @Path("/{id}/candidates")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    public MatchResource.RoleRanking candidates(@PathParam("id") UUID id, @QueryParam("role") String roleName) {
        MediatorRole role = QueryParams.enumValue(MediatorRole.class, "role", roleName);
        if (role == null) {
            throw ProblemException.badRequest("role", "is required");
        }
        return MatchResource.RoleRanking.of(role, teams.candidates(caller, id, role));
    }

    /** Who did what to the team by hand, oldest first. */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public List<AuditView> audit(@PathParam("id") UUID id) {
        return teams.audit(caller, id).stream()
                .map(a -> new AuditView(a.action.name(), a.role == null ? null : a.role.name(), a.mediatorId, a.actor,
                        a.reason, a.at))
                .toList();
    }

    /** Party choice: a short list for one role that the parties strike and rank through their resident link. */
    @POST
    @Path("/{id}/choice-lists")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    public Response publishChoiceList(@PathParam("id") UUID id, @NotNull @Valid ChoiceListRequest request) {
        ChoiceListDetail list = teams.publishChoiceList(caller, id, request.role(), request.mediatorIds());
        return Response.status(Response.Status.CREATED).entity(ChoiceResource.ChoiceListView.of(list)).build();
    }

    @GET
    @Path("/{id}/choice-lists")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public List<ChoiceResource.ChoiceListView> choiceLists(@PathParam("id") UUID id) {
        return teams.choiceLists(caller, id).stream().map(ChoiceResource.ChoiceListView::of).toList();
    }

    /**
     * Assignment by hand (人工指派): offers a role nobody holds (or an optional role of the rule) to the mediator staff
     * chose, with a reason that goes to the audit trail.
     */
    @POST
    @Path("/{id}/offers")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        OfferView offer = teams.assignByHand(caller, id, request.role(), request.mediatorId(),
                request.reason().strip(), OfferView::of);
        return Response.status(Response.Status.CREATED).entity(offer).build();
    }
}
