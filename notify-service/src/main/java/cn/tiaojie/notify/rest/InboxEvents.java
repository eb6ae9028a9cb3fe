package cn.tiaojie.notify.rest;

import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.Notice;
import cn.tiaojie.notify.service.Recipients;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Live in-app notices: the in-app channel publishes each notice it sends, and every open inbox stream of its
 * recipient on this replica receives it. A recipient whose stream is on another replica sees the notice in GET
 * /api/inbox (and on reconnecting).
 */
@ApplicationScoped
public class InboxEvents {

    private record Event(RecipientKind kind, String recipientId, String caseId, InboxItem item) {
    }

    private final BroadcastProcessor<Event> events = BroadcastProcessor.create();

    public void publish(Notice notice) {
        events.onNext(new Event(notice.recipientKind, notice.recipientId, notice.caseId, InboxItem.of(notice)));
    }

    Multi<InboxItem> of(Recipients.Recipient recipient) {
        return events.filter(e -> e.kind() == recipient.kind() && e.recipientId().equals(recipient.id())
                && (recipient.caseId() == null || e.caseId() == null || recipient.caseId().equals(e.caseId())))
                .map(Event::item);
    }
}
