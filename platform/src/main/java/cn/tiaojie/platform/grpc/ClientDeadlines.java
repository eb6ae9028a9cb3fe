package cn.tiaojie.platform.grpc;

import io.grpc.stub.AbstractStub;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;

/**
 * How long a call to another service may take: {@code tiaojie.clients.<client>.deadline} for one client, else
 * {@code tiaojie.clients.deadline} (10 s). A call that runs past it fails, and the outbox tries it again later.
 */
@ApplicationScoped
public class ClientDeadlines {

    static final Duration DEFAULT = Duration.ofSeconds(10);

    private final Config config;
    /** read once per client: configuration does not change while the service runs, and every call asks */
    private final Map<String, Duration> byClient = new ConcurrentHashMap<>();

    ClientDeadlines(Config config) {
        this.config = config;
    }

    public Duration of(String client) {
        return byClient.computeIfAbsent(client, name -> config
                .getOptionalValue("tiaojie.clients." + name + ".deadline", Duration.class)
                .or(() -> config.getOptionalValue("tiaojie.clients.deadline", Duration.class))
                .orElse(DEFAULT));
    }

    /** The stub with the client's deadline from now; call it once per call, since a deadline is a point in time. */
    public <S extends AbstractStub<S>> S apply(S stub, String client) {
        return stub.withDeadlineAfter(of(client).toMillis(), TimeUnit.MILLISECONDS);
    }
}
