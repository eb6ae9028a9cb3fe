package cn.tiaojie.scheduling.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.outbox.OutboxMessage;
import cn.tiaojie.platform.outbox.OutboxRelay;
import cn.tiaojie.platform.outbox.OutboxRetention;
import cn.tiaojie.testsupport.PostgresTestResource;
import com.google.protobuf.StringValue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's outbox relay against the real database (the relay's own schedule is off in this module's tests;
 * each test relays by hand): many messages to a transaction, SKIP LOCKED between replicas, failures backing off one
 * by one, and a handler that writes to the database in a transaction of its own.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    RecordingHandlers.CallOnly callOnly;

    @Inject
    OutboxRetention retention;

    @Inject
    EntityManager em;

    /** The other tests' messages wait (nothing relays them in this module): each test relays only its own. */
    @BeforeEach
    void parkOtherMessages() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox_message set next_attempt_at = now() + interval '100 years'
                where delivered_at is null and topic not like 'test.%'""").executeUpdate());
    }

    @Test
    void theMessagesOfOneTransactionAreRelayedInOneTransaction() {
        String run = UUID.randomUUID().toString();
        List<UUID> ids = enqueue(RecordingHandlers.CALL_ONLY, run + "-1", run + "-2", run + "-3", run + "-4", run + "-5");

        relay.relayAllDue();

        assertEquals(List.of(run + "-1", run + "-2", run + "-3", run + "-4", run + "-5"),
                callOnly.received().stream().filter(v -> v.startsWith(run)).toList());
        ids.forEach(id -> assertNotNull(message(id).deliveredAt));
        // rows updated by one transaction carry that transaction's id
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(distinct xmin::text) from outbox_message where id in (?1)", Long.class)
                .setParameter(1, ids).getSingleResult()));
    }

    @Test
    void aMessageAnotherReplicaHoldsIsLeftToItAndRelayedOnceFree() throws Exception {
        String run = UUID.randomUUID().toString();
        List<UUID> ids = enqueue(RecordingHandlers.CALL_ONLY, run + "-held", run + "-free");
        try (Connection replica = PostgresTestResource.connectAsApplication()) {
            replica.setAutoCommit(false);
            try (PreparedStatement lock = replica.prepareStatement(
                    "select id from outbox_message where id = ? for update")) {
                lock.setObject(1, ids.get(0));
                lock.executeQuery().close();
            }

            relay.relayAllDue();

            assertNull(message(ids.get(0)).deliveredAt);
            assertEquals(0, message(ids.get(0)).attempts);
            assertNotNull(message(ids.get(1)).deliveredAt);
            assertFalse(callOnly.received().contains(run + "-held"));
            replica.rollback();
        }

        relay.relayAllDue();

        assertNotNull(message(ids.get(0)).deliveredAt);
        assertEquals(1, callOnly.received().stream().filter((run + "-held")::equals).count());
    }

    @Test
    void aRefusedMessageBacksOffWhileTheOthersOfItsBatchGoOut() {
        String run = UUID.randomUUID().toString();
        Instant before = Instant.now();
        List<UUID> ids = enqueue(RecordingHandlers.CALL_ONLY, run + "-a", "fail-" + run, run + "-b");

        relay.relayAllDue();

        assertNotNull(message(ids.get(0)).deliveredAt);
        assertNotNull(message(ids.get(2)).deliveredAt);
        OutboxMessage refused = message(ids.get(1));
        assertNull(refused.deliveredAt);
        assertEquals(1, refused.attempts);
        assertTrue(refused.nextAttemptAt.isAfter(before), "backs off");
        assertTrue(refused.lastError.contains("refused fail-" + run), refused.lastError);
    }

    @Test
    void aHandlerThatWritesKeepsItsWritesOnlyWhenItsDeliverySucceeds() {
        String run = UUID.randomUUID().toString();
        List<UUID> ids = enqueue(RecordingHandlers.WRITES, run + "-ok", "fail-" + run);
        List<UUID> calls = enqueue(RecordingHandlers.CALL_ONLY, run + "-call");

        relay.relayAllDue();

        assertNotNull(message(ids.get(0)).deliveredAt);
        assertTrue(processed("written:" + run + "-ok"));
        OutboxMessage refused = message(ids.get(1));
        assertNull(refused.deliveredAt);
        assertEquals(1, refused.attempts);
        // its write went with its failed delivery; the others' deliveries stand
        assertFalse(processed("written:fail-" + run));
        assertNotNull(message(calls.get(0)).deliveredAt);
    }

    @Test
    void deliveredMessagesGoAfterTheRetentionPeriodAndUndeliveredOnesStay() {
        String run = UUID.randomUUID().toString();
        List<UUID> ids = enqueue(RecordingHandlers.CALL_ONLY, run + "-old", run + "-recent", "fail-" + run);
        relay.relayAllDue();
        // delivered (or first tried) eight days ago, beyond the default seven days
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox_message set delivered_at = delivered_at - interval '8 days',
                    created_at = created_at - interval '8 days'
                where id in (?1, ?2)""").setParameter(1, ids.get(0)).setParameter(2, ids.get(2)).executeUpdate());

        assertTrue(retention.purgeDelivered() >= 1);

        assertNull(message(ids.get(0)));
        assertNotNull(message(ids.get(1)).deliveredAt);
        assertNull(message(ids.get(2)).deliveredAt, "never delivered: kept whatever its age");
    }

    private List<UUID> enqueue(String topic, String... values) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (String value : values) {
                ids.add(outbox.enqueue(topic, StringValue.of(value)));
            }
            return ids;
        });
    }

    private OutboxMessage message(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id));
    }

    private boolean processed(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em.createNativeQuery(
                "select count(*) from processed_message where message_id = ?1", Long.class)
                .setParameter(1, messageId).getSingleResult()) == 1L;
    }
}
