package cn.tiaojie.local;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    /** What is wrong with a token that every service must refuse with 401. */
    public enum Defect {
        EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, BAD_SIGNATURE, TAMPERED, UNSIGNED
    }

    /**
     * A token for {@code role} that is valid in every respect but {@code defect}: expired ten minutes ago, issued by
     * another issuer, for another audience, signed by a key nobody trusts, its claims changed after signing (the
     * subject changed, the role raised to admin), or not signed at all ({@code alg: none}).
     */
    public static String defective(Defect defect, String role, String subject, Map<String, String> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(defect == Defect.WRONG_ISSUER ? "https://issuer.invalid/realms/other" : ISSUER)
                .audience(defect == Defect.WRONG_AUDIENCE ? "another-application" : AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role));
        Instant now = Instant.now();
        if (defect == Defect.EXPIRED) {
            builder.issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.minus(Duration.ofMinutes(10)));
        } else {
            builder.expiresIn(Duration.ofHours(1));
        }
        claims.forEach(builder::claim);
        return switch (defect) {
            case BAD_SIGNATURE -> builder.jws().keyId("dev-only").sign(UntrustedKey.PRIVATE);
            case UNSIGNED -> {
                String signed = builder.jws().keyId("dev-only").sign(KEY);
                yield BASE64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                        + "." + signed.split("\\.")[1] + ".";
            }
            case TAMPERED -> {
                String[] parts = builder.jws().keyId("dev-only").sign(KEY).split("\\.");
                String claimsJson = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"" + subject + "\"", "\"" + subject + "-x\"")
                        .replace("\"" + role + "\"", "\"admin\"");
                yield parts[0] + "." + BASE64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            }
            default -> builder.jws().keyId("dev-only").sign(KEY);
        };
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A key generated per test run, trusted by no service. */
    private static final class UntrustedKey {
        static final PrivateKey PRIVATE = generate();

        private static PrivateKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
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

        /** The same token with {@code defect}. */
        public String sign(Defect defect) {
            return defective(defect, role, subject, claims);
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
