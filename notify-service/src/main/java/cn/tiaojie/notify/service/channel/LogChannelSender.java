package cn.tiaojie.notify.service.channel;

import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.platform.privacy.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The channel of last resort: one log line per notice, so that a local run (and an operator, when every other
 * channel failed) can read what was sent. Phone and e-mail are masked, also inside the text.
 */
@ApplicationScoped
public class LogChannelSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(LogChannelSender.class);

    @Override
    public Channel channel() {
        return Channel.LOG;
    }

    @Override
    public String send(Notice notice, Delivery delivery) {
        LOG.info(line(notice));
        return null;
    }

    static String line(Notice notice) {
        String text = notice.body.strip().replaceAll("\\s*\\R\\s*", " / ");
        if (notice.phone != null && !notice.phone.isBlank()) {
            text = text.replace(notice.phone, Masking.phone(notice.phone));
        }
        if (notice.email != null && !notice.email.isBlank()) {
            text = text.replace(notice.email, Masking.email(notice.email));
        }
        return "notice " + notice.id + " kind=" + notice.kind + " case=" + notice.caseNo
                + " to=" + notice.recipientName + " (" + notice.recipientKind + " " + notice.recipientId + ")"
                + " phone=" + Objects.toString(Masking.phone(notice.phone), "-")
                + " email=" + Objects.toString(Masking.email(notice.email), "-")
                + " text=" + text;
    }
}
