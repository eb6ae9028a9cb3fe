package cn.tiaojie.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step in a hearing's history: booked, moved, published or cancelled, why and by whom. */
@Entity
@Table(name = "hearing_change")
public class HearingChange extends PanacheEntityBase {

    public enum Kind { BOOKED, RESCHEDULED, CANCELLED, OPTIMISED, NOTIFIED, HELD, NOT_HELD }

    public enum Cause { BOOKING, PARTY_REQUEST, MEDIATOR_CONFLICT, VENUE_CLOSED, STAFF, OPTIMISATION, RELEASE }

    @Id
    public UUID id;

    @Column(name = "hearing_id")
    public UUID hearingId;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Cause cause;

    public String reason;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "old_starts_at")
    public Instant oldStartsAt;

    @Column(name = "old_venue_id")
    public UUID oldVenueId;

    @Column(name = "new_starts_at")
    public Instant newStartsAt;

    @Column(name = "new_ends_at")
    public Instant newEndsAt;

    @Column(name = "new_venue_id")
    public UUID newVenueId;

    public int sequence;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** Records a change of the hearing as it now is; old time and venue as they were before it. */
    public static HearingChange record(Hearing h, Kind kind, Cause cause, String reason, String requestedBy,
            Instant oldStartsAt, UUID oldVenueId) {
        HearingChange c = new HearingChange();
        c.id = UUID.randomUUID();
        c.hearingId = h.id;
        c.caseId = h.caseId;
        c.kind = kind;
        c.cause = cause;
        c.reason = reason;
        c.requestedBy = requestedBy;
        c.oldStartsAt = oldStartsAt;
        c.oldVenueId = oldVenueId;
        c.newStartsAt = h.startsAt;
        c.newEndsAt = h.endsAt;
        c.newVenueId = h.venue.id;
        c.sequence = h.sequence;
        c.changedAt = Instant.now();
        c.persist();
        return c;
    }

    public static List<HearingChange> ofHearing(UUID hearingId) {
        return list("hearingId = ?1 order by changedAt, sequence", hearingId);
    }

    public static long partyRequestsOfCase(UUID caseId) {
        return count("caseId = ?1 and cause = ?2", caseId, Cause.PARTY_REQUEST);
    }
}
