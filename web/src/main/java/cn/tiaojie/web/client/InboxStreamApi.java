package cn.tiaojie.web.client;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * notify-service's live inbox (server-sent events). The stream outlives the page request that opened it, so it
 * carries the user's token as given rather than reading the request's user when it connects.
 */
@Path("/api/inbox/stream")
@RegisterRestClient(configKey = "notify-service")
public interface InboxStreamApi {

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@HeaderParam("Authorization") String bearer);
}
