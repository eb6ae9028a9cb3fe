package cn.tiaojie.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 督办: how often open cases are checked, when a step is due soon, and how long overdue waits before escalating. */
@ConfigMapping(prefix = "tiaojie.supervision")
public interface SupervisionConfig {

    /** false: supervision never runs by itself (the tests run it). */
    @WithDefault("true")
    boolean enabled();

    /** How often every open case is checked ({@code @Scheduled} reads it by name). */
    @WithDefault("60s")
    String interval();

    /** How long after start the first check waits ({@code @Scheduled} reads it by name). */
    @WithDefault("30s")
    String initialDelay();

    /** A step is DUE_SOON with less than this fraction of its time left. */
    @WithDefault("0.25")
    double dueSoonFraction();

    /** A step still overdue this long after its deadline escalates the case once. */
    @WithDefault("PT24H")
    Duration escalationGrace();

    /** A summons still unanswered this long after its deadline alerts the case's supervisors once. */
    @WithDefault("PT4H")
    Duration summonsGrace();
}
