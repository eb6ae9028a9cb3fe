package cn.tiaojie.web.ui;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers the services send, with a content security policy for pages: scripts and styles only from the
 * application itself (no inline script, no CDN), forms posted only to itself (and to the identity provider, whose
 * sign-out a form leads to). Pages hold personal data, so they are never cached; the bundled assets are.
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final int BEFORE_AUTHENTICATION = Integer.MAX_VALUE - 10;

    private final String contentSecurityPolicy;

    SecurityHeaders(@ConfigProperty(name = "tiaojie.web.identity-provider-origin") Optional<String> identityProvider) {
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; form-action 'self'" + identityProvider.map(o -> " " + o).orElse("")
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Content-Security-Policy", contentSecurityPolicy);
                if (isBundledAsset(path)) {
                    headers.set("Cache-Control", "public, max-age=604800, immutable");
                } else if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            context.next();
        }, BEFORE_AUTHENTICATION);
    }

    static boolean isBundledAsset(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/") || path.startsWith("/_static/");
    }
}
