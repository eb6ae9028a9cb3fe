package cn.tiaojie.scheduling.client;


/** Outbox topics of scheduling-service: one per call to another service. */
public final class SchedulingTopics {

    public static final String RECORD_HEARING_SCHEDULED = "case.RecordHearingScheduled";
    public static final String RECORD_HEARING_CANCELLED = "case.RecordHearingCancelled";
    public static final String SEND_NOTICE = "notify.SendNotice";

    private SchedulingTopics() {
    }
}
