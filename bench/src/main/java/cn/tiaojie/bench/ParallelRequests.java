package cn.tiaojie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded number of requests shared by a few platform threads, each with its own connection (a keep-alive socket
 * or a JDBC connection), as that many clients would send them; prints the figures of the run.
 */
public final class ParallelRequests {

    /** One request on one thread's own connection. */
    public interface Request {
        void once() throws Exception;
    }

    /** Throughput and latencies of the requests that succeeded. */
    public record Result(double perSecond, Latencies latencies, long failures) {
    }

    private ParallelRequests() {
    }

    /** Runs {@code total} requests on {@code threads} threads, each with the request {@code perThread} gives it. */
    public static Result run(String label, int threads, int total, Supplier<Request> perThread)
            throws InterruptedException {
        Latencies latencies = new Latencies(total);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        List<Thread> running = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Request request = perThread.get();
            running.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                while (next.getAndIncrement() < total) {
                    long start = System.nanoTime();
                    try {
                        request.once();
                        latencies.record(System.nanoTime() - start);
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.out.println("  failure: " + e);
                        }
                    }
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.println(latencies.summary(label, seconds) + (failures.get() > 0 ? "  failures " + failures.get() : ""));
        return new Result(latencies.count() / seconds, latencies, failures.get());
    }
}
