package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A party's rating of the service (评价), 1 to 5; one per party. */
@Entity
@IdClass(Rating.Key.class)
public class Rating extends PanacheEntityBase {

    public record Key(UUID caseId, UUID partyId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Column(name = "party_id")
    public UUID partyId;

    public short score;

    public String comment;

    @Column(name = "rated_at")
    public Instant ratedAt;
}
