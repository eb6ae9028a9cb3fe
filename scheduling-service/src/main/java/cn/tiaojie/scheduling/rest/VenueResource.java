package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.scheduling.service.booking.HearingChanges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/venues")
public class VenueResource {

    /** A center code: capital letters and digits in dash-separated parts, starting with a letter (QX-COUNTY). */
    static final String CENTER_CODE = "[A-Z][A-Z0-9]*(-[A-Z0-9]+)*";

    private final Caller caller;
    private final HearingChanges changes;

    VenueResource(Caller caller, HearingChanges changes) {
        this.caller = caller;
        this.changes = changes;
    }

    /**
     * Venues, optionally of one center: staff see their own center's only (another center's list is empty);
     * supervisors and admins every center's, since a venue carries no area of its own.
     */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public List<VenueView> list(@QueryParam("center") @Size(max = 40)
            @Pattern(regexp = CENTER_CODE, message = "must be a center code such as QX-COUNTY") String center) {
        Optional<String> own = staffCenter();
        if (own.isPresent() && center != null && !own.get().equals(center)) {
            return List.of();
        }
        String wanted = own.orElse(center);
        List<Venue> venues = wanted == null
                ? Venue.listAll(Sort.ascending("centerCode", "name"))
                : Venue.list("centerCode", Sort.ascending("name"), wanted);
        return venues.stream().map(VenueView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    @Transactional
    public VenueView get(@PathParam("id") UUID id) {
        Venue venue = Venue.findById(id);
        if (venue == null || staffCenter().filter(c -> !c.equals(venue.centerCode)).isPresent()) {
            throw ProblemException.notFound("venue", id);
        }
        return VenueView.of(venue);
    }

    /** Admins add venues anywhere; staff only at their own center. */
    @POST
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewVenueRequest request, UriInfo uri) {
        if (!caller.is(Claims.ADMIN) && caller.center().filter(request.centerCode()::equals).isEmpty()) {
            throw ProblemException.forbidden("staff add venues only at their own center");
        }
        if (!request.opens().isBefore(request.closes())) {
            throw ProblemException.badRequest("closes", "must be after opens");
        }
        if (Venue.count("centerCode = ?1 and name = ?2", request.centerCode(), request.name()) > 0) {
            throw ProblemException.conflict("center " + request.centerCode() + " already has a venue named "
                    + request.name());
        }
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.centerCode = request.centerCode();
        describe(venue, request);
        venue.persist();
        return Response.created(uri.getBaseUriBuilder().path("api/venues").path(venue.id.toString()).build())
                .entity(VenueView.of(venue)).build();
    }

    /** Changes a venue (its center stays); If-Match guards against overwriting another change. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") UUID id, @NotNull @Valid NewVenueRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.versionOf(ifMatch);
        Venue venue = managed(id);
        if (!venue.centerCode.equals(request.centerCode())) {
            throw ProblemException.badRequest("centerCode", "a venue stays at its center");
        }
        ETags.requireMatch(expected, venue.version, "venue " + id);
        if (!request.opens().isBefore(request.closes())) {
            throw ProblemException.badRequest("closes", "must be after opens");
        }
        if (Venue.count("centerCode = ?1 and name = ?2 and id <> ?3", venue.centerCode, request.name(), id) > 0) {
            throw ProblemException.conflict("center " + venue.centerCode + " already has a venue named " + request.name());
        }
        describe(venue, request);
        Venue.getEntityManager().flush();
        return Response.ok(VenueView.of(venue)).tag(ETags.etag(venue.version)).build();
    }

    /**
     * Closes a venue: it takes no new hearings, and each of its coming hearings moves to the earliest other slot,
     * everyone notified again. The answer lists the hearings moved and any that fit nowhere.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    public HearingChanges.Closure close(@PathParam("id") UUID id,
            @QueryParam("reason") @Size(max = 500)
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters") String reason) {
        QuarkusTransaction.requiringNew().run(() -> managed(id));
        return changes.closeVenue(id, reason == null || reason.isBlank() ? "调解场所关闭" : reason, caller.subject());
    }

    /** The venue, if the caller manages it: admins all, staff their center's (another center's is not found). */
    private Venue managed(UUID id) {
        Venue venue = Venue.findById(id);
        if (venue == null || !caller.is(Claims.ADMIN) && caller.center().filter(venue.centerCode::equals).isEmpty()) {
            throw ProblemException.notFound("venue", id);
        }
        return venue;
    }

    /** The center a staff member is limited to; empty for supervisors and admins, who see every center's. */
    private Optional<String> staffCenter() {
        if (caller.is(Claims.ADMIN) || caller.is(Claims.SUPERVISOR)) {
            return Optional.empty();
        }
        // staff without a center claim see nothing
        return Optional.of(caller.center().orElse(""));
    }

    /** What a venue request says about the venue; its center and id are set where it is created. */
    private static void describe(Venue venue, NewVenueRequest request) {
        venue.name = request.name();
        venue.address = request.address();
        venue.kind = request.kind();
        venue.capacity = request.capacity();
        venue.opens = request.opens();
        venue.closes = request.closes();
        venue.hasVideo = request.withVideo();
    }
}
