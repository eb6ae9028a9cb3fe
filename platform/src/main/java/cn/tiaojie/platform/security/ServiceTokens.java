package cn.tiaojie.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token this service presents when it calls another service over gRPC (role {@code service}). In production it
 * comes from the identity provider by the client-credentials grant of the service's own client; in the tests and the
 * local run the service signs it itself with the DEV-ONLY key. Either way it is renewed a minute before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final Optional<String> signingKeyLocation;
    private final Optional<URI> tokenEndpoint;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String token;
    private Instant renewAt = Instant.MIN;

    @Inject
    ServiceTokens(ServiceTokenConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            ObjectMapper json) {
        this(config.signingKeyLocation(), config.tokenEndpoint(), config.clientId(), config.clientSecret(), issuer,
                config.audience(), config.lifetime(), json);
    }

    ServiceTokens(Optional<String> signingKeyLocation, Optional<URI> tokenEndpoint, String clientId,
            Optional<String> clientSecret, String issuer, String audience, Duration lifetime, ObjectMapper json) {
        this.signingKeyLocation = signingKeyLocation;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.json = json;
    }

    public boolean configured() {
        return tokenEndpoint.isPresent() || signingKeyLocation.isPresent();
    }

    /** A valid token, renewed a minute before it expires. */
    public synchronized String current() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            if (tokenEndpoint.isPresent()) {
                fetch(tokenEndpoint.get());
            } else {
                sign();
            }
        }
        return token;
    }

    private void sign() {
        String keyLocation = signingKeyLocation.orElseThrow(() -> new IllegalStateException(
                "neither tiaojie.service-token.token-endpoint nor signing-key-location is set: this service cannot call others"));
        token = Jwt.issuer(issuer).audience(audience).subject(clientId).upn(clientId).groups(Claims.SERVICE)
                .expiresIn(lifetime).sign(keyLocation);
        renewAt = Instant.now().plus(lifetime).minus(RENEW_BEFORE_EXPIRY);
    }

    private void fetch(URI endpoint) {
        String secret = clientSecret.orElseThrow(() -> new IllegalStateException(
                "tiaojie.service-token.client-secret is not set for the client-credentials grant"));
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the identity provider refused the service token: HTTP " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("the identity provider's answer has no access_token");
            }
            long expiresIn = body.path("expires_in").asLong(lifetime.toSeconds());
            renewAt = Instant.now().plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the identity provider at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a service token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
