package cn.tiaojie.web.ui;

import io.quarkus.qute.TemplateData;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token of the double-submit technique: a random value in a SameSite=Strict cookie that every form repeats
 * in a hidden field ({@code {#csrf /}}). Another site can make a browser post a form here but can neither read nor
 * set the cookie, so the two values differ and {@link CsrfFilter} refuses the post.
 */
@RequestScoped
@Named("csrf")
@TemplateData
public class Csrf {

    public static final String FIELD = "csrf-token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoutingContext request;
    private final String cookieName;
    private final boolean secure;
    private String token;

    Csrf(RoutingContext request, @ConfigProperty(name = "tiaojie.web.secure-cookies") boolean secure) {
        this.request = request;
        this.secure = secure;
        // __Host-: only this host may set it, over TLS, for the whole site (no subdomain can plant one)
        this.cookieName = secure ? "__Host-tiaojie-csrf" : "tiaojie-csrf";
    }

    public String parameterName() {
        return FIELD;
    }

    /** The token of this browser, created (and its cookie set) the first time a page needs one. */
    public String token() {
        if (token == null) {
            token = cookieValue();
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(Cookie.cookie(cookieName, token).setPath("/").setHttpOnly(true)
                        .setSecure(secure).setSameSite(CookieSameSite.STRICT));
            }
        }
        return token;
    }

    /** Whether a posted form's token is this browser's. */
    boolean matches(String posted) {
        String expected = cookieValue();
        return expected != null && posted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    private String cookieValue() {
        Cookie cookie = request.request().getCookie(cookieName);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
