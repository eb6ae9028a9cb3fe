package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** 吹哨报到: a department called in to a case, with a deadline to report. */
@Entity
public class Summons extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String department;

    @Column(name = "request_note")
    public String requestNote;

    public Instant deadline;

    @Enumerated(EnumType.STRING)
    public SummonsStatus status;

    @Column(name = "response_note")
    public String responseNote;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "responded_by")
    public String respondedBy;

    /** who the department sends (报到) */
    public String attendee;

    /** when they come */
    @Column(name = "arrives_at")
    public Instant arrivesAt;

    /** LINK: the department answered through its summons' link; PHONE: staff recorded an answer given by phone */
    @Column(name = "responded_via")
    public String respondedVia;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    public boolean isOverdue(Instant now) {
        return status == SummonsStatus.REQUESTED && deadline.isBefore(now);
    }
}
