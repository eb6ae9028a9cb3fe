package cn.tiaojie.notify.service.channel;

import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;

/**
 * Sends notices on one channel. One CDI bean per channel; a channel whose sender is not available in this
 * deployment (no SMS gateway configured) is not offered, so a notice asking for it gets no delivery on it.
 */
public interface ChannelSender {

    Channel channel();

    default boolean available() {
        return true;
    }

    /**
     * Sends the notice; answers the gateway's id of the message, if it gives one. {@link PermanentFailure} means a
     * retry cannot help (an invalid number, a refused address); any other throw is retried with backoff. The
     * delivery's id is the idempotency key a gateway sees, the same on every attempt.
     */
    String send(Notice notice, Delivery delivery) throws Exception;
}
