package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A hearing scheduling-service cancelled: it never comes back, so a late report of its time is ignored. */
@Entity
@Table(name = "cancelled_hearing")
public class CancelledHearing extends PanacheEntityBase {

    @Id
    @Column(name = "hearing_id")
    public String hearingId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public static boolean isCancelled(String hearingId) {
        return findById(hearingId) != null;
    }
}
