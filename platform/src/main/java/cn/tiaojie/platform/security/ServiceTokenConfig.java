package cn.tiaojie.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How this service proves itself to the others: a token from the identity provider, or one it signs itself. */
@ConfigMapping(prefix = "tiaojie.service-token")
public interface ServiceTokenConfig {

    /** The private key this service signs its own tokens with (the tests and the local run only). */
    Optional<String> signingKeyLocation();

    /** The identity provider's token endpoint for the client-credentials grant (production). */
    Optional<URI> tokenEndpoint();

    @WithDefault("${quarkus.application.name}")
    String clientId();

    Optional<String> clientSecret();

    @WithDefault("tiaojie")
    String audience();

    /** How long a self-signed token lives. */
    @WithDefault("PT5M")
    Duration lifetime();
}
