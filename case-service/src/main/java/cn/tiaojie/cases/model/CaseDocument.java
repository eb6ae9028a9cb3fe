package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A document of a case; its bytes are in the store it names, under its key. */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    @Column(name = "file_name")
    public String fileName;

    /** As detected from the bytes, never as the uploader said. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Hex SHA-256 of the bytes; the audit record of the upload carries it too. */
    public String sha256;

    /** The party it concerns or that brought it, if any. */
    @Column(name = "party_id")
    public UUID partyId;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_role")
    public String uploadedRole;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public String store;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    @Column(name = "deletion_reason")
    public String deletionReason;

    @Column(name = "retain_until")
    public LocalDate retainUntil;

    public boolean deleted() {
        return deletedAt != null;
    }

    public static List<CaseDocument> ofCase(UUID caseId) {
        return list("caseId = ?1 order by uploadedAt, id", caseId);
    }

    /** The bytes a case's documents hold, deleted ones not counted. */
    public static long heldBy(UUID caseId) {
        Long sum = getEntityManager().createQuery(
                "select coalesce(sum(d.sizeBytes), 0) from CaseDocument d where d.caseId = :c and d.deletedAt is null",
                Long.class).setParameter("c", caseId).getSingleResult();
        return sum;
    }
}
