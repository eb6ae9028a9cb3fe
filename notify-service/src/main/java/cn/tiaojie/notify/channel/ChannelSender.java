package cn.tiaojie.notify.channel;

import cn.tiaojie.notify.Channel;
import cn.tiaojie.notify.Notice;

/**
 * Sends notices on one channel. One CDI bean per channel; a channel without a sender in this build is not
 * offered, so a notice asking for it gets no delivery on it.
 */
public interface ChannelSender {

    Channel channel();

    /** Sends the notice or throws; a throw is retried with backoff by the dispatcher. */
    void send(Notice notice) throws Exception;
}
