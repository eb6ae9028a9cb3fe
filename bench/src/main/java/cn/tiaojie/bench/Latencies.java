package cn.tiaojie.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latency samples of one measured run, thread-safe to record, with the percentiles a report prints. */
public final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    public Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    public void record(long elapsedNanos) {
        int i = count.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = elapsedNanos;
        }
    }

    public int count() {
        return Math.min(count.get(), nanos.length);
    }

    /** The p-th percentile (0–100) in milliseconds, nearest-rank. */
    public double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count());
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    public String summary(String label, double seconds) {
        return "%-40s n=%-7d %8.1f/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms".formatted(label, count(),
                count() / seconds, percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }
}
