package cn.tiaojie.web.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Service calls of one page made side by side rather than one after another: a page's time is then its slowest
 * call, not the sum. Each call runs with the request's context, so it carries the signed-in user's token.
 */
@ApplicationScoped
public class ConcurrentCalls {

    private final ManagedExecutor executor;

    ConcurrentCalls(ManagedExecutor executor) {
        this.executor = executor;
    }

    public <T> Pending<T> start(Supplier<T> call) {
        return new Pending<>(executor.supplyAsync(call));
    }

    /** A call under way; {@link #join()} waits for it and throws what the call threw (an {@link ApiProblem}…). */
    public record Pending<T>(CompletableFuture<T> future) {

        public T join() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                throw e;
            }
        }
    }
}
