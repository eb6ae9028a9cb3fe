package cn.tiaojie.platform.outbox;

/**
 * Delivers the messages of one topic to the service that receives them. A bean per topic; it runs inside the
 * relay's transaction, so database work it does after a successful call commits together with "delivered".
 * Throwing leaves the message for a later attempt.
 */
public interface OutboxHandler {

    String topic();

    void deliver(byte[] payload) throws Exception;

    /**
     * True for a handler that writes to this service's database after its call: its messages are relayed each in
     * its own transaction, so that a write that fails undoes only that message's delivery. Other handlers' messages
     * are relayed many to a transaction.
     */
    default boolean writesToDatabase() {
        return false;
    }
}
