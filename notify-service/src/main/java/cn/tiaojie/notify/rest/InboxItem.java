package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.model.Notice;
import java.time.Instant;
import java.util.UUID;

/** A notice in its recipient's inbox. */
public record InboxItem(UUID id, String kind, String caseId, String caseNo, boolean urgent, String title, String body,
        Instant createdAt, Instant acknowledgedAt, Instant readAt) {

    public static InboxItem of(Notice n) {
        return new InboxItem(n.id, n.kind.name(), n.caseId, n.caseNo, n.urgent, n.title, n.body, n.createdAt,
                n.acknowledgedAt, n.readAt);
    }
}
