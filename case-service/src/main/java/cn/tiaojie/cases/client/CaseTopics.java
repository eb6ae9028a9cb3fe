package cn.tiaojie.cases.client;

/** Outbox topics of case-service: one per call to another service. */
public final class CaseTopics {

    public static final String REQUEST_TEAM = "mediator.RequestTeam";
    public static final String REQUEST_HEARING = "scheduling.RequestHearing";
    public static final String RECORD_HEARING = "scheduling.RecordHearing";
    public static final String SEND_NOTICE = "notify.SendNotice";

    private CaseTopics() {
    }
}
