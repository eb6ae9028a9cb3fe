package cn.tiaojie.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.jboss.resteasy.reactive.RestResponse;

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

    /** Offers made in [from, to) per role (and area) of the mediators; area and role narrow it, null for all. */
    @GET
    @Path("/reports/fairness")
    Map<String, Object> fairness(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("area") String area, @QueryParam("role") String role);

    /** A page of the pool, by id; X-Total-Count says how many match. Null parameters do not narrow. */
    @GET
    @Path("/mediators")
    RestResponse<List<Map<String, Object>>> pool(@QueryParam("role") String role, @QueryParam("within") String within,
            @QueryParam("status") String status, @QueryParam("language") String language, @QueryParam("q") String text,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /** A member of the pool; its version is what an edit sends back as If-Match. */
    @GET
    @Path("/mediators/{id}")
    Map<String, Object> mediator(@PathParam("id") String id);

    @POST
    @Path("/mediators")
    Map<String, Object> register(Map<String, Object> body);

    @PUT
    @Path("/mediators/{id}")
    Map<String, Object> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> body);

    @GET
    @Path("/mediators/{id}/workload")
    Map<String, Object> workload(@PathParam("id") String id);

    /** The CSV onboarding: the per-row report, and with dryRun=false the good rows imported. */
    @POST
    @Path("/mediators/import")
    @Consumes("text/csv")
    Map<String, Object> importCsv(@QueryParam("dryRun") boolean dryRun, String csv);

    @GET
    @Path("/team-rules")
    List<Map<String, Object>> teamRules();

    @GET
    @Path("/team-rules/{code}")
    Map<String, Object> teamRule(@PathParam("code") String code);

    /** body: {"requiredRoles": […], "optionalRoles": […]} */
    @PUT
    @Path("/team-rules/{code}")
    Map<String, Object> putTeamRule(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> body);

    @DELETE
    @Path("/team-rules/{code}")
    void resetTeamRule(@PathParam("code") String code);

    /** The team a rule would form for a sample case, role by role, without offering anything. */
    @POST
    @Path("/match/preview")
    Map<String, Object> preview(Map<String, Object> body);

    @GET
    @Path("/conflict-rules/earlier-involvement")
    Map<String, Object> earlierInvolvementRules();

    /** body: {"lookBackDays": 365} */
    @PUT
    @Path("/conflict-rules/earlier-involvement/{code}")
    Map<String, Object> putEarlierInvolvementRule(@PathParam("code") String code, Map<String, Object> body);

    @DELETE
    @Path("/conflict-rules/earlier-involvement/{code}")
    void resetEarlierInvolvementRule(@PathParam("code") String code);

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
