package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A follow-up visit or call by staff after the outcome (回访). */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String method;

    public String note;

    @Column(name = "agreement_performed")
    public Boolean agreementPerformed;

    @Column(name = "visited_at")
    public Instant visitedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
