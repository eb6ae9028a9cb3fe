package cn.tiaojie.web.session;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Sign-in and sign-out. In production the identity provider signs people in (quarkus-oidc's code flow protects
 * every page, so a visitor arrives here signed in); in the local run and the tests this page lists the demo users.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    /** Where quarkus-oidc ends the provider's session (RP-initiated logout), configured as quarkus.oidc.logout.path. */
    static final String OIDC_LOGOUT_PATH = "/sign-out/oidc";

    private final Template signIn;
    private final DevSignIn devSignIn;
    private final DevSessions devSessions;
    private final CurrentUser currentUser;
    private final RoutingContext request;

    SignInPage(Template signIn, DevSignIn devSignIn, DevSessions devSessions, CurrentUser currentUser,
            RoutingContext request) {
        this.signIn = signIn;
        this.devSignIn = devSignIn;
        this.devSessions = devSessions;
        this.currentUser = currentUser;
        this.request = request;
    }

    @GET
    @Path("sign-in")
    public Object page(@RestQuery String next, @RestQuery String reason) {
        if (!devSignIn.enabled() && currentUser.get().isPresent()) {
            return Response.seeOther(URI.create(localPath(next))).build();
        }
        return signIn.data("users", DemoUsers.ALL).data("next", localPath(next)).data("reason", reason)
                .data("devSignIn", devSignIn.enabled());
    }

    @POST
    @Path("sign-in")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String user, @RestForm String next) {
        if (!devSignIn.enabled()) {
            return Response.status(404).build();
        }
        DemoUsers.DemoUser demo = DemoUsers.find(user == null ? "" : user).orElse(null);
        if (demo == null) {
            return Response.seeOther(URI.create("/sign-in?reason=unknown")).build();
        }
        String sessionId = devSessions.open(devSignIn.signIn(demo));
        Cookie cookie = Cookie.cookie(DevSessions.COOKIE, sessionId).setHttpOnly(true).setPath("/")
                .setSameSite(CookieSameSite.LAX).setSecure(request.request().isSSL());
        request.response().addCookie(cookie);
        return Response.seeOther(URI.create(localPath(next))).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        if (!devSignIn.enabled()) {
            return Response.seeOther(URI.create(OIDC_LOGOUT_PATH)).build();
        }
        Cookie cookie = request.request().getCookie(DevSessions.COOKIE);
        devSessions.close(cookie == null ? null : cookie.getValue());
        request.response().addCookie(Cookie.cookie(DevSessions.COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        return Response.seeOther(URI.create("/sign-in?reason=signed-out")).build();
    }

    /** Only a path of this application: a sign-in link must not send anyone to another site. */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }
}
