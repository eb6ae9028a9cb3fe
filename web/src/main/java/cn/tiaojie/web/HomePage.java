package cn.tiaojie.web;

import cn.tiaojie.web.session.CurrentUser;
import cn.tiaojie.web.session.SignedInUser;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The address everyone starts at: each user goes on to their own workbench. */
@Path("/")
public class HomePage {

    private final CurrentUser currentUser;
    private final Template home;

    HomePage(CurrentUser currentUser, Template home) {
        this.currentUser = currentUser;
        this.home = home;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object start() {
        SignedInUser user = currentUser.require();
        if (user.supervisor()) {
            return Response.seeOther(URI.create("/cockpit")).build();
        }
        if (user.mediator()) {
            return Response.seeOther(URI.create("/offers")).build();
        }
        if (user.readsBoard()) {
            return Response.seeOther(URI.create("/cases")).build();
        }
        return home.data("user", user);
    }
}
