package cn.tiaojie.notify.model;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import java.util.Optional;

/**
 * The ways a notice reaches its recipient; the same names as the wire enum tiaojie.common.v1.NoticeChannel. PAPER
 * is served by hand (a grid worker or staff) and recorded, never sent by a sender. Links carry the ordinal: new
 * channels go last.
 */
public enum Channel {
    SMS, EMAIL, IN_APP, LOG, PAPER;

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
            case PAPER -> Optional.of(PAPER);
            default -> Optional.empty();
        };
    }
}
