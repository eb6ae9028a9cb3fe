package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One party's mark for one listed mediator: struck (no rank) or a rank, 1 the most preferred. */
@Entity
@Table(name = "choice_ballot")
public class ChoiceBallot extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "list_id")
        public UUID listId;

        @Column(name = "party_id")
        public String partyId;

        @Column(name = "mediator_id")
        public String mediatorId;

        public Key() {
        }

        public Key(UUID listId, String partyId, String mediatorId) {
            this.listId = listId;
            this.partyId = partyId;
            this.mediatorId = mediatorId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(listId, k.listId) && Objects.equals(partyId, k.partyId)
                    && Objects.equals(mediatorId, k.mediatorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listId, partyId, mediatorId);
        }
    }

    @EmbeddedId
    public Key key;

    /** null when the party struck this mediator */
    public Integer rank;

    @Column(name = "submitted_at")
    public Instant submittedAt;
}
