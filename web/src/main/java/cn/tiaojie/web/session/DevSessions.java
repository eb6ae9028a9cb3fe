package cn.tiaojie.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small session store of the DEV-ONLY sign-in: a random session id in an HttpOnly cookie names the signed-in
 * user, until sign-out or the token's expiry. (Production sessions are quarkus-oidc's encrypted session cookie.)
 */
@ApplicationScoped
public class DevSessions {

    public static final String COOKIE = "tiaojie_session";
    private static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignedInUser> sessions = new ConcurrentHashMap<>();

    public String open(SignedInUser user) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(SignedInUser::expired);
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, user);
        return sessionId;
    }

    public Optional<SignedInUser> find(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        SignedInUser user = sessions.get(sessionId);
        if (user != null && user.expired()) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.ofNullable(user);
    }

    public void close(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }
}
