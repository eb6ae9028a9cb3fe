package cn.tiaojie.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scheduling-service's REST API as the pages use it. */
@Path("/api")
@RegisterRestClient(configKey = "scheduling-service")
@RegisterClientHeaders(UserTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SchedulingApi {

    @GET
    @Path("/hearings")
    List<Map<String, Object>> hearingsOfCase(@QueryParam("caseId") String caseId);

    /** A mediator's hearings overlapping from–to (ISO-8601 with offset), earliest first. */
    @GET
    @Path("/hearings")
    List<Map<String, Object>> hearingsOfMediator(@QueryParam("mediatorId") String mediatorId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") int limit);

    @GET
    @Path("/hearings/{id}/history")
    List<Map<String, Object>> history(@PathParam("id") String id);

    /** Venues (of one center when given); staff get their own center's only. */
    @GET
    @Path("/venues")
    List<Map<String, Object>> venues(@QueryParam("center") String center);

    @GET
    @Path("/venues/{id}")
    Map<String, Object> venue(@PathParam("id") String id);

    @POST
    @Path("/venues")
    Map<String, Object> createVenue(Map<String, Object> body);

    @PUT
    @Path("/venues/{id}")
    Map<String, Object> updateVenue(@PathParam("id") String id, Map<String, Object> body);

    /** Closes the venue: its coming hearings move elsewhere; answers {"moved": […], "unplaced": […]}. */
    @DELETE
    @Path("/venues/{id}")
    Map<String, Object> closeVenue(@PathParam("id") String id, @QueryParam("reason") String reason);

    /** Whether the mediator has a secret calendar address (never its token, which only renewing shows). */
    @GET
    @Path("/mediators/{id}/calendar-subscription")
    Map<String, Object> calendarSubscription(@PathParam("id") String mediatorId);

    /** A new secret calendar address: {"token": …, "path": …}; the old one stops working. */
    @POST
    @Path("/mediators/{id}/calendar-subscription")
    Map<String, Object> renewCalendarSubscription(@PathParam("id") String mediatorId);

    @GET
    @Path("/hearings/{id}.ics")
    @Produces("text/calendar")
    byte[] calendar(@PathParam("id") String id);

    /** reschedule or cancel, on the version of the hearing the page showed */
    @POST
    @Path("/hearings/{id}/{action}")
    Map<String, Object> act(@PathParam("id") String id, @PathParam("action") String action,
            @HeaderParam("If-Match") String version, Map<String, Object> body);
}
