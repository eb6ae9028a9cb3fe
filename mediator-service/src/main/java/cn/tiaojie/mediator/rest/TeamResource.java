package cn.tiaojie.mediator.rest;

import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.mediator.model.ChoiceList;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.TeamAudit;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.mediator.model.TeamStatus;
import cn.tiaojie.mediator.service.Access;
import cn.tiaojie.mediator.service.Matching;
import cn.tiaojie.mediator.service.TeamFormation;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teams as staff watch them form: who was offered what, who is ranked next, and assignment by hand. */
@Path("/api/teams")
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    public record TeamPage(List<TeamView> items, int page, int size, long total) {
    }

    public record AssignRequest(@NotNull MediatorRole role, @NotBlank @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String mediatorId,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record ChoiceListRequest(@NotNull MediatorRole role,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Pattern(regexp = MediatorRequest.ID_PATTERN, message = "not a mediator id") String> mediatorIds) {
    }

    public record AuditView(String action, String role, String mediatorId, String actor, String reason, Instant at) {
    }

    private final TeamFormation formation;
    private final Matching matching;
    private final Access access;
    private final Caller caller;

    TeamResource(TeamFormation formation, Matching matching, Access access, Caller caller) {
        this.formation = formation;
        this.matching = matching;
        this.access = access;
        this.caller = caller;
    }

    /** Staff see their center's teams, supervisors their area's, admins all. */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public TeamPage list(@QueryParam("status") String statusName, @QueryParam("caseId") String caseIdText,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        TeamStatus status = QueryParams.enumValue(TeamStatus.class, "status", statusName);
        UUID caseId = QueryParams.uuid("caseId", caseIdText);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (caller.is(Claims.STAFF) && !caller.is(Claims.ADMIN)) {
            where.append(" and centerCode = :center");
            params.put("center", caller.center().orElse(""));
        } else if (caller.is(Claims.SUPERVISOR) && !caller.is(Claims.ADMIN)) {
            where.append(" and areaCode like :area");
            params.put("area", caller.area().orElse("-") + "%");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (caseId != null) {
            where.append(" and caseId = :caseId");
            params.put("caseId", caseId);
        }
        PanacheQuery<Team> query = Team.find(where.toString(), Sort.descending("createdAt"), params).page(Page.of(page, size));
        return new TeamPage(query.list().stream().map(TeamView::of).toList(), page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public TeamView get(@PathParam("id") UUID id) {
        return TeamView.of(access.visibleTeam(caller, id));
    }

    /** The team of a case, as case-service's screens link to it. */
    @GET
    @Path("/by-case/{caseId}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public TeamView ofCase(@PathParam("caseId") UUID caseId) {
        Team team = Team.ofCase(caseId).orElseThrow(() -> ProblemException.notFound("team of case", caseId));
        return TeamView.of(access.visibleTeam(caller, team.id));
    }

    /** The ranking matching would use for a role right now, with the rule that excludes each mediator left out. */
    @GET
    @Path("/{id}/candidates")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    public MatchResource.RoleRanking candidates(@PathParam("id") UUID id, @QueryParam("role") String roleName) {
        MediatorRole role = QueryParams.enumValue(MediatorRole.class, "role", roleName);
        if (role == null) {
            throw ProblemException.badRequest("role", "is required");
        }
        Team team = access.manageableTeam(caller, id);
        return MatchResource.RoleRanking.of(role, matching.rank(Matching.Subject.of(team, java.util.Set.of()), role,
                Instant.now(), 100, Matching.LISTED_EXCLUSIONS));
    }

    /** Who did what to the team by hand, oldest first. */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public List<AuditView> audit(@PathParam("id") UUID id) {
        access.visibleTeam(caller, id);
        return TeamAudit.<TeamAudit>list("teamId", Sort.ascending("at"), id).stream()
                .map(a -> new AuditView(a.action.name(), a.role == null ? null : a.role.name(), a.mediatorId, a.actor,
                        a.reason, a.at))
                .toList();
    }

    /** Party choice: a short list for one role that the parties strike and rank through their resident link. */
    @POST
    @Path("/{id}/choice-lists")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    public Response publishChoiceList(@PathParam("id") UUID id, @NotNull @Valid ChoiceListRequest request) {
        access.manageableTeam(caller, id);
        ChoiceList list = formation.publishChoiceList(id, request.role(), request.mediatorIds(), caller.subject());
        return Response.status(Response.Status.CREATED).entity(ChoiceResource.ChoiceListView.of(list, null)).build();
    }

    @GET
    @Path("/{id}/choice-lists")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public List<ChoiceResource.ChoiceListView> choiceLists(@PathParam("id") UUID id) {
        access.visibleTeam(caller, id);
        return ChoiceList.<ChoiceList>list("teamId", Sort.ascending("publishedAt"), id).stream()
                .map(l -> ChoiceResource.ChoiceListView.of(l, null)).toList();
    }

    /**
     * Assignment by hand (人工指派): offers a role nobody holds (or an optional role of the rule) to the mediator staff
     * chose, with a reason that goes to the audit trail.
     */
    @POST
    @Path("/{id}/offers")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        access.manageableTeam(caller, id);
        OfferView offer = OfferView.of(formation.assignByHand(id, request.role(), request.mediatorId(),
                request.reason().strip(), caller.subject()));
        return Response.status(Response.Status.CREATED).entity(offer).build();
    }
}
