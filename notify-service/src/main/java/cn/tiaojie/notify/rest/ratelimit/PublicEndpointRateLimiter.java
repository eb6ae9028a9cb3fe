package cn.tiaojie.notify.rest.ratelimit;

import cn.tiaojie.notify.config.RateLimitConfig;
import cn.tiaojie.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate limits on the endpoints anyone can call without a login: the resident's notice page
 * ({@code /n/{token}}, its confirmation and its rating) and the SMS gateway's delivery reports ({@code /hooks/sms/{token}}).
 * A request over a limit answers 429 problem+json with Retry-After. Runs before the token is checked, so guessing
 * links is limited too. Behind a proxy, the client address is the forwarded one when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 */
@ApplicationScoped
public class PublicEndpointRateLimiter {

    private final boolean enabled;
    private final TokenBuckets pagesPerAddress;
    private final TokenBuckets hooksPerAddress;
    private final TokenBuckets perLink;

    PublicEndpointRateLimiter(RateLimitConfig config, RateLimitClock clock) {
        this.enabled = config.enabled();
        this.pagesPerAddress = buckets(config.perAddress(), config.maxTracked(), clock);
        this.hooksPerAddress = buckets(config.smsHookPerAddress(), config.maxTracked(), clock);
        this.perLink = buckets(config.perLink(), config.maxTracked(), clock);
    }

    private static TokenBuckets buckets(RateLimitConfig.Limit limit, int maxTracked, RateLimitClock clock) {
        return new TokenBuckets(limit.requests(), limit.window(), maxTracked, clock::nanoTime);
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!enabled) {
            return null;
        }
        String path = context.getUriInfo().getPath();
        TokenBuckets perAddress;
        String token;
        if (path.startsWith("/n/")) {
            perAddress = pagesPerAddress;
            token = segment(path, "/n/".length());
        } else if (path.startsWith("/hooks/sms/")) {
            perAddress = hooksPerAddress;
            token = segment(path, "/hooks/sms/".length());
        } else {
            return null;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        TokenBuckets.Decision decision = perAddress.take(address);
        if (decision.allowed() && !token.isEmpty()) {
            decision = perLink.take(token);
        }
        if (decision.allowed()) {
            return null;
        }
        return Response.fromResponse(Problem.of(429, "Too Many Requests",
                "too many requests; try again in " + decision.retryAfterSeconds() + " s").withInstance(path)
                .toResponse()).header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
    }

    /** The path segment starting at {@code from}, at most as long as a link token can be. */
    private static String segment(String path, int from) {
        int end = path.indexOf('/', from);
        String token = end < 0 ? path.substring(from) : path.substring(from, end);
        // longer than any token we sign: still limited per address, never stored in full
        return token.length() > 200 ? token.substring(0, 200) : token;
    }
}
