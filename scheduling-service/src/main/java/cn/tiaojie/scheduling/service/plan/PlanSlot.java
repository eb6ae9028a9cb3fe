package cn.tiaojie.scheduling.service.plan;

import java.time.Instant;

/**
 * A possible start: {@code startMinute} counts minutes since the epoch, {@code day} numbers local days and
 * {@code minuteOfDay} is the local clock, so constraints compare plain numbers.
 */
public record PlanSlot(Instant start, long startMinute, int day, int minuteOfDay) {

    /** Evening sessions (屋场夜话) start at 18:00 or later. */
    public static final int EVENING_MINUTE = 18 * 60;

    public boolean evening() {
        return minuteOfDay >= EVENING_MINUTE;
    }

    @Override
    public String toString() {
        return start.toString();
    }
}
