package cn.tiaojie.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay and its clean-up. */
@ConfigMapping(prefix = "tiaojie.outbox")
public interface OutboxConfig {

    /** Off in tests that deliver by hand. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for due messages besides the wake-up after each commit. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a delivered message is kept for someone investigating a delivery. */
    @WithDefault("P7D")
    Duration deliveredRetention();

    @WithDefault("1h")
    Duration retentionCheckInterval();
}
