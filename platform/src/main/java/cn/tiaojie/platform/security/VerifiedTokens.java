package cn.tiaojie.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser of every service: a token that passed verification is remembered until it expires (and
 * at most {@link #MAX_AGE_MILLIS}), so the same caller's next requests and every service-to-service call skip the
 * signature check and the claims parsing. Only verified tokens are kept, keyed by their exact text: a token changed
 * in any character is a different key and is verified in full. Expiry is checked on every use, so a remembered
 * token is refused from the moment it expires; the age cap makes a change of trusted key or issuer apply within
 * minutes.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** how long a verified token is trusted without verifying it again, whatever its own lifetime */
    static final long MAX_AGE_MILLIS = 5 * 60 * 1000L;
    /** enough for every caller active within {@link #MAX_AGE_MILLIS} on one replica; beyond it, tokens are verified again */
    static final int CAPACITY = 2_000;

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser verifier;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, System::currentTimeMillis);
    }

    VerifiedTokens(JWTParser verifier, LongSupplier clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.validUntilMillis()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifier.parse(token);
        remember(token, jwt, now);
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, JsonWebToken jwt, long now) {
        long expires = jwt.getExpirationTime() * 1000L;
        long validUntil = Math.min(expires, now + MAX_AGE_MILLIS);
        if (validUntil <= now) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(v -> v.validUntilMillis() <= now);
            if (verified.size() >= CAPACITY) {
                // more live callers than the cache holds: start afresh rather than track recency on every hit
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, validUntil));
    }

    // the other ways of reading a token verify every time: the services use none of them for requests

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
