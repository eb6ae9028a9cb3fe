package cn.tiaojie.notify.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Proof of service (送达回证): the recipient confirmed receipt through the notice's signed link. */
@Entity
@Table(name = "receipt")
public class Receipt extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** the channel whose link was opened */
    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String ip;

    @Column(name = "user_agent")
    public String userAgent;
}
