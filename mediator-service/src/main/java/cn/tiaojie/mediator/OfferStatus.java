package cn.tiaojie.mediator;

public enum OfferStatus {
    OFFERED, ACCEPTED, DECLINED, EXPIRED
}
