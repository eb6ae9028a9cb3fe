package cn.tiaojie.scheduling.service.calendar;

import cn.tiaojie.scheduling.config.SchedulingConfig;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingParticipant;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.ParticipantKind;
import cn.tiaojie.scheduling.service.hearings.HearingAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hearings as iCalendar (RFC 5545): local times in the service's zone (Asia/Shanghai) with its VTIMEZONE, one
 * VEVENT per hearing whose UID stays the same across moves while SEQUENCE counts them, so calendar programs update
 * or cancel the event they already have. Party contact details never go into a calendar.
 */
@ApplicationScoped
public class HearingCalendar {

    static final String PRODUCT = "-//Tiaojie//scheduling-service//ZH";
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** what a subscribed calendar holds: the last 30 days and the next 180 */
    static final Duration FEED_PAST = Duration.ofDays(30);
    static final Duration FEED_AHEAD = Duration.ofDays(180);
    private static final int FEED_MOST_HEARINGS = 1000;

    private final ZoneId zone;
    private final EntityManager em;

    HearingCalendar(SchedulingConfig config, EntityManager em) {
        this.zone = config.zone();
        this.em = em;
    }

    /**
     * A mediator's feed: their hearings within {@code scope} (a condition on {@code h} with its parameters, as
     * {@link HearingAccess#scope} writes it), from 30 days ago to 180 days ahead.
     */
    @Transactional
    public String feedOf(String mediatorId, String scope, Map<String, Object> params, Instant now) {
        TypedQuery<Hearing> query = em.createQuery("select h from Hearing h join fetch h.venue where " + scope
                + " and exists (select 1 from HearingParticipant p where p.hearing = h and p.kind = :kind"
                + " and p.participantId = :mediator) and h.endsAt > :from and h.startsAt < :to"
                + " order by h.startsAt, h.id", Hearing.class);
        params.forEach(query::setParameter);
        query.setParameter("kind", ParticipantKind.MEDIATOR).setParameter("mediator", mediatorId)
                .setParameter("from", now.minus(FEED_PAST)).setParameter("to", now.plus(FEED_AHEAD));
        return calendar(query.setMaxResults(FEED_MOST_HEARINGS).getResultList(), "调解会 " + mediatorId);
    }

    /** One hearing, as a download or a notice attachment. */
    public String of(Hearing hearing) {
        return calendar(List.of(hearing), "调解会 " + hearing.caseNo);
    }

    /** A feed: every hearing given, cancelled ones marked so. */
    public String calendar(List<Hearing> hearings, String name) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:" + PRODUCT);
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text(name));
        line(ics, "X-WR-TIMEZONE:" + zone.getId());
        timezone(ics);
        Instant now = Instant.now();
        for (Hearing h : hearings) {
            event(ics, h, now);
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private void event(StringBuilder ics, Hearing h, Instant now) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:hearing-" + h.id + "@tiaojie");
        line(ics, "SEQUENCE:" + h.sequence);
        line(ics, "DTSTAMP:" + UTC_STAMP.format(now));
        line(ics, "CREATED:" + UTC_STAMP.format(h.createdAt));
        line(ics, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(h.startsAt.atZone(zone)));
        line(ics, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(h.endsAt.atZone(zone)));
        line(ics, "SUMMARY:" + text("调解会 " + h.caseNo));
        line(ics, "LOCATION:" + text(h.venue.name + "，" + h.venue.address));
        line(ics, "DESCRIPTION:" + text(description(h)));
        line(ics, "STATUS:" + (h.status == HearingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
    }

    private static String description(Hearing h) {
        String team = h.participants.stream().filter(p -> p.kind == ParticipantKind.MEDIATOR)
                .map(HearingParticipant::toString).collect(Collectors.joining("、"));
        String text = "案件 " + h.caseNo + "\n调解员：" + team;
        if (h.status == HearingStatus.CANCELLED && h.cancelReason != null) {
            text += "\n已取消：" + h.cancelReason;
        }
        return text;
    }

    /** Asia/Shanghai has kept UTC+8 without daylight saving since 1991: one STANDARD rule describes it. */
    private void timezone(StringBuilder ics) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.now());
        String utcOffset = offset.getId().equals("Z") ? "+0000" : offset.getId().replace(":", "");
        line(ics, "BEGIN:VTIMEZONE");
        line(ics, "TZID:" + zone.getId());
        line(ics, "BEGIN:STANDARD");
        line(ics, "DTSTART:19700101T000000");
        line(ics, "TZOFFSETFROM:" + utcOffset);
        line(ics, "TZOFFSETTO:" + utcOffset);
        line(ics, "TZNAME:" + (zone.getId().equals("Asia/Shanghai") ? "CST" : utcOffset));
        line(ics, "END:STANDARD");
        line(ics, "END:VTIMEZONE");
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Content lines end in CRLF and fold at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
