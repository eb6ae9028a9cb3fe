package cn.tiaojie.notify;

import cn.tiaojie.notify.channel.ChannelSender;
import jakarta.enterprise.context.ApplicationScoped;

/** An e-mail channel whose relay always refuses, to exercise retries in tests. */
@ApplicationScoped
public class FailingEmailSender implements ChannelSender {

    public static final String REFUSAL = "mail relay refused the message";

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Notice notice) {
        throw new IllegalStateException(REFUSAL);
    }
}
