package cn.tiaojie.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The board's tallies (case_tally). */
@ConfigMapping(prefix = "tiaojie.counts")
public interface CountsConfig {

    /** How often the tallies are folded into one row per group, or {@code off} ({@code @Scheduled} reads it by name). */
    @WithDefault("5s")
    String foldInterval();
}
