package cn.tiaojie.mediator.rest;

import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.Team;
import cn.tiaojie.mediator.TeamStatus;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teams as staff watch them form: who was offered what, who is ranked next, and assignment by hand. */
@Path("/api/teams")
public class TeamResource {

    public record TeamPage(List<TeamView> items, int page, int size, long total) {
    }

    public record AssignRequest(@NotNull MediatorRole role, @NotBlank String mediatorId) {
    }

    public record CandidateView(String mediatorId, String name, String areaCode, double score,
            Map<String, Double> scoreParts, long load, int capacity) {
    }

    public record ExcludedView(String mediatorId, String name, String reason) {
    }

    public record Candidates(String role, List<CandidateView> candidates, List<ExcludedView> excluded) {
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
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public TeamView ofCase(@PathParam("caseId") UUID caseId) {
        Team team = Team.ofCase(caseId).orElseThrow(() -> ProblemException.notFound("team of case", caseId));
        return TeamView.of(access.visibleTeam(caller, team.id));
    }

    /** The ranking matching would use for a role right now, with the reason each excluded mediator is out. */
    @GET
    @Path("/{id}/candidates")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    public Candidates candidates(@PathParam("id") UUID id, @QueryParam("role") String roleName) {
        MediatorRole role = QueryParams.enumValue(MediatorRole.class, "role", roleName);
        if (role == null) {
            throw ProblemException.badRequest("role", "is required");
        }
        Team team = access.manageableTeam(caller, id);
        Matching.Ranking ranking = matching.rank(team, role, Instant.now());
        return new Candidates(role.name(),
                ranking.candidates().stream().map(c -> new CandidateView(c.mediator().id, c.mediator().name,
                        c.mediator().areaCode, c.score(), c.scoreParts(), c.load(), c.mediator().capacity)).toList(),
                ranking.excluded().stream().map(e -> new ExcludedView(e.mediator().id, e.mediator().name, e.reason()))
                        .toList());
    }

    /** Assignment by hand (人工指派): offers a role nobody holds to the mediator staff chose. */
    @POST
    @Path("/{id}/offers")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        access.manageableTeam(caller, id);
        OfferView offer = OfferView.of(formation.assignByHand(id, request.role(), request.mediatorId(), caller.subject()));
        return Response.status(Response.Status.CREATED).entity(offer).build();
    }
}
