package cn.tiaojie.scheduling.client;

import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.notice.NoticeChannels;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import cn.tiaojie.scheduling.config.SchedulingConfig;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.VenueKind;
import cn.tiaojie.scheduling.service.booking.BookingRequest;
import cn.tiaojie.scheduling.service.calendar.HearingCalendar;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the messages that leave the service about a hearing: the case's record and the notices; and reads the
 * request that case-service sent, as it is kept with the hearing.
 */
@ApplicationScoped
public class HearingMessages {

    private final Taxonomy taxonomy;
    private final HearingCalendar calendar;
    private final DateTimeFormatter localTime;
    private final SchedulingConfig config;

    HearingMessages(Taxonomy taxonomy, HearingCalendar calendar, SchedulingConfig config) {
        this.taxonomy = taxonomy;
        this.calendar = calendar;
        this.config = config;
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(config.zone());
    }

    /** The request as the booking reads it, keeping its bytes as they are stored with the hearing. */
    public static BookingRequest request(HearingRequest r) {
        return new BookingRequest(r.getMessageId(), r.getCaseId(), r.getCaseNo(), r.getCenterCode(), r.getAreaCode(),
                r.getTeamList().stream().map(m -> new BookingRequest.Member(m.getMediatorId(), m.getRole(),
                        m.getName(), m.getPhone(), m.getEmail())).toList(),
                r.getPartiesList().stream().map(p -> new BookingRequest.Party(p.getPartyId(), p.getName(),
                        p.getPhone(), p.getEmail(), p.getLanguage(), p.getPreferredChannelsList())).toList(),
                ProtoTime.toInstant(r.getDeadline()), r.getUrgent(), r.getDurationMinutes(), r.getPreferEvening(),
                r.getOnSite(), r.getVideoAllowed(), r.getInterpreterNeeded(), r.getInterpreterLanguage(),
                r.toByteArray());
    }

    /** The request the hearing was booked from. */
    public static BookingRequest requestOf(Hearing h) {
        if (h.request == null) {
            throw ProblemException.conflict("hearing " + h.id + " was booked before requests were kept; book it anew");
        }
        try {
            return request(HearingRequest.parseFrom(h.request));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored request of hearing " + h.id + " is unreadable", e);
        }
    }

    public HearingScheduled hearingScheduled(Hearing h) {
        return HearingScheduled.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setCaseId(h.caseId.toString())
                .setHearingId(h.id.toString())
                .setStartsAt(ProtoTime.of(h.startsAt))
                .setEndsAt(ProtoTime.of(h.endsAt))
                .setVenueName(h.venue.name)
                .setVenueAddress(h.venue.address)
                .setWithinDeadline(h.withinDeadline)
                .build();
    }

    /** The case's hearing is off: case-service takes the case back to waiting for a hearing. */
    public HearingCancelled hearingCancelled(Hearing h, String reason, String cancelledBy, java.time.Instant at) {
        return HearingCancelled.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setCaseId(h.caseId.toString())
                .setHearingId(h.id.toString())
                .setStartsAt(ProtoTime.of(h.startsAt))
                .setReason(reason)
                .setCancelledBy(cancelledBy == null ? "" : cancelledBy)
                .setCancelledAt(ProtoTime.of(at))
                .build();
    }

    /**
     * The supervisors (督办) over the case's area are told that no slot fitted before the case's deadline, so they
     * can act before the proposed date; notify-service shows it to every supervisor whose area holds the case's.
     */
    public NoticeRequest bookedAfterDeadlineAlert(Hearing h) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey("hearing:" + h.id + ":after-deadline")
                .setKind(NoticeKind.OVERDUE_ALERT)
                .setCaseId(h.caseId.toString())
                .setCaseNo(h.caseNo)
                .setRecipient(Recipient.newBuilder().setKind(RecipientKind.SUPERVISOR).setId("area:" + h.areaCode)
                        .setName("督办 " + h.areaCode).addChannels(NoticeChannel.IN_APP))
                .putFields("reminder", "HEARING_AFTER_DEADLINE")
                .putFields("caseNo", h.caseNo)
                .putFields("startsAt", localTime.format(h.startsAt))
                .putFields("deadline", localTime.format(h.deadline))
                .putFields("venueName", h.venue.name)
                .setUrgent(true)
                .build();
    }

    /** One hearing notice per party and per team mediator, reachable by what the request carried. */
    public List<NoticeRequest> notices(Hearing h, BookingRequest request) {
        return notices(h, request, NoticeKind.HEARING_NOTICE, "hearing:" + h.id + ":", Map.of());
    }

    /** The notices that a hearing moved: everyone again, with the previous time and the reason. */
    public List<NoticeRequest> rescheduledNotices(Hearing h, BookingRequest request, java.time.Instant previousStart,
            String reason) {
        return notices(h, request, NoticeKind.HEARING_RESCHEDULED, "hearing:" + h.id + ":v" + h.sequence + ":",
                Map.of("previousStartsAt", localTime.format(previousStart), "reason", reason));
    }

    /** The reminder {@code lead} before the hearing, to everyone the hearing notice went to. */
    public List<NoticeRequest> reminderNotices(Hearing h, BookingRequest request, Duration lead) {
        return notices(h, request, NoticeKind.HEARING_REMINDER, "hearing:" + h.id + ":remind:" + lead + ":"
                + h.startsAt.getEpochSecond() + ":", Map.of());
    }

    public List<NoticeRequest> cancelledNotices(Hearing h, BookingRequest request, String reason) {
        return notices(h, request, NoticeKind.HEARING_CANCELLED, "hearing:" + h.id + ":cancelled:",
                Map.of("reason", reason));
    }

    /**
     * One notice of the kind per party and per team mediator; fields carry the hearing as the template shows it
     * and, under "ics", its RFC 5545 calendar text for e-mail attachments.
     */
    List<NoticeRequest> notices(Hearing h, BookingRequest request, NoticeKind kind, String keyPrefix,
            Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("caseNo", h.caseNo);
        fields.put("startsAt", localTime.format(h.startsAt));
        fields.put("endsAt", localTime.format(h.endsAt));
        fields.put("venueName", h.venue.name);
        fields.put("venueAddress", h.venue.address);
        fields.put("team", teamLine(request.team()));
        fields.putAll(arrangements(h, request));
        fields.putAll(extra);
        fields.put("ics", calendar.of(h));

        List<NoticeRequest> notices = new ArrayList<>();
        for (BookingRequest.Party party : request.parties()) {
            notices.add(notice(h, request, kind, keyPrefix, fields, Recipient.newBuilder()
                    .setKind(RecipientKind.PARTY)
                    .setId(party.partyId())
                    .setName(party.name())
                    .setPhone(party.phone())
                    .setEmail(party.email())
                    .setLanguage(party.language())
                    .addAllChannels(channels(party.preferredChannels(), party.phone(), party.email()))
                    .build()));
        }
        Map<String, BookingRequest.Member> mediators = new LinkedHashMap<>();
        request.team().forEach(m -> mediators.putIfAbsent(m.mediatorId(), m));
        for (BookingRequest.Member member : mediators.values()) {
            notices.add(notice(h, request, kind, keyPrefix, fields, Recipient.newBuilder()
                    .setKind(RecipientKind.MEDIATOR)
                    .setId(member.mediatorId())
                    .setName(member.name())
                    .setPhone(member.phone())
                    .setEmail(member.email())
                    .addAllChannels(channels(List.of(), member.phone(), member.email()))
                    .build()));
        }
        return notices;
    }

    /**
     * How the hearing is held, as the notice says it: {@code session} EVENING_ON_SITE (屋场夜话: in the village,
     * after work), ON_SITE or EVENING; {@code videoLink}, the hearing's own video room, when video is allowed;
     * {@code interpreterLanguage} when an interpreter translates ("待定" when the language was not given).
     */
    Map<String, String> arrangements(Hearing h, BookingRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean onSite = h.venue.kind == VenueKind.ON_SITE;
        boolean evening = !h.startsAt.atZone(config.zone()).toLocalTime().isBefore(config.eveningFrom());
        if (onSite || evening) {
            fields.put("session", onSite && evening ? "EVENING_ON_SITE" : onSite ? "ON_SITE" : "EVENING");
        }
        if (request.videoAllowed()) {
            fields.put("videoLink", videoLink(h));
        }
        if (request.interpreterNeeded()) {
            String language = request.interpreterLanguage();
            fields.put("interpreterLanguage", language == null || language.isBlank() ? "待定" : language);
        }
        return fields;
    }

    /** The hearing's video room from {@code video-room-url-template}. */
    String videoLink(Hearing h) {
        return config.videoRoomUrlTemplate().replace("{hearingId}", h.id.toString())
                .replace("{caseNo}", URLEncoder.encode(h.caseNo, StandardCharsets.UTF_8));
    }

    private static NoticeRequest notice(Hearing h, BookingRequest request, NoticeKind kind, String keyPrefix,
            Map<String, String> fields, Recipient recipient) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey(keyPrefix + recipient.getId())
                .setKind(kind)
                .setCaseId(h.caseId.toString())
                .setCaseNo(h.caseNo)
                .setRecipient(recipient)
                .putAllFields(fields)
                .setUrgent(request.urgent())
                .build();
    }

    private static List<NoticeChannel> channels(List<NoticeChannel> preferred, String phone, String email) {
        return NoticeChannels.forParty(preferred.stream().map(NoticeChannel::name).toList(), phone, email).stream()
                .map(NoticeChannel::valueOf).toList();
    }

    /** "李明（律师）、王芳（人民调解员）": the team as the notice shows it. */
    private String teamLine(List<BookingRequest.Member> team) {
        return team.stream().map(m -> m.name() + "（" + roleName(m.role().name()) + "）")
                .collect(Collectors.joining("、"));
    }

    private String roleName(String code) {
        return taxonomy.document().roles().stream().filter(r -> r.code().equals(code)).findFirst()
                .map(Taxonomy.Named::nameZh).orElse(code);
    }
}
