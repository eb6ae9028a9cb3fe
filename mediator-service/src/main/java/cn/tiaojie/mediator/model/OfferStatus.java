package cn.tiaojie.mediator.model;

public enum OfferStatus {
    OFFERED, ACCEPTED, DECLINED, EXPIRED,
    /** taken back before an answer, because the parties are choosing the mediator of this role */
    WITHDRAWN
}
