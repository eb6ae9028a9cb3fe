package cn.tiaojie.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An optimisation of the provisional hearings of an area over a horizon, started by a supervisor. */
@Entity
@Table(name = "plan_job")
public class PlanJob extends PanacheEntityBase {

    public enum Status { SOLVING, APPLIED, FAILED }

    @Id
    public UUID id;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "area_code")
    public String areaCode;

    @Column(name = "horizon_from")
    public Instant horizonFrom;

    @Column(name = "horizon_to")
    public Instant horizonTo;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "hearings_planned")
    public int hearingsPlanned;

    @Column(name = "hearings_pinned")
    public int hearingsPinned;

    @Column(name = "hearings_moved")
    public int hearingsMoved;

    @Column(name = "score_before")
    public String scoreBefore;

    @Column(name = "best_score")
    public String bestScore;

    @Column(name = "score_after")
    public String scoreAfter;

    public int improvements;

    public String error;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;
}
