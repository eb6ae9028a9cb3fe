package cn.tiaojie.mediator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person or organisation a mediator may not mediate for (回避): matching never offers them such a case. */
@Entity
@Table(name = "declared_conflict")
public class DeclaredConflict extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mediator_id")
    public String mediatorId;

    @Column(name = "party_name")
    public String partyName;

    public String reason;

    @Column(name = "declared_at")
    public Instant declaredAt;
}
