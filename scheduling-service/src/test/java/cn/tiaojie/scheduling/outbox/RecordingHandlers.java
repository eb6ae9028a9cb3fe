package cn.tiaojie.scheduling.outbox;

import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.outbox.OutboxHandler;
import com.google.protobuf.StringValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Receivers of test topics: they note what reached them, and refuse a payload that starts with "fail". */
final class RecordingHandlers {

    static final String CALL_ONLY = "test.CallOnly";
    static final String WRITES = "test.Writes";

    private RecordingHandlers() {
    }

    static String value(byte[] payload) throws Exception {
        String value = StringValue.parseFrom(payload).getValue();
        if (value.startsWith("fail")) {
            throw new IllegalStateException("refused " + value);
        }
        return value;
    }

    /** Like the services' gRPC handlers: a call and nothing else. */
    @ApplicationScoped
    static class CallOnly implements OutboxHandler {
        private final List<String> received = new CopyOnWriteArrayList<>();

        /** what reached this receiver (a method: the bean is reached through its client proxy) */
        List<String> received() {
            return List.copyOf(received);
        }

        @Override
        public String topic() {
            return CALL_ONLY;
        }

        @Override
        public void deliver(byte[] payload) throws Exception {
            received.add(value(payload));
        }
    }

    /** Writes to the database before it may refuse, as a handler that records the answer of its call does. */
    @ApplicationScoped
    static class Writes implements OutboxHandler {
        private final Inbox inbox;

        Writes(Inbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public String topic() {
            return WRITES;
        }

        @Override
        public boolean writesToDatabase() {
            return true;
        }

        @Override
        public void deliver(byte[] payload) throws Exception {
            inbox.firstDelivery("written:" + StringValue.parseFrom(payload).getValue());
            value(payload);
        }
    }
}
