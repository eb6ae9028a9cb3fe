package cn.tiaojie.scheduling.rest;

import cn.tiaojie.platform.rest.ETags;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.service.booking.HearingChanges;
import cn.tiaojie.scheduling.service.venues.Venues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

@Path("/api/venues")
public class VenueResource {

    /** A center code: capital letters and digits in dash-separated parts, starting with a letter (QX-COUNTY). */
    static final String CENTER_CODE = "[A-Z][A-Z0-9]*(-[A-Z0-9]+)*";

    private final Caller caller;
    private final Venues venues;

    VenueResource(Caller caller, Venues venues) {
        this.caller = caller;
        this.venues = venues;
    }

    /**
     * Venues, optionally of one center: staff see their own center's only (another center's list is empty);
     * supervisors and admins every center's, since a venue carries no area of its own.
     */
    @GET
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public List<VenueView> list(@QueryParam("center") @Size(max = 40)
            @Pattern(regexp = CENTER_CODE, message = "must be a center code such as QX-COUNTY") String center) {
        return venues.list(caller, center).stream().map(VenueView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.SUPERVISOR, Claims.ADMIN})
    public VenueView get(@PathParam("id") UUID id) {
        return VenueView.of(venues.get(caller, id));
    }

    /** Admins add venues anywhere; staff only at their own center. */
    @POST
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewVenueRequest request, UriInfo uri) {
        Venue venue = venues.create(caller, request.details());
        return Response.created(uri.getBaseUriBuilder().path("api/venues").path(venue.id.toString()).build())
                .entity(VenueView.of(venue)).build();
    }

    /** Changes a venue (its center stays); If-Match guards against overwriting another change. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Claims.STAFF, Claims.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") UUID id, @NotNull @Valid NewVenueRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.versionOf(ifMatch);
        Venue venue = venues.update(caller, id, request.details(), expected);
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
        return venues.close(caller, id, reason);
    }
}
