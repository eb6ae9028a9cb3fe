package cn.tiaojie.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One notice on one channel: queued, then sent, or failed after its retries. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    private static final int MAX_REASON = 1000;

    @Id
    public UUID id;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "failure_reason")
    public String failureReason;

    @Version
    public long version;

    public static Delivery queued(UUID noticeId, Channel channel, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.noticeId = noticeId;
        d.channel = channel;
        d.state = DeliveryState.QUEUED;
        d.nextAttemptAt = now;
        d.updatedAt = now;
        return d;
    }

    public void markSent(Instant now) {
        attempts++;
        state = DeliveryState.SENT;
        failureReason = null;
        updatedAt = now;
    }

    /** Records a failed attempt: tried again after {@code backoff}, or FAILED when {@code lastAttempt}. */
    public void recordFailure(String reason, Instant now, Duration backoff, boolean lastAttempt) {
        attempts++;
        failureReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        updatedAt = now;
        if (lastAttempt) {
            state = DeliveryState.FAILED;
        } else {
            nextAttemptAt = now.plus(backoff);
        }
    }
}
