package cn.tiaojie.notify.service.channel;

import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.inbox.InboxEvents;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-app inbox reads notices straight from this service's database (GET /api/inbox), so a stored notice is
 * already there: sending pushes it to the recipient's open live streams (GET /api/inbox/stream).
 */
@ApplicationScoped
public class InAppChannelSender implements ChannelSender {

    private final InboxEvents events;

    InAppChannelSender(InboxEvents events) {
        this.events = events;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public String send(Notice notice, Delivery delivery) {
        events.publish(notice);
        return null;
    }
}
