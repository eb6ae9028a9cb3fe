package cn.tiaojie.notify;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import java.util.Optional;

/** The ways a notice reaches its recipient; the same names as the wire enum tiaojie.common.v1.NoticeChannel. */
public enum Channel {
    SMS, EMAIL, IN_APP, LOG;

    public NoticeChannel toProto() {
        return NoticeChannel.valueOf(name());
    }

    /** The channel of a wire value; empty for UNSPECIFIED and values this build does not know. */
    public static Optional<Channel> of(NoticeChannel channel) {
        return switch (channel) {
            case SMS -> Optional.of(SMS);
            case EMAIL -> Optional.of(EMAIL);
            case IN_APP -> Optional.of(IN_APP);
            case LOG -> Optional.of(LOG);
            default -> Optional.empty();
        };
    }
}
