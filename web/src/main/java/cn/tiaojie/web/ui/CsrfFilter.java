package cn.tiaojie.web.ui;

import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** Every POST (and any other unsafe method) must carry the browser's CSRF token, or nothing happens. */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Csrf csrf;
    private final Template error;

    CsrfFilter(Csrf csrf, Template error) {
        this.csrf = csrf;
        this.error = error;
    }

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> verify(ResteasyReactiveContainerRequestContext context) {
        if (SAFE_METHODS.contains(context.getMethod())) {
            return Optional.empty();
        }
        Object posted = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(Csrf.FIELD, true, false);
        if (csrf.matches(posted == null ? null : posted.toString())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", 403).data("user", null)
                        .data("message", "页面已过期或来源不明，操作没有执行。请刷新页面后重试。").render())
                .build());
    }
}
