package cn.tiaojie.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes delivered outbox messages once they are older than the retention period. Their payloads carry what the
 * receivers needed (notices hold names, phones and e-mail addresses); once delivered, the receiver owns that data
 * and this copy only waits to be read by someone investigating a delivery. Undelivered messages are never deleted.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    static final int BATCH = 1_000;

    private final EntityManager em;
    private final Duration retention;

    OutboxRetention(EntityManager em, OutboxConfig config) {
        this.em = em;
        this.retention = config.deliveredRetention();
    }

    @Scheduled(every = "${tiaojie.outbox.retention-check-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeDelivered();
    }

    /** Deletes the delivered messages older than the retention period, a batch to a transaction; returns how many. */
    public int purgeDelivered() {
        Instant cutoff = Instant.now().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from outbox_message where id in (
                        select id from outbox_message where delivered_at < ?1 limit ?2 for update skip locked)""")
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("deleted %d outbox messages delivered before %s", total, cutoff);
        }
        return total;
    }
}
