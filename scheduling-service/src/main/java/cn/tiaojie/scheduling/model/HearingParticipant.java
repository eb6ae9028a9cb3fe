package cn.tiaojie.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A mediator or party attending a hearing. Times and status repeat the hearing's so that the database can refuse
 * a participant's overlapping hearings; a foreign key with ON UPDATE CASCADE keeps the copies equal, so they are
 * read-only here.
 */
@Entity
@Table(name = "hearing_participant")
public class HearingParticipant extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hearing_id")
    public Hearing hearing;

    @Column(name = "participant_id")
    public String participantId;

    @Enumerated(EnumType.STRING)
    public ParticipantKind kind;

    public String name;

    /** the mediator's role codes (comma-separated) on the team; null for a party */
    public String role;

    @Column(name = "starts_at", updatable = false)
    public Instant startsAt;

    @Column(name = "ends_at", updatable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public HearingStatus status;

    /** "王芳（PEOPLE_MEDIATOR）" for a mediator, the name for a party. */
    @Override
    public String toString() {
        return role == null ? name : name + "（" + role + "）";
    }
}
