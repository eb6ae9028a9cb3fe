package cn.tiaojie.notify.rest.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aKeyGetsItsRequestsPerWindowThenWaitsForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(10, Duration.ofMinutes(1), 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(buckets.take("203.0.113.7").allowed(), "request " + (i + 1));
        }
        TokenBuckets.Decision refused = buckets.take("203.0.113.7");
        assertFalse(refused.allowed());
        assertEquals(6, refused.retryAfterSeconds(), "one token every 6 s");
        assertTrue(buckets.take("198.51.100.1").allowed(), "other keys have their own bucket");

        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertTrue(buckets.take("203.0.113.7").allowed());
        assertFalse(buckets.take("203.0.113.7").allowed());

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        for (int i = 0; i < 10; i++) {
            assertTrue(buckets.take("203.0.113.7").allowed(), "full again after a window, never more than full");
        }
        assertFalse(buckets.take("203.0.113.7").allowed());
    }

    @Test
    void requestsUnderEverNewKeysKeepTheMapBoundedAndForgetTheLeastRecentlyUsed() {
        TokenBuckets buckets = new TokenBuckets(2, Duration.ofMinutes(1), 100, now::get);
        buckets.take("busy");
        buckets.take("busy");
        assertFalse(buckets.take("busy").allowed());
        for (int i = 0; i < 10_000; i++) {
            buckets.take("attacker-" + i);
            if (i % 50 == 0) {
                buckets.take("busy"); // recently used: stays tracked, stays limited
            }
        }
        assertEquals(100, buckets.size());
        assertFalse(buckets.take("busy").allowed());
    }
}
