package cn.tiaojie.notify.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A department's answer on the page of its summons: REPORTED (who comes, when) or DECLINED (why). */
@Entity
@Table(name = "summons_answer")
public class SummonsAnswer extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    public String response;

    public String attendee;

    @Column(name = "arrives_at")
    public Instant arrivesAt;

    public String note;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
