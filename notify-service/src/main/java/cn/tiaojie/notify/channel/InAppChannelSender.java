package cn.tiaojie.notify.channel;

import cn.tiaojie.notify.Channel;
import cn.tiaojie.notify.Notice;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The in-app inbox reads notices straight from this service's database (GET /api/inbox), so a stored notice is
 * already there: sending only marks the delivery SENT.
 */
@ApplicationScoped
public class InAppChannelSender implements ChannelSender {

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public void send(Notice notice) {
        // nothing to push: the inbox shows the stored notice
    }
}
