package cn.tiaojie.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/**
 * case-service's REST API as the pages use it. Answers stay the service's JSON (maps and lists): the pages show
 * what the API says and keep no second copy of its types.
 */
@Path("/api")
@RegisterRestClient(configKey = "case-service")
@RegisterClientHeaders(UserTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CaseApi {

    @POST
    @Path("/cases")
    Map<String, Object> register(@HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> dispute);

    @GET
    @Path("/cases")
    Map<String, Object> list(@QueryParam("status") String status, @QueryParam("level") String level,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("sla") String sla, @QueryParam("text") String text, @QueryParam("sort") String sort,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/cases/counts")
    Map<String, Object> counts();

    @GET
    @Path("/cases/{id}")
    Map<String, Object> get(@PathParam("id") String id);

    /** The actions the signed-in user may take on the case now, and the case's version they apply to. */
    @GET
    @Path("/cases/{id}/actions")
    Map<String, Object> actions(@PathParam("id") String id);

    @GET
    @Path("/cases/{id}/audit")
    List<Map<String, Object>> audit(@PathParam("id") String id);

    /** One of the lifecycle actions (file, reject, escalate, …), on the version of the case the page showed. */
    @POST
    @Path("/cases/{id}/{action}")
    Map<String, Object> act(@PathParam("id") String id, @PathParam("action") String action,
            @HeaderParam("If-Match") String version, Map<String, Object> body);

    @POST
    @Path("/cases/{id}/summons")
    Map<String, Object> summon(@PathParam("id") String id, Map<String, Object> summons);

    @POST
    @Path("/cases/{id}/summons/{summonsId}/response")
    Map<String, Object> answerSummons(@PathParam("id") String id, @PathParam("summonsId") String summonsId,
            Map<String, Object> answer);

    @POST
    @Path("/cases/{id}/follow-ups")
    Map<String, Object> followUp(@PathParam("id") String id, Map<String, Object> followUp);

    @GET
    @Path("/taxonomy")
    Map<String, Object> taxonomy();

    @GET
    @Path("/stats")
    Map<String, Object> stats(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy);

    @GET
    @Path("/supervision/overdue")
    Map<String, Object> overdue(@QueryParam("area") String area);

    @GET
    @Path("/supervision/escalations")
    List<Map<String, Object>> escalations(@QueryParam("area") String area, @QueryParam("days") Integer days);
}
