package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.CaseEvent;
import cn.tiaojie.cases.CaseStatus;
import cn.tiaojie.cases.CaseTeamMember;
import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.service.CaseAccess;
import cn.tiaojie.cases.service.CaseLifecycle;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.rest.ETags;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/cases")
public class CaseResource {

    public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record CasePage(List<CaseView> items, int page, int size, long total) {
    }

    private final CaseLifecycle lifecycle;
    private final CaseAccess access;
    private final Caller caller;

    CaseResource(CaseLifecycle lifecycle, CaseAccess access, Caller caller) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Claims.STAFF)
    public Response register(@NotNull @Valid NewCaseRequest request, UriInfo uri) {
        String center = caller.center().orElseThrow(() -> ProblemException.forbidden("your token names no center"));
        DisputeCase c = lifecycle.register(request, center, caller.subject());
        URI location = uri.getBaseUriBuilder().path("api/cases").path(c.id.toString()).build();
        return Response.created(location).tag(etag(c)).entity(CaseView.summary(c)).build();
    }

    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public CasePage list(@QueryParam("status") CaseStatus status, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
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
        PanacheQuery<DisputeCase> query = DisputeCase.find(where.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size));
        return new CasePage(query.list().stream().map(CaseView::summary).toList(), page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Response get(@PathParam("id") UUID id) {
        DisputeCase c = access.visible(caller, id);
        List<CaseTeamMember> team = CaseTeamMember.list("caseId", c.id);
        List<CaseEvent> timeline = CaseEvent.list("caseId", Sort.ascending("id"), c.id);
        return Response.ok(CaseView.of(c, team, timeline)).tag(etag(c)).build();
    }

    @POST
    @Path("/{id}/file")
    @RolesAllowed(Claims.STAFF)
    public Response file(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        checkManageable(id);
        DisputeCase c = lifecycle.file(id, ETags.versionOf(ifMatch), caller.subject());
        return Response.ok(CaseView.summary(c)).tag(etag(c)).build();
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Claims.STAFF)
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid RejectRequest request) {
        checkManageable(id);
        DisputeCase c = lifecycle.reject(id, ETags.versionOf(ifMatch), request.reason(), caller.subject());
        return Response.ok(CaseView.summary(c)).tag(etag(c)).build();
    }

    private void checkManageable(UUID id) {
        access.manageable(caller, id);
    }

    static EntityTag etag(DisputeCase c) {
        return ETags.etag(c.version);
    }
}
