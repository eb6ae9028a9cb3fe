package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A party's confirmed receipt of a notice (送达回证), reported by notify-service. */
@Entity
@Table(name = "notice_receipt")
public class NoticeReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public String noticeId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "party_id")
    public String partyId;

    public String channel;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
}
