package cn.tiaojie.notify.model;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.service.privacy.SealedEmail;
import cn.tiaojie.notify.service.privacy.SealedPhone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A notice to one recipient, with the text rendered when it was accepted. Inserted by NoticeIntake. */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "case_no")
    public String caseNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    public RecipientKind recipientKind;

    @Column(name = "recipient_id")
    public String recipientId;

    @Column(name = "recipient_name")
    public String recipientName;

    /** sealed at rest */
    @Convert(converter = SealedPhone.class)
    public String phone;

    /** sealed at rest */
    @Convert(converter = SealedEmail.class)
    public String email;

    public String language;

    /** the values the template showed, as the sender gave them */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> fields;

    public boolean urgent;

    public String title;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** when the recipient opened it in their inbox; null while unread */
    @Column(name = "read_at")
    public Instant readAt;

    /** every electronic channel failed: the grid worker serves it on paper */
    /** when the notice's link was first opened, and through which channel's link */
    @Column(name = "opened_at")
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "opened_channel")
    public Channel openedChannel;

    /** 0 none, 1 sent again on another channel, 2 handed to paper service: the follow-up of an unconfirmed document */
    @Column(name = "follow_up_stage")
    public int followUpStage;

    @Column(name = "followed_up_at")
    public Instant followedUpAt;

    @Column(name = "paper_delivery_required")
    public boolean paperDeliveryRequired;

    @Column(name = "paper_delivery_reason")
    public String paperDeliveryReason;

    /** the case's center and area (from case-service), which scope who reads the notice; null without a case */
    @Column(name = "center_code")
    public String centerCode;

    @Column(name = "area_code")
    public String areaCode;

    /** case-service could not be asked yet; CaseScopes completes it */
    @Column(name = "scope_pending")
    public boolean scopePending;

    @Version
    public long version;

    public boolean isToResident() {
        return recipientKind == RecipientKind.PARTY;
    }
}
