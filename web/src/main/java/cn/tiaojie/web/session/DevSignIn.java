package cn.tiaojie.web.session;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * DEV-ONLY sign-in of the local run and the tests: signs a demo user's token with the DEV-ONLY key the services
 * trust there. It is on only when a signing key is configured, and the prod profile refuses to start with it.
 */
@ApplicationScoped
public class DevSignIn {

    private final Optional<String> signingKeyLocation;
    private final String issuer;
    private final Duration lifetime;

    DevSignIn(@ConfigProperty(name = "tiaojie.web.dev-sign-in.signing-key-location") Optional<String> signingKeyLocation,
            @ConfigProperty(name = "tiaojie.web.dev-sign-in.issuer", defaultValue = "https://tiaojie.local/dev-issuer") String issuer,
            @ConfigProperty(name = "tiaojie.web.session.lifetime", defaultValue = "PT8H") Duration lifetime) {
        this.signingKeyLocation = signingKeyLocation;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    void refuseInProduction(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.profile") String profile) {
        if (enabled() && "prod".equals(profile)) {
            throw new IllegalStateException("tiaojie.web.dev-sign-in.signing-key-location is set: the DEV-ONLY sign-in "
                    + "is refused in the prod profile; sign in through the OIDC provider instead");
        }
    }

    public boolean enabled() {
        return signingKeyLocation.isPresent();
    }

    public SignedInUser signIn(DemoUsers.DemoUser user) {
        String location = signingKeyLocation.orElseThrow(() -> new IllegalStateException("DEV-ONLY sign-in is off"));
        JwtClaimsBuilder builder = Jwt.issuer(issuer).audience("tiaojie").subject(user.subject()).upn(user.subject())
                .claim("name", user.name()).groups(Set.of(user.role())).expiresIn(lifetime);
        user.claims().forEach(builder::claim);
        return SignedInUser.fromAccessToken(builder.jws().keyId("dev-only").sign(location));
    }
}
