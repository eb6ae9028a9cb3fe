package cn.tiaojie.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** notify-service settings under {@code tiaojie.notify}. */
@ConfigMapping(prefix = "tiaojie.notify")
public interface NotifyConfig {

    Dispatch dispatch();

    QuietHours quietHours();

    RateLimit rateLimit();

    Sms sms();

    Links links();

    Scope scope();

    Inbox inbox();

    Service service();

    /**
     * Service of documents to parties: a hearing notice, its change or cancellation, or an outcome delivered but
     * not confirmed within {@code confirmWithin} (or {@code confirmWithinNearHearing} when the hearing is less than
     * {@code nearHearing} away) is sent again on a channel not yet used, then becomes a paper-service task.
     */
    interface Service {
        @WithDefault("PT48H")
        Duration confirmWithin();

        @WithDefault("PT12H")
        Duration confirmWithinNearHearing();

        @WithDefault("P3D")
        Duration nearHearing();

        /** how often the sweep looks (read by its @Scheduled); off in tests, which run it themselves */
        @WithDefault("10m")
        String every();
    }

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

        /** deliveries one dispatcher claims at a time */
        @WithDefault("200")
        int batchSize();

        /** dispatch workers claiming batches side by side in one process */
        @WithDefault("2")
        int workers();

        /** sends of one batch in flight at once */
        @WithDefault("32")
        int parallelism();

        /** how long a claimed delivery stays SENDING before another dispatcher may take it over (after a crash) */
        @WithDefault("60s")
        Duration lease();
    }

    /** Non-urgent SMS wait until the end of the quiet hours (local time). */
    interface QuietHours {
        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();

        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }

    /** At most {@code perHour} non-urgent SMS or e-mails to one recipient within any hour, per channel. */
    interface RateLimit {
        @WithDefault("10")
        int perHour();
    }

    /** The SMS gateway (Twilio Messages REST shape); without a base URL there is no SMS channel. */
    interface Sms {
        Optional<URI> baseUrl();

        @WithDefault("none")
        String accountSid();

        @WithDefault("none")
        String authToken();

        /** the sender number or name the gateway shows */
        @WithDefault("12348")
        String from();

        /** ask the gateway for delivery reports (DELIVERED) at /hooks/sms/… */
        @WithDefault("true")
        boolean statusCallbacks();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Inbox {
        /**
         * how long one live stream stays open; then it ends and the client reconnects (EventSource does so by
         * itself), which spreads streams over replicas again and never outlives the token it was opened with by long
         */
        @WithDefault("30m")
        Duration streamLifetime();
    }

    /** Notices whose case's center and area could not be read from case-service at once. */
    interface Scope {
        /** how often case-service is asked again (read by the @Scheduled of CaseScopes) */
        @WithDefault("1m")
        String retryInterval();
    }

    /** The signed links in notices: where this service is reached from outside, the key and how long a link lives. */
    interface Links {
        @WithDefault("http://localhost:8084")
        URI baseUrl();

        /** HMAC-SHA256 key of the links; set a long random value in production */
        String secret();

        @WithDefault("30d")
        Duration ttl();

        /** the mediators' workbench, where an offer is accepted or declined */
        @WithDefault("http://localhost:8082")
        URI mediatorWorkbenchUrl();
    }
}
