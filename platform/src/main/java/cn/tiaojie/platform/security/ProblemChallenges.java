package cn.tiaojie.platform.security;

import cn.tiaojie.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * The refusal of a request without a valid token is an RFC 9457 problem like every other error: the status and
 * {@code WWW-Authenticate} header of the mechanism's challenge, with a problem+json body naming what is missing.
 */
@Decorator
@Priority(1)
public abstract class ProblemChallenges implements HttpAuthenticationMechanism {

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism mechanism;

    @Inject
    ObjectMapper json;

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return mechanism.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return false;
            }
            HttpServerResponse response = context.response();
            if (response.ended()) {
                return true;
            }
            response.setStatusCode(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.headers().set(name, value));
            response.putHeader("Content-Type", Problem.MEDIA_TYPE.toString());
            response.end(body(challenge, context.request().path()));
            return true;
        });
    }

    private String body(ChallengeData challenge, String path) {
        Problem problem = challenge.status == 401
                ? Problem.of(401, "Unauthorized", "a valid bearer token is required")
                : Problem.of(challenge.status, "Authentication required", "the request was not authenticated");
        try {
            return json.writeValueAsString(problem.withInstance(path));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is plain values and always serialises", e);
        }
    }
}
