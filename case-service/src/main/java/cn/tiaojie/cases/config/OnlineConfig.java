package cn.tiaojie.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 网上申请: the one-time codes residents receive by SMS. */
@ConfigMapping(prefix = "tiaojie.online")
public interface OnlineConfig {

    /** How long a code may be used. */
    @WithDefault("PT5M")
    Duration codeValidFor();

    /** Wrong entries of one code before it is spent. */
    @WithDefault("5")
    int maxAttempts();

    /** Codes one phone number, and one client address, may ask for within an hour. */
    @WithDefault("3")
    int codesPerHour();

    /** How long a resident stays signed in to 我的案件 after the code or the notice's link. */
    @WithDefault("PT30M")
    Duration sessionValidFor();
}
