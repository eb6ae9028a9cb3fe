package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident's session of 我的案件: opened by a phone's one-time code (every case where that phone is a party's) or
 * by a notice's signed link (that case and party only). Only the lookup hash of its secret is kept.
 */
@Entity
@Table(name = "resident_session")
public class ResidentSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public String tokenHash;

    /** set for a session opened by phone */
    @Column(name = "phone_hash")
    public String phoneHash;

    /** set for a session opened by a notice's link */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "party_id")
    public UUID partyId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
