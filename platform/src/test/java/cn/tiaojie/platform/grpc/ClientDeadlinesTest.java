package cn.tiaojie.platform.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client's own deadline wins over the suite's, which wins over ten seconds. */
class ClientDeadlinesTest {

    private static ClientDeadlines deadlines(Map<String, String> properties) {
        return new ClientDeadlines(new SmallRyeConfigBuilder().withDefaultValues(properties).build());
    }

    @Test
    void withNothingConfiguredACallHasTenSeconds() {
        assertEquals(Duration.ofSeconds(10), deadlines(Map.of()).of("notify"));
    }

    @Test
    void theSuiteWideDeadlineAppliesToEveryClient() {
        assertEquals(Duration.ofSeconds(3), deadlines(Map.of("tiaojie.clients.deadline", "PT3S")).of("notify"));
    }

    @Test
    void aClientsOwnDeadlineWins() {
        ClientDeadlines deadlines = deadlines(Map.of("tiaojie.clients.deadline", "PT3S",
                "tiaojie.clients.mediator.deadline", "PT30S"));
        assertEquals(Duration.ofSeconds(30), deadlines.of("mediator"));
        assertEquals(Duration.ofSeconds(3), deadlines.of("notify"));
    }
}
