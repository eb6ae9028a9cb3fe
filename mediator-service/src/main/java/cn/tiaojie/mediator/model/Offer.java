package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One role of one team offered to one mediator, who accepts or declines it before it expires. */
@Entity
public class Offer extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    public Team team;

    @Enumerated(EnumType.STRING)
    public MediatorRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "mediator_id")
    public Mediator mediator;

    @Enumerated(EnumType.STRING)
    public OfferStatus status;

    /** the matching score when offered; null when staff picked the mediator */
    public BigDecimal score;

    /** each soft rule's contribution to the score, as a JSON object; null when staff picked the mediator */
    public String explanation;

    /** "matching", or the subject of the staff member who assigned by hand */
    @Column(name = "offered_by")
    public String offeredBy;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "decline_reason")
    public String declineReason;

    @Version
    public long version;

    public boolean isLive() {
        return status == OfferStatus.OFFERED || status == OfferStatus.ACCEPTED;
    }
}
