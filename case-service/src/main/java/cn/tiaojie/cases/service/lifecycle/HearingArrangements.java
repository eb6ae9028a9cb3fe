package cn.tiaojie.cases.service.lifecycle;

import cn.tiaojie.cases.model.HearingArrangement;

/**
 * How a hearing is to be held: in the evening, on site in the village (both: 屋场夜话), video allowed, and the
 * language of the interpreter it needs (null: none).
 */
public record HearingArrangements(boolean evening, boolean onSite, boolean videoAllowed, String interpreterLanguage) {

    public static final HearingArrangements NONE = new HearingArrangements(false, false, false, null);

    public boolean interpreterNeeded() {
        return interpreterLanguage != null;
    }

    public static HearingArrangements of(HearingArrangement stored) {
        return stored == null ? NONE : new HearingArrangements(stored.evening, stored.onSite, stored.videoAllowed,
                stored.interpreterLanguage);
    }

    /** "屋场夜话、可视频参加、需维吾尔语翻译": as the timeline shows it; empty for a day hearing at the center. */
    public String describe() {
        java.util.List<String> words = new java.util.ArrayList<>();
        if (evening && onSite) {
            words.add("屋场夜话");
        } else if (evening) {
            words.add("晚间召开");
        } else if (onSite) {
            words.add("在村里召开");
        }
        if (videoAllowed) {
            words.add("可视频参加");
        }
        if (interpreterNeeded()) {
            words.add("需" + interpreterLanguage + "翻译");
        }
        return String.join("、", words);
    }
}
