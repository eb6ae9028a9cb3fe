package cn.tiaojie.platform.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token this service presents when it calls another service over gRPC: role {@code service}, subject the
 * application's name, signed with the service's key and trusted by the receivers like any other token.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final Optional<String> signingKeyLocation;
    private final String serviceName;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    ServiceTokens(@ConfigProperty(name = "tiaojie.service-token.signing-key-location") Optional<String> signingKeyLocation,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "tiaojie.service-token.audience", defaultValue = "tiaojie") String audience,
            @ConfigProperty(name = "tiaojie.service-token.lifetime", defaultValue = "PT5M") Duration lifetime) {
        this.signingKeyLocation = signingKeyLocation;
        this.serviceName = serviceName;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    public boolean configured() {
        return signingKeyLocation.isPresent();
    }

    /** A valid token, renewed a minute before it expires. */
    public synchronized String current() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            String keyLocation = signingKeyLocation.orElseThrow(() -> new IllegalStateException(
                    "tiaojie.service-token.signing-key-location is not set: this service cannot call others"));
            token = Jwt.issuer(issuer)
                    .audience(audience)
                    .subject(serviceName)
                    .upn(serviceName)
                    .groups(Claims.SERVICE)
                    .expiresIn(lifetime)
                    .sign(keyLocation);
            renewAt = Instant.now().plus(lifetime).minus(RENEW_BEFORE_EXPIRY);
        }
        return token;
    }
}
