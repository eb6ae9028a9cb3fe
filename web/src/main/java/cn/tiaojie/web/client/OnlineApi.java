package cn.tiaojie.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * case-service's open online application (网上申请), called for a resident who has no account: no token, and the
 * resident's own address in X-Forwarded-For, so their codes are counted per resident.
 */
@Path("/api/online")
@RegisterRestClient(configKey = "case-service")
@RegisterProvider(ApiProblemMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OnlineApi {

    @GET
    @Path("/centers/{code}")
    Map<String, Object> center(@PathParam("code") String code);

    @POST
    @Path("/codes")
    Map<String, Object> sendCode(@HeaderParam("X-Forwarded-For") String resident, Map<String, Object> request);

    @POST
    @Path("/applications")
    Map<String, Object> apply(@HeaderParam("X-Forwarded-For") String resident, Map<String, Object> application);
}
