package cn.tiaojie.cases.service.documents;

import cn.tiaojie.cases.model.CaseDocument;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.Center;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.DocumentKind;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.access.CaseAccess;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 调解协议书: written from the recorded outcome of a resolved case (the parties, the dispute, the agreed terms, the
 * amount and the performance deadline, the mediators, the center, the date) with the sentence on judicial
 * confirmation within 30 days and spaces for the signatures and the seal; kept as the case's document of kind
 * AGREEMENT. The signed copy, scanned, is uploaded back as another AGREEMENT.
 */
@ApplicationScoped
public class Agreements {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseAccess access;
    private final CaseDocuments documents;

    Agreements(CaseAccess access, CaseDocuments documents) {
        this.access = access;
        this.documents = documents;
    }

    @Transactional
    public CaseDocument generate(Caller caller, UUID caseId) {
        DisputeCase c = access.manageable(caller, caseId);
        if (c.outcome != CaseStatus.RESOLVED || c.agreementTerms == null) {
            throw ProblemException.conflict("案件 " + c.caseNo + " 没有调解成功的协议内容，不能生成调解协议书");
        }
        byte[] pdf = text(c).toBytes();
        return documents.add(c, new DocumentCommands.NewDocument(DocumentKind.AGREEMENT, "调解协议书-" + c.caseNo + ".pdf",
                null), new ByteArrayInputStream(pdf), Actor.of(caller));
    }

    static AgreementPdf text(DisputeCase c) {
        Center center = Center.findById(c.centerCode);
        String centerName = center == null ? c.centerCode : center.name;
        List<CaseTeamMember> team = CaseTeamMember.list("caseId", Sort.ascending("position"), c.id);
        LocalDate today = LocalDate.now(CaseDocuments.CHINA);
        AgreementPdf pdf = new AgreementPdf("人民调解协议书").paragraph("编号：" + c.caseNo);
        for (Party p : c.parties) {
            pdf.paragraph(role(p.role) + "：" + p.name + "（" + ("PERSON".equals(p.kind) ? "自然人" : "法人或其他组织") + "）");
        }
        pdf.paragraph("纠纷主要事实、争议事项：" + c.summary + (c.description == null ? "" : "。" + c.description));
        pdf.paragraph("经人民调解委员会调解，各方当事人自愿达成如下协议：\n" + c.agreementTerms);
        if (c.agreementAmount != null) {
            pdf.paragraph("协议金额：人民币 " + c.agreementAmount.toPlainString() + " 元。");
        }
        if (c.performanceDeadline != null) {
            pdf.paragraph("履行方式、时限：按上述约定于 " + CHINESE_DATE.format(c.performanceDeadline) + " 前履行完毕。");
        }
        return pdf.paragraph("本协议经各方当事人签名（盖章）、调解员签名并加盖人民调解委员会印章后生效，具有法律约束力，"
                        + "当事人应当按照约定履行。各方当事人可以自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认。")
                .paragraph("本协议一式 " + (c.parties.size() + 1) + " 份，各方当事人和人民调解委员会各执一份。")
                .paragraph("调解员：" + (team.isEmpty() ? "" : team.stream().map(m -> m.name).collect(Collectors.joining("、"))))
                .paragraph(c.parties.stream().map(p -> role(p.role) + "（签名或盖章）：＿＿＿＿＿＿")
                        .collect(Collectors.joining("\n")))
                .paragraph("调解员（签名）：＿＿＿＿＿＿")
                .paragraph(centerName + "（印章）\n" + CHINESE_DATE.format(today));
    }

    private static String role(String role) {
        return switch (role) {
            case "APPLICANT" -> "申请人";
            case "RESPONDENT" -> "被申请人";
            default -> "第三人";
        };
    }
}
