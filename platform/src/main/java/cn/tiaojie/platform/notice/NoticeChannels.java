package cn.tiaojie.platform.notice;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels a notice to a party of a case goes out on, the same whichever service writes it (by the names of
 * the contracts' {@code NoticeChannel}, which each service generates for itself).
 */
public final class NoticeChannels {

    private NoticeChannels() {
    }

    /** The party's preferred channels; without any, every channel the contact details allow and the inbox. */
    public static List<String> forParty(List<String> preferred, String phone, String email) {
        if (!preferred.isEmpty()) {
            return preferred;
        }
        List<String> channels = new ArrayList<>();
        if (phone != null && !phone.isBlank()) {
            channels.add("SMS");
        }
        if (email != null && !email.isBlank()) {
            channels.add("EMAIL");
        }
        channels.add("IN_APP");
        return channels;
    }
}
