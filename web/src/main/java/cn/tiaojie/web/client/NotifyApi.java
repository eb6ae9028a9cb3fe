package cn.tiaojie.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notify-service's REST API as the pages use it. */
@Path("/api")
@RegisterRestClient(configKey = "notify-service")
@RegisterClientHeaders(UserTokenHeaders.class)
@RegisterProvider(ApiProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface NotifyApi {

    @GET
    @Path("/notices")
    Map<String, Object> noticesOfCase(@QueryParam("caseId") String caseId, @QueryParam("size") int size);

    /** The signed-in user's own in-app messages, newest first: {items, page, size, total}. */
    @GET
    @Path("/inbox")
    Map<String, Object> inbox(@QueryParam("page") int page, @QueryParam("size") int size);

    /** The recipient opened the notice in their inbox. */
    @POST
    @Path("/inbox/{id}/read")
    Map<String, Object> markRead(@PathParam("id") String noticeId);

    @GET
    @Path("/notices/{id}/proof.pdf")
    @Produces("application/pdf")
    byte[] proofOfService(@PathParam("id") String id);
}
