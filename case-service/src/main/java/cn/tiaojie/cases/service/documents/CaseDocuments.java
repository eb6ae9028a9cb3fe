package cn.tiaojie.cases.service.documents;

import cn.tiaojie.cases.config.DocumentsConfig;
import cn.tiaojie.cases.model.CaseDocument;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.DocumentKind;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.access.CaseAccess;
import cn.tiaojie.cases.service.audit.AuditDigests;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A case's documents: added by its center's staff for any party (a resident for their own party and a department
 * through its summons link come in through {@link #add}, naming their own actor), listed and read by whoever sees
 * the case (a resident: their own party's and the agreement), and deleted by staff with a reason. The type is
 * detected from the bytes; each document's SHA-256 is the after-digest of its audit record, so it is in the
 * case's hash chain. A deleted document's bytes stay in the store until its retention ends.
 */
@ApplicationScoped
public class CaseDocuments {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int SNIFF = 64 * 1024;

    private final CaseAccess access;
    private final AuditTrail audit;
    private final DocumentsConfig config;
    private final PostgresDocumentStore postgres;
    private final S3DocumentStore s3;
    private final TransactionSynchronizationRegistry transactions;

    CaseDocuments(CaseAccess access, AuditTrail audit, DocumentsConfig config, PostgresDocumentStore postgres,
            S3DocumentStore s3, TransactionSynchronizationRegistry transactions) {
        this.access = access;
        this.audit = audit;
        this.config = config;
        this.postgres = postgres;
        this.s3 = s3;
        this.transactions = transactions;
    }

    /** An upload by staff of the case's center (any party), or by a resident for their own party. */
    @Transactional
    public CaseDocument upload(Caller caller, UUID caseId, DocumentCommands.NewDocument document, InputStream bytes) {
        DisputeCase c;
        UUID party = document.partyId();
        if (caller.is(Claims.RESIDENT)) {
            c = access.visible(caller, caseId);
            party = access.ownParty(caller, c);
        } else {
            c = access.manageable(caller, caseId);
        }
        return add(c, new DocumentCommands.NewDocument(document.kind(), document.fileName(), party), bytes,
                Actor.of(caller));
    }

    /** Adds a document to the case inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseDocument add(DisputeCase c, DocumentCommands.NewDocument document, InputStream bytes, Actor actor) {
        if (c.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("案件 " + c.caseNo + " 已结案归档，不能再添加材料");
        }
        if (document.partyId() != null && c.parties.stream().noneMatch(p -> p.id.equals(document.partyId()))) {
            throw ProblemException.badRequest("partyId", "不是本案件的当事人");
        }
        long perFile = config.maxFileSize().asLongValue();
        long room = config.maxCaseSize().asLongValue() - CaseDocument.heldBy(c.id);
        if (room <= 0) {
            throw caseFull(c);
        }
        BufferedInputStream buffered = new BufferedInputStream(bytes, SNIFF);
        String contentType = ContentTypes.detect(buffered, document.fileName());
        LimitedDigestStream counted = new LimitedDigestStream(buffered, Math.min(perFile, room),
                () -> room < perFile ? caseFull(c)
                        : new ProblemException(413, "文件过大", "单个文件不能超过 " + megabytes(perFile) + "。"));
        DocumentStore store = activeStore();
        String key = store.put(counted);
        transactions.registerInterposedSynchronization(discardUnlessCommitted(store, key));
        if (counted.count() == 0) {
            throw ProblemException.badRequest("body", "文件是空的");
        }
        // concurrent uploads to one case meet here, briefly, once their bytes are in
        DisputeCase.getEntityManager().lock(c, LockModeType.PESSIMISTIC_WRITE);
        if (CaseDocument.heldBy(c.id) + counted.count() > config.maxCaseSize().asLongValue()) {
            throw caseFull(c);
        }
        CaseDocument d = new CaseDocument();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.kind = document.kind();
        d.fileName = document.fileName();
        d.contentType = contentType;
        d.sizeBytes = counted.count();
        d.sha256 = counted.sha256();
        d.partyId = document.partyId();
        d.uploadedBy = actor.name();
        d.uploadedRole = actor.role();
        d.uploadedAt = StoredInstants.now();
        d.store = store.name();
        d.storageKey = key;
        d.persist();
        CaseEvent.record(c.id, "DOCUMENT_ADDED", actor.name(), d.kind + " " + d.fileName + " sha256:" + d.sha256);
        audit.append(actor, "ADD_DOCUMENT", c.id, null, d.sha256);
        return d;
    }

    /** The case's documents the caller may see, in the order they came; deleted ones for staff and supervisors. */
    @Transactional
    public List<CaseDocument> list(Caller caller, UUID caseId) {
        DisputeCase c = access.visible(caller, caseId);
        boolean oversees = access.mayOversee(caller, c);
        UUID ownParty = caller.is(Claims.RESIDENT) ? access.ownParty(caller, c) : null;
        return CaseDocument.ofCase(c.id).stream()
                .filter(d -> oversees || !d.deleted())
                .filter(d -> ownParty == null || ownParty.equals(d.partyId) || d.kind == DocumentKind.AGREEMENT)
                .toList();
    }

    /** One document the caller may read; 410 once deleted. */
    @Transactional
    public CaseDocument open(Caller caller, UUID caseId, UUID documentId) {
        CaseDocument d = list(caller, caseId).stream().filter(x -> x.id.equals(documentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("document", documentId));
        if (d.deleted()) {
            throw new ProblemException(410, "材料已删除", "该材料已被删除，原因：" + d.deletionReason);
        }
        return d;
    }

    /** Streams a document's bytes (from {@link #open}) to the response. */
    @Transactional
    public void copyTo(CaseDocument d, OutputStream out) {
        storeNamed(d.store).copyTo(d.storageKey, out);
    }

    /** Staff mark a document deleted with a reason; the bytes stay until the retention ends. */
    @Transactional
    public CaseDocument delete(Caller caller, UUID caseId, UUID documentId, String reason) {
        DisputeCase c = access.manageable(caller, caseId);
        CaseDocument d = CaseDocument.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !d.caseId.equals(c.id)) {
            throw ProblemException.notFound("document", documentId);
        }
        if (d.deleted()) {
            throw ProblemException.conflict("该材料已被删除");
        }
        Actor actor = Actor.of(caller);
        d.deletedAt = StoredInstants.now();
        d.deletedBy = actor.name();
        d.deletionReason = reason.strip();
        d.retainUntil = LocalDate.ofInstant(d.deletedAt, CHINA).plus(config.retention());
        CaseEvent.record(c.id, "DOCUMENT_DELETED", actor.name(), d.kind + " " + d.fileName + "：" + d.deletionReason);
        audit.append(actor, "DELETE_DOCUMENT", c.id, d.sha256,
                AuditDigests.of(d.id, d.sha256, d.deletedAt, d.deletedBy, d.deletionReason, d.retainUntil));
        return d;
    }

    private DocumentStore activeStore() {
        return storeNamed(config.store().equalsIgnoreCase("s3") ? S3DocumentStore.NAME : PostgresDocumentStore.NAME);
    }

    private DocumentStore storeNamed(String name) {
        return S3DocumentStore.NAME.equals(name) ? s3 : postgres;
    }

    private static Synchronization discardUnlessCommitted(DocumentStore store, String key) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    store.discard(key);
                }
            }
        };
    }

    private ProblemException caseFull(DisputeCase c) {
        long room = Math.max(0, config.maxCaseSize().asLongValue() - CaseDocument.heldBy(c.id));
        return new ProblemException(413, "案件材料已满", "本案件的材料合计不能超过 " + megabytes(config.maxCaseSize()
                .asLongValue()) + "，还可上传 " + megabytes(room) + "。");
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
    }
}
