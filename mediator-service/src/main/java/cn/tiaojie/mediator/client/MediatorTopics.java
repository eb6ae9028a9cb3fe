package cn.tiaojie.mediator.client;

/** Outbox topics of mediator-service: one per call to another service. */
public final class MediatorTopics {

    public static final String SEND_NOTICE = "notify.SendNotice";
    public static final String RECORD_TEAM_ASSIGNED = "case.RecordTeamAssigned";

    private MediatorTopics() {
    }
}
