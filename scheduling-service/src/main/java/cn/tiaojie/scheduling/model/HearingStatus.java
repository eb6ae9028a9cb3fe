package cn.tiaojie.scheduling.model;


/** The life of a hearing; every status but CANCELLED holds its venue and participants. */
public enum HearingStatus {
    BOOKED,
    RESCHEDULED,
    CANCELLED,
    HELD
}
