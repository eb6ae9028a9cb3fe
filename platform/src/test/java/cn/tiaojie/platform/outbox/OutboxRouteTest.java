package cn.tiaojie.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route hands its client the message parsed from the payload, and says whether it writes afterwards. */
class OutboxRouteTest {

    @Test
    void theClientReceivesTheParsedMessage() throws Exception {
        List<String> received = new ArrayList<>();
        OutboxRoute<StringValue> route = OutboxRoute.to("test.Send", StringValue::parseFrom,
                message -> received.add(message.getValue()));
        route.deliver(StringValue.of("提醒").toByteArray());
        assertEquals("test.Send", route.topic());
        assertEquals(List.of("提醒"), received);
        assertFalse(route.writesToDatabase());
    }

    @Test
    void aRouteThatWritesAfterItsCallSaysSo() {
        assertTrue(OutboxRoute.writing("test.Record", StringValue::parseFrom, message -> { }).writesToDatabase());
    }

    @Test
    void aPayloadThatIsNotTheMessageFailsTheDeliverySoItIsTriedAgain() {
        OutboxRoute<StringValue> route = OutboxRoute.to("test.Send", StringValue::parseFrom, message -> { });
        assertThrows(InvalidProtocolBufferException.class, () -> route.deliver(new byte[] {(byte) 0xff}));
    }
}
