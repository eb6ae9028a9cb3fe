package cn.tiaojie.mediator.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Adds a {@code server-timing: app;dur=<ms>} trailer to every gRPC answer: the time from the call's arrival to its
 * answer inside this service, so callers and benchmarks can tell server time from network time.
 */
@ApplicationScoped
@GlobalInterceptor
public class ServerTiming implements ServerInterceptor {

    public static final Metadata.Key<String> KEY = Metadata.Key.of("server-timing", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        long started = System.nanoTime();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                trailers.put(KEY, String.format(Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - started) / 1e6));
                super.close(status, trailers);
            }
        }, headers);
    }
}
