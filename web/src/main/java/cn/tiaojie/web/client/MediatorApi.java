package cn.tiaojie.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
public interface MediatorApi {

    @GET
    @Path("/teams/by-case/{caseId}")
    Map<String, Object> teamOfCase(@PathParam("caseId") String caseId);

    @GET
    @Path("/reports/fairness")
    Map<String, Object> fairness(@QueryParam("from") String from, @QueryParam("to") String to);
}
