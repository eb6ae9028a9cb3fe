package cn.tiaojie.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Tokens signed with the DEV-ONLY key, for tests and the local run. Production tokens come from an OIDC provider. */
public final class DevTokens {

    public static final String ISSUER = "https://tiaojie.local/dev-issuer";
    public static final String AUDIENCE = "tiaojie";
    public static final String PRIVATE_KEY_RESOURCE = "dev-keys/DEV-ONLY-jwt-private.pem";
    public static final String PUBLIC_KEY_RESOURCE = "dev-keys/DEV-ONLY-jwt-public.pem";

    private static final PrivateKey KEY = loadPrivateKey();

    private DevTokens() {
    }

    /** A token for {@code role} with subject {@code subject} and the scoping claims given (center, area, …). */
    public static String token(String role, String subject, Map<String, String> claims) {
        return token(role, subject, claims, Duration.ofHours(12));
    }

    public static String token(String role, String subject, Map<String, String> claims, Duration lifetime) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(lifetime);
        claims.forEach(builder::claim);
        return builder.jws().keyId("dev-only").sign(KEY);
    }

    public static Builder forRole(String role) {
        return new Builder(role);
    }

    /** Fluent form for tests: {@code DevTokens.forRole("staff").subject("s1").claim("center", "C1").sign()}. */
    public static final class Builder {
        private final String role;
        private String subject;
        private final Map<String, String> claims = new LinkedHashMap<>();

        private Builder(String role) {
            this.role = role;
            this.subject = role + "-1";
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder claim(String name, String value) {
            claims.put(name, value);
            return this;
        }

        public String sign() {
            return token(role, subject, claims);
        }
    }

    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    /** The DEV-ONLY private key, for a local run's services to sign their service tokens with. */
    public static String privateKeyPem() {
        return resource(PRIVATE_KEY_RESOURCE);
    }

    private static PrivateKey loadPrivateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource(PRIVATE_KEY_RESOURCE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the DEV-ONLY private key cannot be read", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
