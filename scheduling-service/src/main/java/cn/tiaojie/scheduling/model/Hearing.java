package cn.tiaojie.scheduling.model;

import cn.tiaojie.scheduling.service.privacy.SealedRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A hearing (调解会) of a case at a venue. */
@Entity
public class Hearing extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "case_no")
    public String caseNo;

    @Column(name = "center_code")
    public String centerCode;

    @Column(name = "area_code")
    public String areaCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venue_id")
    public Venue venue;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public HearingStatus status;

    @Column(name = "within_deadline")
    public boolean withinDeadline;

    public boolean urgent;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * the request as case-service sent it: contacts for notices, preferences and deadline for re-booking; sealed
     * in the database because it holds the parties' phones and e-mail addresses
     */
    @Convert(converter = SealedRequest.class)
    public byte[] request;

    public Instant deadline;

    @Column(name = "prefer_evening")
    public boolean preferEvening;

    @Column(name = "on_site")
    public boolean onSite;

    @Column(name = "video_allowed")
    public boolean videoAllowed;

    @Column(name = "interpreter_needed")
    public boolean interpreterNeeded;

    /** when the notices went out; null while the booking is provisional and a plan may still move it */
    @Column(name = "notified_at")
    public Instant notifiedAt;

    /** bumped by every move and by cancellation: the calendars' SEQUENCE */
    public int sequence;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public long version;

    @OneToMany(mappedBy = "hearing", cascade = CascadeType.PERSIST)
    @OrderBy("kind, participantId")
    public List<HearingParticipant> participants = new ArrayList<>();

    /** The case's hearing that still holds its slot, if any (at most one: a partial unique index). */
    public static Optional<Hearing> liveOfCase(UUID caseId) {
        return find("caseId = ?1 and status <> ?2", caseId, HearingStatus.CANCELLED).firstResultOptional();
    }

    /** The case's live hearing, or else its most recent one. */
    public static Optional<Hearing> currentOfCase(UUID caseId) {
        return liveOfCase(caseId).or(() -> find("caseId = ?1 order by createdAt desc", caseId).firstResultOptional());
    }

    /** Not cancelled and not yet held: it holds its slot and may still move. */
    public boolean isLive() {
        return status == HearingStatus.BOOKED || status == HearingStatus.RESCHEDULED;
    }

    public boolean hasParticipant(ParticipantKind kind, String participantId) {
        return participants.stream().anyMatch(p -> p.kind == kind && p.participantId.equals(participantId));
    }

    public void addParticipant(ParticipantKind kind, String participantId, String name, String role) {
        HearingParticipant p = new HearingParticipant();
        p.id = UUID.randomUUID();
        p.hearing = this;
        p.kind = kind;
        p.participantId = participantId;
        p.name = name;
        p.role = role;
        p.startsAt = startsAt;
        p.endsAt = endsAt;
        p.status = status;
        participants.add(p);
    }
}
