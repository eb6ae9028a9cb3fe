package cn.tiaojie.mediator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import cn.tiaojie.mediator.model.MediatorRole;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "tiaojie.mediator")
public interface MatchingConfig {

    /** How long a mediator has to answer an offer before it goes to the next candidate, unless the role says. */
    @WithDefault("PT24H")
    Duration offerTtl();

    /** The time to answer per role (POLICE_OFFICER=PT2H): roles that must move fast. */
    Map<String, Duration> roleOfferTtl();

    /** A risk-flagged case waits at most this long per candidate, whatever the role. */
    @WithDefault("PT4H")
    Duration riskOfferTtl();

    /** Offers within this period count against a mediator in the rotation factor. */
    @WithDefault("P30D")
    Duration rotationWindow();

    /** How long parties have to strike and rank a published choice list. */
    @WithDefault("P3D")
    Duration choiceWindow();

    /** How often expired offers are swept; read by the sweep's schedule. */
    @WithDefault("1m")
    String expiryCheckInterval();

    /** Whether this replica sweeps expired offers on a schedule (tests sweep by hand). */
    @WithDefault("true")
    boolean expiryEnabled();

    /** The secret that keys the hashes of ID numbers and phones compared by the conflict rules. */
    String identityKey();

    default Duration offerTtl(MediatorRole role, boolean riskFlagged) {
        Duration ttl = roleOfferTtl().getOrDefault(role.name(), offerTtl());
        return riskFlagged && riskOfferTtl().compareTo(ttl) < 0 ? riskOfferTtl() : ttl;
    }
}
