package cn.tiaojie.notify.service.inbox;

import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.scope.Recipients;
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

    private final BroadcastProcessor<Notice> events = BroadcastProcessor.create();

    /** The notice as the in-app channel sent it (detached: later changes to it are not seen here). */
    public void publish(Notice notice) {
        events.onNext(notice);
    }

    /** The notices sent from now on to {@code recipient}. */
    public Multi<Notice> of(Recipients.Recipient recipient) {
        return events.filter(recipient::owns);
    }
}
