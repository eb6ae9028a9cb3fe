package cn.tiaojie.cases.model;

import cn.tiaojie.cases.service.audit.AuditTrail;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One link of the audit chain. Written only by AuditTrail's insert; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public long position;

    public Instant at;

    public String actor;

    public String role;

    public String action;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "before_digest")
    public String beforeDigest;

    @Column(name = "after_digest")
    public String afterDigest;

    @Column(name = "content_digest")
    public String contentDigest;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
