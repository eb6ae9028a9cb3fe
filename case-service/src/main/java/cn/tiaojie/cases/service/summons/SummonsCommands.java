package cn.tiaojie.cases.service.summons;

import cn.tiaojie.cases.model.SummonsStatus;
import java.time.Instant;
import java.util.List;

/** What 吹哨报到 takes: a summons to departments and their answers. */
public final class SummonsCommands {

    private SummonsCommands() {
    }

    /** Departments to call in (the subcategory's own department when none is named) and hours to report. */
    public record NewSummons(List<String> departments, Integer deadlineHours, String note) {
    }

    /** An answer given by phone, recorded by staff. */
    public record PhoneAnswer(SummonsStatus response, String note, String attendee, Instant arrivesAt) {
    }

    /** The department's answer through its summons' link, relayed by notify-service; blank texts mean none. */
    public record LinkAnswer(String messageId, String caseId, String summonsId, String response, String note,
            String attendee, Instant arrivesAt) {
    }
}
