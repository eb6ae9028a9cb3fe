package cn.tiaojie.notify.rest.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address, a link token), holding at most {@code capacity} tokens and refilled
 * at {@code capacity} per {@code window}. The map keeps at most {@code maxKeys} buckets, forgetting the least
 * recently used, so that requests under ever new keys cannot grow memory: a forgotten key starts again full,
 * which is what an idle key would have reached anyway.
 */
final class TokenBuckets {

    /** Whether a request may go ahead and, if not, in how many seconds the next one will. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    private final int capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Bucket> buckets;

    TokenBuckets(int capacity, Duration window, int maxKeys, LongSupplier nanoTime) {
        if (capacity < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request, a window and 1 key");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) window.toNanos();
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token from the key's bucket if there is one. */
    synchronized Decision take(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new Bucket(capacity, now);
            buckets.put(key, bucket);
        } else {
            long elapsed = Math.max(0, now - bucket.refilledAt);
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerNano);
            bucket.refilledAt = Math.max(now, bucket.refilledAt);
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return new Decision(true, 0);
        }
        double nanosToNextToken = (1 - bucket.tokens) / tokensPerNano;
        return new Decision(false, Math.max(1, (long) Math.ceil(nanosToNextToken / 1e9)));
    }

    synchronized int size() {
        return buckets.size();
    }
}
