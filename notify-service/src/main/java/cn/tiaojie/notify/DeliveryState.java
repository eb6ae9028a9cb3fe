package cn.tiaojie.notify;

/** Where a delivery stands; the same names as the wire enum tiaojie.notify.v1.DeliveryState. */
public enum DeliveryState {
    QUEUED, SENT, DELIVERED, ACKNOWLEDGED, FAILED;

    public cn.tiaojie.contracts.notify.v1.DeliveryState toProto() {
        return cn.tiaojie.contracts.notify.v1.DeliveryState.valueOf(name());
    }
}
