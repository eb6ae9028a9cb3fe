package cn.tiaojie.cases.service.documents;

import cn.tiaojie.cases.model.CaseDocument;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.DocumentKind;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.service.access.CaseAccess;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * 卷宗: a closed case as one ZIP, streamed: {@code 目录.txt} (the case's particulars, the table of contents, the
 * timeline, every document with its SHA-256, deleted ones with who, when and why), the documents under
 * {@code 材料/} in the order they came, and {@code SHA256SUMS} over them ({@code sha256sum -c} checks it).
 */
@ApplicationScoped
public class CaseFiles {

    static final Map<DocumentKind, String> KIND_NAMES = Map.of(DocumentKind.EVIDENCE, "证据", DocumentKind.ID_COPY,
            "身份证明", DocumentKind.AGREEMENT, "调解协议书", DocumentKind.MINUTES, "笔录", DocumentKind.NOTICE, "通知书",
            DocumentKind.PROOF_OF_SERVICE, "送达回证", DocumentKind.OTHER, "其他");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(CaseDocuments.CHINA);

    private final CaseAccess access;
    private final CaseDocuments documents;

    CaseFiles(CaseAccess access, CaseDocuments documents) {
        this.access = access;
        this.documents = documents;
    }

    /** The case file's name, once the caller may export it (staff of the center, its supervisors) and it is closed. */
    @Transactional
    public String name(Caller caller, UUID caseId) {
        DisputeCase c = access.supervisable(caller, caseId);
        if (c.status != CaseStatus.CLOSED) {
            throw ProblemException.conflict("案件 " + c.caseNo + " 尚未结案，结案后才能导出卷宗");
        }
        return "卷宗-" + c.caseNo + ".zip";
    }

    /** Writes the case file of a case {@link #name} allowed. */
    @Transactional
    public void write(UUID caseId, OutputStream out) {
        DisputeCase c = DisputeCase.findById(caseId);
        List<CaseDocument> all = CaseDocument.ofCase(c.id);
        List<CaseDocument> kept = all.stream().filter(d -> !d.deleted()).toList();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("目录.txt"));
            zip.write(contents(c, all, kept).getBytes(StandardCharsets.UTF_8));
            StringBuilder sums = new StringBuilder();
            for (int i = 0; i < kept.size(); i++) {
                CaseDocument d = kept.get(i);
                String path = entry(i, d);
                zip.putNextEntry(new ZipEntry(path));
                documents.copyTo(d, zip);
                sums.append(d.sha256).append("  ").append(path).append('\n');
            }
            zip.putNextEntry(new ZipEntry("SHA256SUMS"));
            zip.write(sums.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contents(DisputeCase c, List<CaseDocument> all, List<CaseDocument> kept) {
        StringBuilder t = new StringBuilder("卷宗\n\n");
        t.append("案件编号：").append(c.caseNo).append('\n')
                .append("调解中心：").append(c.centerCode).append('\n')
                .append("纠纷类别：").append(c.subcategory).append('\n')
                .append("纠纷概要：").append(c.summary).append('\n')
                .append("当事人：");
        for (Party p : c.parties) {
            t.append(p.name).append("（").append(p.role).append("）　");
        }
        t.append('\n').append("结果：").append(c.outcome == null ? "—" : c.outcome).append('\n')
                .append("受理时间：").append(TIME.format(c.createdAt)).append('\n')
                .append("结案时间：").append(c.closedAt == null ? "—" : TIME.format(c.closedAt)).append("\n\n");
        t.append("目录\n一、案件情况与办理经过（本文件）\n二、材料（材料/，").append(kept.size())
                .append(" 份）\n三、材料摘要值（SHA256SUMS）\n\n");
        t.append("一、办理经过\n");
        for (CaseEvent e : CaseEvent.<CaseEvent>list("caseId", Sort.ascending("id"), c.id)) {
            t.append(TIME.format(e.at)).append("　").append(e.type).append("　").append(e.actor)
                    .append(e.detail == null ? "" : "　" + e.detail).append('\n');
        }
        t.append("\n二、材料\n");
        for (int i = 0; i < kept.size(); i++) {
            CaseDocument d = kept.get(i);
            t.append(i + 1).append(". ").append(KIND_NAMES.get(d.kind)).append("　").append(d.fileName).append("　")
                    .append(d.sizeBytes).append(" 字节　").append(TIME.format(d.uploadedAt)).append(" ")
                    .append(d.uploadedBy).append("　SHA-256 ").append(d.sha256).append("　→ ").append(entry(i, d))
                    .append('\n');
        }
        List<CaseDocument> deleted = all.stream().filter(CaseDocument::deleted).toList();
        if (!deleted.isEmpty()) {
            t.append("\n已删除的材料（不附原件）\n");
            for (CaseDocument d : deleted) {
                t.append("- ").append(KIND_NAMES.get(d.kind)).append("　").append(d.fileName).append("　SHA-256 ")
                        .append(d.sha256).append("　").append(TIME.format(d.deletedAt)).append(" ").append(d.deletedBy)
                        .append(" 删除，原因：").append(d.deletionReason).append('\n');
            }
        }
        return t.toString();
    }

    private static String entry(int index, CaseDocument d) {
        return "材料/%02d-%s-%s".formatted(index + 1, KIND_NAMES.get(d.kind), d.fileName.replace('/', '_'));
    }
}
