package cn.tiaojie.mediator.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Weekly hours, deadlines and notices are told in China's time (Asia/Shanghai). */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private ChinaTime() {
    }

    /** An instant as a local date and time to the minute, as people read it ({@code 2026-05-04 08:00}). */
    public static String local(Instant instant) {
        return LOCAL_TIME.format(instant);
    }
}
