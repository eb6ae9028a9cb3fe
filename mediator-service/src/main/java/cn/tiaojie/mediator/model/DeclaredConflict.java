package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone a mediator may not mediate for (回避): a relative, an employer, or a lawyer's former client. Named by
 * name, ID number or phone; the numbers are kept only as a keyed hash to compare and a masked form to show.
 */
@Entity
@Table(name = "declared_conflict")
public class DeclaredConflict extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mediator_id")
    public String mediatorId;

    @Enumerated(EnumType.STRING)
    public ConflictKind kind = ConflictKind.RELATION;

    /** a person's or an organisation's name, as declared */
    @Column(name = "party_name")
    public String partyName;

    /** the name as conflict checks compare it; the database derives it from party_name */
    @Column(name = "name_key", insertable = false, updatable = false)
    public String nameKey;

    @Column(name = "id_number_hash")
    public String idNumberHash;

    @Column(name = "id_number_masked")
    public String idNumberMasked;

    @Column(name = "phone_hash")
    public String phoneHash;

    @Column(name = "phone_masked")
    public String phoneMasked;

    public String reason;

    @Column(name = "declared_at")
    public Instant declaredAt;
}
