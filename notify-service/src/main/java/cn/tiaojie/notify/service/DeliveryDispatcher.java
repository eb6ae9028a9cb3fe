package cn.tiaojie.notify.service;

import cn.tiaojie.notify.Channel;
import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.Notice;
import cn.tiaojie.notify.NotifyConfig;
import cn.tiaojie.notify.channel.ChannelSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries through their channel's sender. Each delivery is taken with FOR UPDATE SKIP LOCKED in its
 * own transaction, so several replicas share the work and never send one delivery twice. A failing sender is
 * retried with exponential backoff up to the configured number of attempts; then the delivery is FAILED.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** most deliveries one run sends, so a run stays short and the next picks up the rest */
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotifyConfig.Dispatch config;

    DeliveryDispatcher(EntityManager em, Instance<ChannelSender> senders, NotifyConfig config) {
        this.em = em;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.config = config.dispatch();
    }

    @Scheduled(every = "${tiaojie.notify.dispatch.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        if (config.enabled()) {
            dispatchAllDue();
        }
    }

    /** Sends what is due now; returns how many deliveries were attempted. */
    public int dispatchAllDue() {
        int attempted = 0;
        while (attempted < BATCH && QuarkusTransaction.requiringNew().call(this::dispatchNext)) {
            attempted++;
        }
        return attempted;
    }

    /** Takes one due delivery no other transaction holds and attempts it; false when none is due. */
    private boolean dispatchNext() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                select * from delivery
                where state = 'QUEUED' and next_attempt_at <= :now
                order by next_attempt_at
                limit 1
                for update skip locked""", Delivery.class)
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Delivery delivery = due.getFirst();
        Notice notice = em.find(Notice.class, delivery.noticeId);
        try {
            senderFor(delivery.channel).send(notice);
            delivery.markSent(now);
        } catch (Exception e) {
            boolean lastAttempt = delivery.attempts + 1 >= config.maxAttempts();
            delivery.recordFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), now,
                    backoff(delivery.attempts + 1), lastAttempt);
            LOG.warnf("delivery %s of notice %s on %s: attempt %d failed%s: %s", delivery.id, delivery.noticeId,
                    delivery.channel, delivery.attempts, lastAttempt ? ", giving up" : ", retrying at "
                            + delivery.nextAttemptAt, delivery.failureReason);
        }
        return true;
    }

    private ChannelSender senderFor(Channel channel) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            throw new IllegalStateException("no sender for channel " + channel + " in this build");
        }
        return sender;
    }

    /** The wait after failed attempt {@code attempt} (1-based): the initial backoff, doubled each time, capped. */
    Duration backoff(int attempt) {
        Duration max = config.maxBackoff();
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
