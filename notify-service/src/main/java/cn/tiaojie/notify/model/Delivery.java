package cn.tiaojie.notify.model;

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

/**
 * One notice on one channel: QUEUED, claimed (SENDING), then SENT → DELIVERED (where the channel reports it) →
 * ACKNOWLEDGED, or FAILED with the reason after its retries.
 */
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

    /** attempts begun; counted when a dispatcher claims the delivery */
    public int attempts;

    /** when a QUEUED delivery is due; for a SENDING one, when its claim runs out */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "failure_reason")
    public String failureReason;

    /** the gateway's id of the message (SMS sid, e-mail Message-ID) */
    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** the failed delivery this one stands in for */
    @Column(name = "fallback_for")
    public UUID fallbackFor;

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

    /** Taken by a dispatcher for one attempt, until {@code now + lease}. */
    public void claim(Instant now, Duration lease) {
        attempts++;
        state = DeliveryState.SENDING;
        nextAttemptAt = now.plus(lease);
        updatedAt = now;
    }

    /** Not attempted now (quiet hours, rate limit): due again at {@code until}; no attempt is counted. */
    public void defer(Instant until, String why, Instant now) {
        state = DeliveryState.QUEUED;
        nextAttemptAt = until;
        failureReason = why;
        updatedAt = now;
    }

    public void markSent(Instant now, String providerMessageId) {
        state = DeliveryState.SENT;
        this.providerMessageId = providerMessageId;
        failureReason = null;
        sentAt = now;
        updatedAt = now;
    }

    public void markDelivered(Instant now) {
        if (state == DeliveryState.SENT) {
            state = DeliveryState.DELIVERED;
            deliveredAt = now;
            updatedAt = now;
        }
    }

    /** Records a failed attempt: tried again after {@code backoff}, or FAILED when {@code lastAttempt}. */
    public void recordFailure(String reason, Instant now, Duration backoff, boolean lastAttempt) {
        failureReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        updatedAt = now;
        if (lastAttempt) {
            state = DeliveryState.FAILED;
        } else {
            state = DeliveryState.QUEUED;
            nextAttemptAt = now.plus(backoff);
        }
    }

    public boolean isPending() {
        return state == DeliveryState.QUEUED || state == DeliveryState.SENDING;
    }

    public boolean reachedRecipient() {
        return state == DeliveryState.SENT || state == DeliveryState.DELIVERED || state == DeliveryState.ACKNOWLEDGED;
    }
}
