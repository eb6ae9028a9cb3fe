package cn.tiaojie.cases.service.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What staff recorded of a hearing: held, with who attended (parties and team members by role) and the minutes
 * (笔录); or not held, with why.
 */
public record HearingRecord(String hearingId, boolean held, NotHeld reason, String note, List<Attendee> attendance,
        String minutes) {

    /** Why a hearing was not held. */
    public enum NotHeld {
        PARTY_ABSENT("一方当事人缺席"), ADJOURNED("休庭改期"), OTHER("其他原因");

        public final String words;

        NotHeld(String words) {
            this.words = words;
        }
    }

    /** One person present: a role as the timeline names it (申请人, 被申请人, 人民调解员, 律师 …) and a name. */
    public record Attendee(String role, String name) {
    }

    /** The timeline's words: 出席 and 笔录 of a held hearing, the reason of one not held. */
    public String describe() {
        if (!held) {
            return "未召开：" + reason.words + (note == null || note.isBlank() ? "" : "（" + note.strip() + "）");
        }
        String present = attendance.stream().map(a -> a.role() + " " + a.name()).collect(Collectors.joining("、"));
        return "已召开；出席：" + present + "；笔录：" + minutes.strip();
    }
}
