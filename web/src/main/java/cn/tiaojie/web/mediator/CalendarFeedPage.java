package cn.tiaojie.web.mediator;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.client.CalendarFeedApi;
import cn.tiaojie.web.staff.CaseFiles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A mediator's subscribed calendar at the web's own address, so that the address works wherever the pages do. It
 * is open to calendar apps, which sign in to nothing: the secret in the path is checked by scheduling-service.
 */
@Path("/calendar")
public class CalendarFeedPage {

    private final CalendarFeedApi feeds;

    CalendarFeedPage(@RestClient CalendarFeedApi feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{token}.ics")
    public Response feed(@PathParam("token") String token) {
        try {
            return Response.ok(feeds.feed(token), CaseFiles.CALENDAR_TYPE)
                    .header("Cache-Control", "private, no-store").build();
        } catch (ApiProblem problem) {
            if (problem.status() == 404 || problem.status() == 400) {
                return Response.status(404).type("text/plain; charset=UTF-8")
                        .entity("此日历订阅地址已失效，请在调解工作台“我的调解会”中重新生成。").build();
            }
            throw problem;
        }
    }
}
