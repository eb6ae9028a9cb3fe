package cn.tiaojie.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Relays due outbox messages to their handlers. A batch of due messages is locked with SKIP LOCKED, delivered and
 * marked in one transaction, so several replicas share the work, none delivers a message another is delivering,
 * and a transaction that enqueued several messages costs one relay transaction, not one per message. Failures back
 * off exponentially; the receiver is idempotent, so a delivery repeated after a crash is harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /**
     * A batch holds its transaction while it delivers: it takes no new message after this long, so a receiver that
     * hangs until its calls' deadline keeps the transaction open for this plus one deadline, well inside the
     * transaction timeout; the rest of the batch goes in the next.
     */
    static final Duration BATCH_TIME_BUDGET = Duration.ofSeconds(5);

    private final EntityManager em;
    private final Instance<OutboxHandler> handlerBeans;
    // looked up on the first relay, not at construction: a handler's gRPC channel must not be built before the
    // application knows its ports
    private volatile Map<String, OutboxHandler> handlers;
    private final boolean enabled;
    private final ManagedExecutor executor;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    OutboxRelay(EntityManager em, Instance<OutboxHandler> handlers, ManagedExecutor executor, OutboxConfig config) {
        this.em = em;
        this.handlerBeans = handlers;
        this.executor = executor;
        this.enabled = config.relayEnabled();
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

    /** What one batch did, and the messages it left for a transaction of their own. */
    private record Batch(int claimed, int delivered, boolean cutShort, List<UUID> ownTransaction) {
    }

    /** Delivers every message that is due now; returns how many were delivered. */
    public int relayAllDue() {
        Instant now = Instant.now();
        int delivered = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> relayBatch(now));
            delivered += batch.delivered();
            for (UUID id : batch.ownTransaction()) {
                if (relayAlone(id)) {
                    delivered++;
                }
            }
        } while (batch.claimed() == BATCH && !batch.cutShort());
        return delivered;
    }

    private Batch relayBatch(Instant now) {
        List<OutboxMessage> due = em.createQuery("""
                select m from OutboxMessage m where m.deliveredAt is null and m.nextAttemptAt <= :now
                order by m.createdAt""", OutboxMessage.class)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // -2: SKIP LOCKED
                .getResultList();
        long stopTaking = System.nanoTime() + BATCH_TIME_BUDGET.toNanos();
        int delivered = 0;
        boolean cutShort = false;
        List<UUID> ownTransaction = new ArrayList<>();
        for (OutboxMessage message : due) {
            if (System.nanoTime() > stopTaking) {
                cutShort = true;
                break;
            }
            OutboxHandler handler = handlers().get(message.topic);
            if (handler != null && handler.writesToDatabase()) {
                ownTransaction.add(message.id);
                continue;
            }
            try {
                deliver(handler, message);
                delivered++;
            } catch (Exception e) {
                recordFailure(message, e);
            }
        }
        return new Batch(due.size(), delivered, cutShort, ownTransaction);
    }

    /** One message in a transaction of its own, locked with SKIP LOCKED in case another replica has it now. */
    private boolean relayAlone(UUID id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE,
                        Map.of("jakarta.persistence.lock.timeout", -2)); // -2: SKIP LOCKED
                if (message == null || message.deliveredAt != null) {
                    return false;
                }
                deliver(handlers().get(message.topic), message);
                return true;
            });
        } catch (Exception e) {
            // the transaction is gone with whatever the handler wrote: the failure is recorded in a new one
            QuarkusTransaction.requiringNew().run(() -> {
                OutboxMessage message = em.find(OutboxMessage.class, id);
                if (message != null && message.deliveredAt == null) {
                    recordFailure(message, e);
                }
            });
            return false;
        }
    }

    private static void deliver(OutboxHandler handler, OutboxMessage message) throws Exception {
        if (handler == null) {
            throw new IllegalStateException("no handler for outbox topic " + message.topic);
        }
        handler.deliver(message.payload);
        message.attempts++;
        message.deliveredAt = Instant.now();
        message.lastError = null;
    }

    private static void recordFailure(OutboxMessage message, Exception failure) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        message.attempts++;
        message.nextAttemptAt = Instant.now().plus(backoff(message.attempts));
        message.lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        LOG.warnf("outbox %s (%s) attempt %d failed, next at %s: %s", message.id, message.topic, message.attempts,
                message.nextAttemptAt, message.lastError);
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
