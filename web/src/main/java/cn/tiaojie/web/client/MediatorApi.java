package cn.tiaojie.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** mediator-service's REST API as the pages use it. */
@Path("/api")
@RegisterRestClient(configKey = "mediator-service")
@RegisterClientHeaders(UserTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MediatorApi {

    @GET
    @Path("/teams/by-case/{caseId}")
    Map<String, Object> teamOfCase(@PathParam("caseId") String caseId);

    @GET
    @Path("/reports/fairness")
    Map<String, Object> fairness(@QueryParam("from") String from, @QueryParam("to") String to);

    /** The signed-in mediator's own offers, newest first; a status (OFFERED, ACCEPTED, …) narrows them. */
    @GET
    @Path("/offers")
    List<Map<String, Object>> offers(@QueryParam("status") String status);

    @POST
    @Path("/offers/{id}/accept")
    Map<String, Object> accept(@PathParam("id") String id);

    /** body: {"reason": …} */
    @POST
    @Path("/offers/{id}/decline")
    Map<String, Object> decline(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/teams/{id}")
    Map<String, Object> team(@PathParam("id") String id);

    @GET
    @Path("/mediators/{id}/weekly-hours")
    List<Map<String, Object>> weeklyHours(@PathParam("id") String mediatorId);

    /** body: {"hours": [{"day": "MONDAY", "starts": "08:30", "ends": "12:00"}, …]}, replacing the whole pattern */
    @PUT
    @Path("/mediators/{id}/weekly-hours")
    List<Map<String, Object>> replaceWeeklyHours(@PathParam("id") String mediatorId, Map<String, Object> body);

    @GET
    @Path("/mediators/{id}/unavailability")
    List<Map<String, Object>> unavailability(@PathParam("id") String mediatorId);

    @POST
    @Path("/mediators/{id}/unavailability")
    Map<String, Object> addUnavailability(@PathParam("id") String mediatorId, Map<String, Object> body);

    @DELETE
    @Path("/mediators/{id}/unavailability/{unavailabilityId}")
    void removeUnavailability(@PathParam("id") String mediatorId, @PathParam("unavailabilityId") String unavailabilityId);
}
