package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A strike-and-rank list (当事人选择调解员): staff publish a short list for one role of a team, each party strikes
 * the mediators they object to and ranks the rest; the best mutual rank is offered the place first.
 */
@Entity
@Table(name = "choice_list")
public class ChoiceList extends PanacheEntityBase {

    public enum Status {
        OPEN, DECIDED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "team_id")
    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public MediatorRole role;

    @Enumerated(EnumType.STRING)
    public Status status;

    @ElementCollection
    @CollectionTable(name = "choice_list_mediator", joinColumns = @JoinColumn(name = "list_id"))
    @OrderColumn(name = "position")
    @Column(name = "mediator_id")
    public List<String> mediatorIds = new ArrayList<>();

    /** once decided: the mediators nobody struck, best mutual rank first, comma-separated */
    @Column(name = "decided_order")
    public String decidedOrder;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;

    public List<String> decidedOrderList() {
        return decidedOrder == null || decidedOrder.isBlank() ? List.of() : Arrays.asList(decidedOrder.split(","));
    }
}
