package cn.tiaojie.notify.rest.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

/** The time the rate limits count in: {@link System#nanoTime()}; a bean so that tests can move it. */
@ApplicationScoped
public class RateLimitClock {

    public long nanoTime() {
        return System.nanoTime();
    }
}
