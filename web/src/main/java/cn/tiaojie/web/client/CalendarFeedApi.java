package cn.tiaojie.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * scheduling-service's calendar feeds at their secret addresses. A calendar app fetches them with no one signed in,
 * so unlike the other clients this one sends no user token: the address is the key.
 */
@Path("/api/calendar-feeds")
@RegisterRestClient(configKey = "scheduling-service")
@RegisterProvider(ApiProblemMapper.class)
public interface CalendarFeedApi {

    @GET
    @Path("/{token}.ics")
    @Produces("text/calendar")
    byte[] feed(@PathParam("token") String token);
}
