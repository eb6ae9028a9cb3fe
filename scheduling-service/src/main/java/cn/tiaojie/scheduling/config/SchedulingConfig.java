package cn.tiaojie.scheduling.config;

import cn.tiaojie.scheduling.model.Hearing;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The booking rules of the fast path. */
@ConfigMapping(prefix = "tiaojie.scheduling")
public interface SchedulingConfig {

    /** How far ahead of now the earliest hearing may start, so that parties can be served the notice. */
    @WithDefault("P3D")
    Duration noticePeriod();

    /** The shorter notice of an urgent case. */
    @WithDefault("P1D")
    Duration urgentNoticePeriod();

    /** Hearing length when the request names none. */
    @WithDefault("90")
    int defaultDurationMinutes();

    /** How many days past the earliest start the search looks for a free slot. */
    @WithDefault("60")
    int searchDays();

    /** How many times a booking that lost its slot to a concurrent one looks again. */
    @WithDefault("5")
    int bookingAttempts();

    /** How long before a hearing its participants are reminded, each lead once; the nearest due one wins. */
    @WithDefault("P3D,P1D")
    List<Duration> reminderLeads();

    /** How often the reminder sweep runs (the scheduler reads it; {@code off} stops it). */
    @WithDefault("5m")
    String remindEvery();

    /** How often provisional bookings whose hold is over are published (the scheduler reads it). */
    @WithDefault("60s")
    String releaseEvery();

    /** The zone of venues' opening hours and of the times shown to people. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Extra minutes a hearing gets when an interpreter translates. */
    @WithDefault("30")
    int interpreterExtraMinutes();

    /**
     * How long a new booking stays provisional (notices not sent, free to move in an optimised plan) before it is
     * published; zero publishes at once.
     */
    @WithDefault("PT0S")
    Duration provisionalHold();

    /** The earliest local start of an evening session (屋场夜话), when a venue is open then. */
    @WithDefault("18:00")
    java.time.LocalTime eveningFrom();

    /**
     * The join link of a video hearing: {@code {hearingId}} and {@code {caseNo}} are replaced by the hearing's;
     * each hearing gets its own room.
     */
    @WithDefault("https://meet.tiaojie.local/room/{hearingId}")
    String videoRoomUrlTemplate();

    /** How many times the parties of one case may ask to move its hearing. */
    @WithDefault("2")
    int partyRescheduleLimit();
}
