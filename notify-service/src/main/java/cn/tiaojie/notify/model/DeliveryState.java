package cn.tiaojie.notify.model;

/**
 * Where a delivery stands. SENDING (claimed by a dispatcher, the send may be under way) is this service's own:
 * on the wire it reads as QUEUED.
 */
public enum DeliveryState {
    QUEUED, SENDING, SENT, DELIVERED, ACKNOWLEDGED, FAILED;

    public cn.tiaojie.contracts.notify.v1.DeliveryState toProto() {
        return this == SENDING ? cn.tiaojie.contracts.notify.v1.DeliveryState.QUEUED
                : cn.tiaojie.contracts.notify.v1.DeliveryState.valueOf(name());
    }
}
