package cn.tiaojie.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-credentials grant against a real HTTP token endpoint on loopback. */
class ServiceTokensTest {

    HttpServer provider;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/realms/tiaojie/protocol/openid-connect/token", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"token-" + requests.size() + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    ServiceTokens tokens(Optional<String> secret) {
        URI endpoint = URI.create("http://127.0.0.1:" + provider.getAddress().getPort()
                + "/realms/tiaojie/protocol/openid-connect/token");
        return new ServiceTokens(Optional.empty(), Optional.of(endpoint), "case-service", secret, "issuer", "tiaojie",
                Duration.ofMinutes(5), new ObjectMapper());
    }

    @Test
    void theTokenComesFromTheProviderOnceAndIsReusedUntilNearExpiry() {
        ServiceTokens tokens = tokens(Optional.of("s3cret&more"));
        assertEquals("token-1", tokens.current());
        assertEquals("token-1", tokens.current());
        assertEquals(1, requests.size());
        assertTrue(requests.get(0).contains("grant_type=client_credentials"));
        assertTrue(requests.get(0).contains("client_id=case-service"));
        assertTrue(requests.get(0).contains("client_secret=s3cret%26more"));
    }

    @Test
    void aRefusalIsAnErrorNotAnEmptyToken() {
        status = 401;
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> tokens(Optional.of("wrong")).current());
        assertTrue(refused.getMessage().contains("401"));
    }

    @Test
    void theGrantNeedsTheClientSecret() {
        assertThrows(IllegalStateException.class, () -> tokens(Optional.empty()).current());
    }
}
