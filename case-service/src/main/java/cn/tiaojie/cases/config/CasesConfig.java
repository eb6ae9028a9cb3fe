package cn.tiaojie.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** An agreement's reminders (Beijing dates) and the 回访 after its performance deadline. */
@ConfigMapping(prefix = "tiaojie.cases")
public interface CasesConfig {

    /** Before the 30-day judicial-confirmation window closes, while no application is recorded. */
    @WithDefault("P7D,P1D")
    List<Duration> judicialConfirmationReminderLeads();

    /** Before the agreement's performance deadline, unless a follow-up recorded it performed. */
    @WithDefault("P3D,P1D")
    List<Duration> performanceReminderLeads();

    /** The follow-up is due this long after the performance deadline's day. */
    @WithDefault("P7D")
    Duration followUpWithin();

    /** How often the reminders' sweep runs, or {@code off} ({@code @Scheduled} reads it by name). */
    @WithDefault("5m")
    String remindEvery();
}
