package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.service.MediatorProfile;
import cn.tiaojie.platform.validation.ChinesePhone;
import cn.tiaojie.platform.rest.QueryParams;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.mediator.model.ConflictKind;
import cn.tiaojie.mediator.model.DeclaredConflict;
import cn.tiaojie.mediator.model.MediatorStatus;
import cn.tiaojie.mediator.service.PoolImport;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.MediaType;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.service.MediatorDirectory;
import cn.tiaojie.mediator.service.MediatorPool;
import cn.tiaojie.mediator.service.Workloads;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The pool: admins keep it, staff and supervisors browse it, each mediator declares their own conflicts. */
@Path("/api/mediators")
@Consumes(MediaType.APPLICATION_JSON)
public class MediatorResource {

    public record ConflictRequest(ConflictKind kind, @Size(max = 200) String partyName,
            @Pattern(regexp = "[0-9]{17}[0-9Xx]|[0-9A-Z]{18}", message = "must be an 18-character ID number or credit code") String idNumber,
            @ChinesePhone String phone,
            @Size(max = 500) String reason) {
    }

    /** A declared conflict as it is shown: the ID number and phone masked, never in full. */
    public record ConflictView(UUID id, String kind, String partyName, String idNumber, String phone, String reason,
            Instant declaredAt) {

        static ConflictView of(DeclaredConflict c) {
            return new ConflictView(c.id, c.kind.name(), c.partyName, c.idNumberMasked, c.phoneMasked, c.reason,
                    c.declaredAt);
        }
    }

    /** How busy a mediator is: open cases against capacity, the last 30 days' offers by answer, the latest offers. */
    public record WorkloadView(String mediatorId, long openCases, int capacity, Instant since,
            Map<String, Long> offersSince, List<OfferView> latestOffers) {

        static WorkloadView of(Workloads.Workload w) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            w.offersSince().forEach((status, n) -> byStatus.put(status.name(), n));
            return new WorkloadView(w.mediatorId(), w.openCases(), w.capacity(), w.since(), byStatus,
                    w.latestOffers().stream().map(OfferView::of).toList());
        }
    }

    private final MediatorPool pool;
    private final PoolImport poolImport;
    private final MediatorDirectory directory;
    private final Caller caller;

    MediatorResource(MediatorPool pool, PoolImport poolImport, MediatorDirectory directory, Caller caller) {
        this.pool = pool;
        this.poolImport = poolImport;
        this.directory = directory;
        this.caller = caller;
    }

    /**
     * Search the pool: by role, status, an area the mediator covers ({@code serves}), expertise (a category or
     * subcategory code), a language or dialect tag, and a name or organisation fragment ({@code q}); paged by id.
     */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public Response list(@QueryParam("role") String roleName,
            @QueryParam("serves") @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be an area code") String serves,
            @QueryParam("within") @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be an area code") String within,
            @QueryParam("status") String statusName, @QueryParam("active") Boolean active,
            @QueryParam("expertise") @Size(max = 80) String expertise,
            @QueryParam("language") @Pattern(regexp = "[a-z]{2,3}", message = "must be a language subtag such as en or wuu") String language,
            @QueryParam("q") @Size(max = 100) String text,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        MediatorRole role = QueryParams.enumValue(MediatorRole.class, "role", roleName);
        MediatorStatus status = QueryParams.enumValue(MediatorStatus.class, "status", statusName);
        MediatorDirectory.Found found = directory.search(new MediatorDirectory.Search(role, status, active, serves,
                within, expertise, language, text), page, size);
        List<MediatorView> views = found.items().stream().map(m -> MediatorView.of(m, false)).toList();
        return Response.ok(views).header("X-Total-Count", found.total()).build();
    }

    /** Onboards many mediators from CSV; answers which rows were added and why each other row was not. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Claims.ADMIN)
    public PoolImport.Report importCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, String csv) {
        return poolImport.importCsv(csv, dryRun);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN, Claims.MEDIATOR})
    public Response get(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id) {
        MediatorDirectory.Profile profile = directory.profile(caller, id);
        Mediator m = profile.mediator();
        return Response.ok(MediatorView.of(m, profile.showContact())).tag(ETags.etag(m.version)).build();
    }

    @POST
    @RolesAllowed(Claims.ADMIN)
    public Response register(@NotNull @Valid MediatorProfile request, UriInfo uri) {
        Mediator m = pool.register(request);
        return Response.created(uri.getBaseUriBuilder().path("api/mediators").path(m.id).build())
                .tag(ETags.etag(m.version)).entity(MediatorView.of(m, true)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Claims.ADMIN)
    public Response update(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MediatorProfile request) {
        Mediator m = pool.update(id, request, ETags.versionOf(ifMatch));
        return Response.ok(MediatorView.of(m, true)).tag(ETags.etag(m.version)).build();
    }

    /** The mediator's own workload, or any mediator's for an admin keeping the pool. */
    @GET
    @Path("/{id}/workload")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public WorkloadView workload(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id) {
        return directory.workload(caller, id, WorkloadView::of);
    }

    @GET
    @Path("/{id}/conflicts")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN, Claims.STAFF})
    public List<ConflictView> conflicts(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id) {
        return directory.conflicts(caller, id).stream().map(ConflictView::of).toList();
    }

    /**
     * 申请回避: the mediator will not be offered a case with this party, named by name, ID number or phone; a lawyer
     * declares former clients with kind FORMER_CLIENT.
     */
    @POST
    @Path("/{id}/conflicts")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public Response declareConflict(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @NotNull @Valid ConflictRequest request) {
        DeclaredConflict c = directory.declareConflict(caller, id, request.kind(), request.partyName(),
                request.idNumber(), request.phone(), request.reason());
        return Response.status(Response.Status.CREATED).entity(ConflictView.of(c)).build();
    }

    @DELETE
    @Path("/{id}/conflicts/{conflictId}")
    @RolesAllowed({Claims.MEDIATOR, Claims.ADMIN})
    public void withdrawConflict(@PathParam("id") @Pattern(regexp = MediatorProfile.ID_PATTERN, message = "not a mediator id") String id, @PathParam("conflictId") UUID conflictId) {
        directory.withdrawConflict(caller, id, conflictId);
    }
}
