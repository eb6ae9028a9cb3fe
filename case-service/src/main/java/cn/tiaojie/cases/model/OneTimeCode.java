package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A one-time code sent by SMS to a resident's phone (网上申请). Only the HMAC of (id, code) is kept; the phone and
 * the client's address only as lookup hashes, to count the codes each has asked for.
 */
@Entity
@Table(name = "one_time_code")
public class OneTimeCode extends PanacheEntityBase {

    @Id
    public UUID id;

    public String purpose;

    @Column(name = "phone_hash")
    public String phoneHash;

    @Column(name = "address_hash")
    public String addressHash;

    @Column(name = "center_code")
    public String centerCode;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public int attempts;

    @Column(name = "used_at")
    public Instant usedAt;
}
