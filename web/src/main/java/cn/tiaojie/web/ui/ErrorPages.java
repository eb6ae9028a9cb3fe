package cn.tiaojie.web.ui;

import cn.tiaojie.web.client.ApiProblem;
import cn.tiaojie.web.session.CurrentUser;
import io.quarkus.qute.Template;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What a person sees when a page cannot be shown: in Chinese, with a way on, never a stack trace. */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final CurrentUser currentUser;

    ErrorPages(Template error, CurrentUser currentUser) {
        this.error = error;
        this.currentUser = currentUser;
    }

    @ServerExceptionMapper
    public Response signInRequired(CurrentUser.SignInRequired e, RoutingContext request) {
        String here = request.request().uri();
        String target = "/sign-in?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
        if (request.request().getHeader("HX-Request") != null) {
            return Response.ok().header("HX-Redirect", target).build();
        }
        return Response.seeOther(URI.create(target)).build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        if (e.status() == 401) {
            return Response.seeOther(URI.create("/sign-in?reason=expired")).build();
        }
        int status = e.status() >= 500 ? 502 : e.status();
        return page(status, ProblemTexts.summary(e));
    }

    @ServerExceptionMapper
    public Response forbidden(CurrentUser.NotAllowed e) {
        return page(403, "您的角色不能使用此页面。");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "没有这个页面。");
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getMessage());
        return page(502, "暂时无法连接业务服务，请稍后再试。");
    }

    private Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", status).data("message", message)
                        .data("user", currentUser.get().orElse(null)).render())
                .build();
    }
}
