package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.Notice;
import cn.tiaojie.platform.privacy.Masking;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notice as staff see it: recipient's phone and e-mail masked, with its deliveries. */
public record NoticeView(UUID id, String kind, String caseId, String caseNo, RecipientView recipient, boolean urgent,
        String title, String body, Instant createdAt, Instant acknowledgedAt, List<DeliveryView> deliveries) {

    public record RecipientView(String kind, String id, String name, String phone, String email, String language) {
    }

    public record DeliveryView(String channel, String state, int attempts, Instant nextAttemptAt, Instant updatedAt,
            String failureReason) {
    }

    public static NoticeView of(Notice n, List<Delivery> deliveries) {
        return new NoticeView(n.id, n.kind.name(), n.caseId, n.caseNo,
                new RecipientView(n.recipientKind.name(), n.recipientId, n.recipientName, Masking.phone(n.phone),
                        Masking.email(n.email), n.language),
                n.urgent, n.title, n.body, n.createdAt, n.acknowledgedAt,
                deliveries.stream().map(d -> new DeliveryView(d.channel.name(), d.state.name(), d.attempts,
                        d.nextAttemptAt, d.updatedAt, d.failureReason)).toList());
    }
}
