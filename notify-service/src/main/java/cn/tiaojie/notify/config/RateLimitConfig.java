package cn.tiaojie.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits on the public endpoints that need no login (the resident's notice link and the SMS gateway's reports),
 * under {@code tiaojie.rate-limit}: a token bucket per client address and one per link token.
 */
@ConfigMapping(prefix = "tiaojie.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** requests from one client address to the resident pages ({@code /n/…}) */
    Limit perAddress();

    /** requests to one link token, on any public endpoint */
    Limit perLink();

    /** requests from one client address to {@code /hooks/sms/…}: the gateway reports from few addresses */
    Limit smsHookPerAddress();

    /** addresses and links tracked at most per kind; beyond it the least recently seen are forgotten */
    @WithDefault("10000")
    int maxTracked();

    /** {@code requests} per {@code window}, refilled evenly over the window. */
    interface Limit {
        int requests();

        Duration window();
    }
}
