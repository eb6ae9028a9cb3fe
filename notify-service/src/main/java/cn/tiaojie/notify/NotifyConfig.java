package cn.tiaojie.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** notify-service settings under {@code tiaojie.notify}. */
@ConfigMapping(prefix = "tiaojie.notify")
public interface NotifyConfig {

    Dispatch dispatch();

    interface Dispatch {
        /** off in tests, which run the dispatcher themselves */
        @WithDefault("true")
        boolean enabled();

        /** how often the dispatcher looks for due deliveries (read by its @Scheduled) */
        @WithDefault("1s")
        String interval();

        /** attempts per delivery before it is FAILED */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();
    }
}
