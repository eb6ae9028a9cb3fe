package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An administrator's rule that, for a category or a subcategory, a mediator who served on a case with a party of the
 * new case within the look-back window is excluded (回避) instead of only scored down. Matching reads it in its own
 * statement; the subcategory's rule wins over its category's.
 */
@Entity
@Table(name = "earlier_involvement_rule")
public class EarlierInvolvementRule extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "look_back_days")
    public int lookBackDays;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
