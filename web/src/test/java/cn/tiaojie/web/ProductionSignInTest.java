package cn.tiaojie.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in as production configures it: every page sends a visitor without a session to the identity provider's
 * authorization endpoint (the code flow of the tiaojie-web client, with PKCE), while the bundled assets and the
 * health checks stay open. The provider itself is not contacted before the browser is sent there.
 */
@QuarkusTest
@TestProfile(ProductionSignInTest.IdentityProvider.class)
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class ProductionSignInTest {

    static final String REALM = "https://sso.tiaojie.test/realms/tiaojie";

    /** The prod profile's sign-in settings, with a provider address that needs no network to be configured. */
    public static class IdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.oidc.tenant-enabled", "true"),
                    Map.entry("quarkus.http.auth.permission.pages.policy", "authenticated"),
                    Map.entry("quarkus.oidc.auth-server-url", REALM),
                    Map.entry("quarkus.oidc.discovery-enabled", "false"),
                    Map.entry("quarkus.oidc.authorization-path", "protocol/openid-connect/auth"),
                    Map.entry("quarkus.oidc.token-path", "protocol/openid-connect/token"),
                    Map.entry("quarkus.oidc.end-session-path", "protocol/openid-connect/logout"),
                    Map.entry("quarkus.oidc.authentication.state-secret", "test-only-state-secret-0123456789abcdef"),
                    Map.entry("quarkus.oidc.token-state-manager.encryption-secret",
                            "test-only-session-secret-0123456789abcdef"));
        }
    }

    @TestHTTPResource("/")
    URL web;

    @Test
    void aPageSendsTheVisitorToTheIdentityProviderWithPkce() {
        given().redirects().follow(false).get(web + "cases?status=RECEIVED")
                .then().statusCode(302)
                .header("Location", allOf(startsWith(REALM + "/protocol/openid-connect/auth?"),
                        containsString("response_type=code"), containsString("client_id=tiaojie-web"),
                        containsString("code_challenge_method=S256"), containsString("code_challenge=")));
    }

    @Test
    void assetsAndHealthStayOpen() {
        given().get(web + "static/app.css").then().statusCode(200);
        given().get(web + "webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
        given().get(web + "q/health/live").then().statusCode(200);
    }
}
