package cn.tiaojie.mediator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tiaojie.mediator")
public interface MatchingConfig {

    /** How long a mediator has to answer an offer before it goes to the next candidate. */
    @WithDefault("PT24H")
    Duration offerTtl();

    /** The same for a risk-flagged case, which cannot wait a day per candidate. */
    @WithDefault("PT4H")
    Duration riskOfferTtl();

    /** How often expired offers are swept; read by the sweep's schedule. */
    @WithDefault("1m")
    String expiryCheckInterval();

    /** Whether this replica sweeps expired offers on a schedule (tests sweep by hand). */
    @WithDefault("true")
    boolean expiryEnabled();
}
