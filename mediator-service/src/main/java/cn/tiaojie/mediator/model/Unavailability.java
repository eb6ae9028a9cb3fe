package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A period the weekly pattern does not apply: leave, a trial elsewhere, training. */
@Entity
public class Unavailability extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mediator_id")
    public String mediatorId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public UnavailabilityKind kind = UnavailabilityKind.OTHER;

    public String reason;
}
