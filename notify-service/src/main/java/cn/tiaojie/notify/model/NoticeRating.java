package cn.tiaojie.notify.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The rating a party gave on the page of their evaluation invitation (服务评价邀请). */
@Entity
@Table(name = "notice_rating")
public class NoticeRating extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    public short score;

    public String comment;

    @Column(name = "rated_at")
    public Instant ratedAt;
}
