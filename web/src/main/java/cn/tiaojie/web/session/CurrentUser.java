package cn.tiaojie.web.session;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The user of the current request: from the OIDC session in production, from the DEV-ONLY session otherwise. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final DevSessions devSessions;
    private final RoutingContext request;
    private Optional<SignedInUser> user;

    CurrentUser(SecurityIdentity identity, DevSessions devSessions, RoutingContext request) {
        this.identity = identity;
        this.devSessions = devSessions;
        this.request = request;
    }

    public Optional<SignedInUser> get() {
        if (user == null) {
            user = resolve();
        }
        return user;
    }

    /** The signed-in user; a page that needs one and has none sends the browser to sign in. */
    public SignedInUser require() {
        return get().orElseThrow(SignInRequired::new);
    }

    /** The signed-in user if they hold one of {@code roles}; a page of another role answers 403. */
    public SignedInUser requireAnyOf(String... roles) {
        SignedInUser signedIn = require();
        if (!signedIn.isAnyOf(roles)) {
            throw new NotAllowed();
        }
        return signedIn;
    }

    private Optional<SignedInUser> resolve() {
        AccessTokenCredential oidc = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (oidc != null) {
            return Optional.of(SignedInUser.fromAccessToken(oidc.getToken()));
        }
        Cookie cookie = request.request().getCookie(DevSessions.COOKIE);
        return devSessions.find(cookie == null ? null : cookie.getValue());
    }

    /** Thrown by a page the signed-in user's role may not open. */
    public static final class NotAllowed extends RuntimeException {
        public NotAllowed() {
            super("role may not open this page", null, false, false);
        }
    }

    /** Thrown where a page needs a signed-in user and the request has none. */
    public static final class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("sign-in required", null, false, false);
        }
    }
}
