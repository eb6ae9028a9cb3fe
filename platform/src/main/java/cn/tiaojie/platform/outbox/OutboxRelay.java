package cn.tiaojie.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Relays due outbox messages to their handlers. Each message is locked with SKIP LOCKED in its own transaction,
 * so several replicas share the work and none delivers a message another is delivering. Failures back off
 * exponentially; the receiver is idempotent, so a delivery repeated after a crash is harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final EntityManager em;
    private final Instance<OutboxHandler> handlerBeans;
    // looked up on the first relay, not at construction: a handler's gRPC channel must not be built before the
    // application knows its ports
    private volatile Map<String, OutboxHandler> handlers;
    private final boolean enabled;
    private final ManagedExecutor executor;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    OutboxRelay(EntityManager em, Instance<OutboxHandler> handlers, ManagedExecutor executor,
            @ConfigProperty(name = "tiaojie.outbox.relay-enabled", defaultValue = "true") boolean enabled) {
        this.em = em;
        this.handlerBeans = handlers;
        this.executor = executor;
        this.enabled = enabled;
    }

    /** Relays soon on a worker thread; wake-ups that arrive while one is pending fold into it. */
    void wakeUp() {
        if (enabled && wakeUpPending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpPending.set(false);
                relayAllDue();
            });
        }
    }

    @Scheduled(every = "${tiaojie.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayDue() {
        if (enabled) {
            relayAllDue();
        }
    }

    /** Delivers every message that is due now; returns how many were delivered. */
    public int relayAllDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m.id from OutboxMessage m where m.deliveredAt is null and m.nextAttemptAt <= :now order by m.createdAt",
                UUID.class).setParameter("now", Instant.now()).setMaxResults(BATCH).getResultList());
        int delivered = 0;
        for (UUID id : due) {
            if (relay(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean relay(UUID id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE,
                        Map.of("jakarta.persistence.lock.timeout", -2)); // -2: SKIP LOCKED
                if (message == null || message.deliveredAt != null) {
                    return false;
                }
                OutboxHandler handler = handlers().get(message.topic);
                if (handler == null) {
                    throw new IllegalStateException("no handler for outbox topic " + message.topic);
                }
                handler.deliver(message.payload);
                message.attempts++;
                message.deliveredAt = Instant.now();
                message.lastError = null;
                return true;
            });
        } catch (Exception e) {
            recordFailure(id, e);
            return false;
        }
    }

    private void recordFailure(UUID id, Exception failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage message = em.find(OutboxMessage.class, id);
            if (message == null || message.deliveredAt != null) {
                return;
            }
            message.attempts++;
            message.nextAttemptAt = Instant.now().plus(backoff(message.attempts));
            message.lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            LOG.warnf("outbox %s (%s) attempt %d failed, next at %s: %s", id, message.topic, message.attempts,
                    message.nextAttemptAt, message.lastError);
        });
    }

    private Map<String, OutboxHandler> handlers() {
        Map<String, OutboxHandler> byTopic = handlers;
        if (byTopic == null) {
            byTopic = handlerBeans.stream().collect(Collectors.toMap(OutboxHandler::topic, Function.identity()));
            handlers = byTopic;
        }
        return byTopic;
    }

    static Duration backoff(int attempts) {
        long base = 500L << Math.min(attempts, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
