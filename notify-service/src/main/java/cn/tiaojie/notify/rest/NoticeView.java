package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.PaperService;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.service.Notices;
import cn.tiaojie.platform.privacy.Masking;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice as staff see it: recipient's phone and e-mail masked, with its deliveries, when its link was first
 * opened, whether it waits for paper delivery, and (on the single-notice view) the recipient's confirmation of
 * receipt and its paper service.
 */
public record NoticeView(UUID id, String kind, String caseId, String caseNo, RecipientView recipient, boolean urgent,
        String title, String body, Instant createdAt, Instant openedAt, String openedChannel, Instant acknowledgedAt,
        boolean paperDeliveryRequired, String paperDeliveryReason, List<DeliveryView> deliveries, ReceiptView receipt,
        PaperServiceView paperService) {

    public record RecipientView(String kind, String id, String name, String phone, String email, String language) {
    }

    public record DeliveryView(String channel, String state, int attempts, Instant nextAttemptAt, Instant updatedAt,
            Instant sentAt, Instant deliveredAt, String failureReason, boolean fallback) {
    }

    /** The IP and user agent are evidence for the proof of service; the IP is shown only to whom sees this view. */
    public record ReceiptView(Instant acknowledgedAt, String channel, String ip, String userAgent) {
    }

    /** Served on paper: by whom, when and where, received by whom (or refused before a witness), the slip's digest. */
    public record PaperServiceView(String servedBy, Instant servedAt, String place, String receivedBy,
            String relation, boolean refused, String witness, String slipContentType, String slipSha256,
            String recordedBy, Instant recordedAt) {
    }

    public static NoticeView of(Notices.Details details) {
        return of(details.notice(), details.deliveries(), details.receipt(), details.paperService());
    }

    public static NoticeView of(Notice n, List<Delivery> deliveries, Receipt receipt) {
        return of(n, deliveries, receipt, null);
    }

    public static NoticeView of(Notice n, List<Delivery> deliveries, Receipt receipt, PaperService paper) {
        return new NoticeView(n.id, n.kind.name(), n.caseId, n.caseNo,
                new RecipientView(n.recipientKind.name(), n.recipientId, n.recipientName, Masking.phone(n.phone),
                        Masking.email(n.email), n.language),
                n.urgent, n.title, n.body, n.createdAt, n.openedAt,
                n.openedChannel == null ? null : n.openedChannel.name(), n.acknowledgedAt, n.paperDeliveryRequired,
                n.paperDeliveryReason,
                deliveries.stream().map(d -> new DeliveryView(d.channel.name(), d.state.name(), d.attempts,
                        d.nextAttemptAt, d.updatedAt, d.sentAt, d.deliveredAt, d.failureReason,
                        d.fallbackFor != null)).toList(),
                receipt == null ? null : new ReceiptView(receipt.acknowledgedAt, receipt.channel.name(), receipt.ip,
                        receipt.userAgent),
                paper == null ? null : new PaperServiceView(paper.servedBy, paper.servedAt, paper.place,
                        paper.receivedBy, paper.relation, paper.refused, paper.witness, paper.slipContentType,
                        paper.slipSha256, paper.recordedBy, paper.recordedAt));
    }
}
