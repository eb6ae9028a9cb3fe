package cn.tiaojie.platform.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response of every service carries. Pages and API answers hold personal data, so nothing is cached
 * or framed and the content security policy allows no script at all; only the bundled Swagger UI under /q/ gets
 * the inline scripts and styles it needs.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String TOOLING_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    /** Filters of higher priority run earlier: this one must run before a request can be refused as unauthenticated. */
    private static final int BEFORE_AUTHENTICATION = Integer.MAX_VALUE - 10;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String contentType = context.request().getHeader("Content-Type");
            if (contentType != null && contentType.startsWith("application/grpc")) {
                context.next(); // gRPC calls between services: no browser reads them
                return;
            }
            String path = context.normalizedPath();
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Content-Security-Policy",
                        path.startsWith("/q/") ? TOOLING_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
                if (!path.startsWith("/q/") && !headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            context.next();
        }, BEFORE_AUTHENTICATION);
    }
}
