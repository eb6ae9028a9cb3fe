package cn.tiaojie.mediator.rest;

import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.mediator.DeclaredConflict;
import cn.tiaojie.mediator.Mediator;
import cn.tiaojie.mediator.MediatorRole;
import cn.tiaojie.mediator.service.Access;
import cn.tiaojie.mediator.service.MediatorPool;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The pool: admins keep it, staff and supervisors browse it, each mediator declares their own conflicts. */
@Path("/api/mediators")
public class MediatorResource {

    public record ConflictRequest(@NotBlank @Size(max = 200) String partyName, @Size(max = 500) String reason) {
    }

    public record ConflictView(UUID id, String partyName, String reason, Instant declaredAt) {

        static ConflictView of(DeclaredConflict c) {
            return new ConflictView(c.id, c.partyName, c.reason, c.declaredAt);
        }
    }

    private final MediatorPool pool;
    private final Access access;
    private final Caller caller;

    MediatorResource(MediatorPool pool, Access access, Caller caller) {
        this.pool = pool;
        this.access = access;
        this.caller = caller;
    }

    /** The pool, optionally only one role, only mediators who serve an area, only the active ones. */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public List<MediatorView> list(@QueryParam("role") String roleName,
            @QueryParam("serves") @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be an area code") String serves,
            @QueryParam("active") Boolean active) {
        MediatorRole role = QueryParams.enumValue(MediatorRole.class, "role", roleName);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (role != null) {
            where.append(" and role = :role");
            params.put("role", role);
        }
        if (active != null) {
            where.append(" and active = :active");
            params.put("active", active);
        }
        List<Mediator> mediators = Mediator.list(where.toString(), Sort.ascending("id"), params);
        return mediators.stream()
                .filter(m -> serves == null || serves.startsWith(m.areaCode))
                .map(m -> MediatorView.of(m, false))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    @Transactional
    public Response get(@PathParam("id") String id) {
        boolean self = access.isSelf(caller, id);
        boolean browsesThePool = caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN);
        if (!self && !browsesThePool) {
            throw ProblemException.notFound("mediator", id);
        }
        Mediator m = access.existing(id);
        boolean showContact = self || caller.is(Claims.STAFF) || caller.is(Claims.ADMIN);
        return Response.ok(MediatorView.of(m, showContact)).tag(ETags.etag(m.version)).build();
    }

    @POST
    @RolesAllowed(Claims.ADMIN)
    public Response register(@NotNull @Valid MediatorRequest request, UriInfo uri) {
        Mediator m = pool.register(request);
        return Response.created(uri.getBaseUriBuilder().path("api/mediators").path(m.id).build())
                .tag(ETags.etag(m.version)).entity(MediatorView.of(m, true)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Claims.ADMIN)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MediatorRequest request) {
        Mediator m = pool.update(id, request, ETags.versionOf(ifMatch));
        return Response.ok(MediatorView.of(m, true)).tag(ETags.etag(m.version)).build();
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    @Transactional
    public List<ConflictView> conflicts(@PathParam("id") String id) {
        access.ownOrAdmin(caller, id);
        return DeclaredConflict.<DeclaredConflict>list("mediatorId", Sort.ascending("declaredAt"), id).stream()
                .map(ConflictView::of).toList();
    }

    /** 申请回避: the mediator will not be offered a case with this party. */
    @POST
    @Path("/{id}/conflicts")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    @Transactional
    public Response declareConflict(@PathParam("id") String id, @NotNull @Valid ConflictRequest request) {
        access.ownOrAdmin(caller, id);
        DeclaredConflict c = pool.declareConflict(id, request.partyName(), request.reason());
        return Response.status(Response.Status.CREATED).entity(ConflictView.of(c)).build();
    }
}
