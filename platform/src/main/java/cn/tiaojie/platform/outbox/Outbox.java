package cn.tiaojie.platform.outbox;

import com.google.protobuf.MessageLite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Writes messages for other services into this service's database, inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, MessageLite payload) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.payload = payload.toByteArray();
        message.createdAt = Instant.now();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        // relay right after commit instead of waiting for the next poll
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return message.id;
    }

    /** A fresh id for the message_id field of a message about to be enqueued. */
    public static String newMessageId() {
        return UUID.randomUUID().toString();
    }
}
