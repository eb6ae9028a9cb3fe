package cn.tiaojie.notify.service.document;

import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.PaperService;
import cn.tiaojie.notify.model.Receipt;
import cn.tiaojie.notify.service.document.CjkPdf;
import cn.tiaojie.notify.service.intake.NoticeRenderer;
import cn.tiaojie.platform.privacy.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a sent notice looks like on each channel: the SMS line, the e-mail text, the notice and the proof as PDF. */
@ApplicationScoped
public class NoticeTexts {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<Channel, String> CHANNEL_NAMES = Map.of(Channel.SMS, "短信", Channel.EMAIL, "电子邮件",
            Channel.IN_APP, "站内消息", Channel.LOG, "系统日志", Channel.PAPER, "纸质送达");

    private final NoticeRenderer renderer;

    NoticeTexts(NoticeRenderer renderer) {
        this.renderer = renderer;
    }

    public String sms(Notice notice, String link) {
        return renderer.sms(notice.kind, notice.caseNo, notice.recipientKind, notice.fields, notice.urgent,
                notice.language, link);
    }

    public String email(Notice notice, String link) {
        boolean en = NoticeRenderer.english(notice.language);
        return notice.body + "\n" + (notice.isToResident()
                ? (en ? "Read this notice online and confirm receipt: " : "在线查看本通知并确认收到：")
                : (en ? "Online: " : "在线查看：")) + link + "\n";
    }

    /** The notice as it was sent, as a PDF. */
    public byte[] noticePdf(Notice notice) {
        String[] text = notice.body.strip().split("\\R", 2);
        return new CjkPdf(notice.title).heading(text[0]).paragraph(text.length > 1 ? text[1].strip() : "")
                .toBytes();
    }

    /** 送达回证: what was sent to whom, on which channels and when, and the recipient's confirmation. */
    public byte[] proofOfServicePdf(Notice notice, List<Delivery> deliveries, Receipt receipt, PaperService paper) {
        CjkPdf pdf = new CjkPdf("送达回证 " + Objects.toString(notice.caseNo, ""));
        pdf.heading("送达回证");
        pdf.paragraph("案件编号：" + Objects.toString(notice.caseNo, "（无）"));
        pdf.paragraph("送达文书：" + notice.title);
        pdf.paragraph("文书编号：" + notice.id);
        pdf.paragraph("受送达人：" + Objects.toString(notice.recipientName, notice.recipientId)
                + "（" + notice.recipientKind + " " + notice.recipientId + "）");
        pdf.paragraph("联系电话：" + Objects.toString(Masking.phone(notice.phone), "—")
                + "    电子邮箱：" + Objects.toString(Masking.email(notice.email), "—"));
        pdf.paragraph("文书生成时间：" + stamp(notice.createdAt));
        pdf.blank().paragraph("送达记录：");
        for (Delivery d : deliveries) {
            pdf.paragraph("  " + CHANNEL_NAMES.getOrDefault(d.channel, d.channel.name()) + "：" + state(d)
                    + (d.sentAt == null ? "" : "，发出 " + stamp(d.sentAt))
                    + (d.deliveredAt == null ? "" : "，送达 " + stamp(d.deliveredAt))
                    + "，尝试 " + d.attempts + " 次"
                    + (d.failureReason == null ? "" : "（" + d.failureReason + "）"));
        }
        if (notice.paperDeliveryRequired) {
            pdf.paragraph("  电子送达未成功，已转网格员纸质送达：" + Objects.toString(notice.paperDeliveryReason, ""));
        }
        if (notice.openedAt != null) {
            pdf.paragraph("  受送达人于 " + stamp(notice.openedAt) + "（北京时间）首次打开"
                    + CHANNEL_NAMES.getOrDefault(notice.openedChannel, String.valueOf(notice.openedChannel))
                    + "中的专属链接查看本文书。");
        }
        pdf.blank().paragraph("签收情况：");
        if (paper != null) {
            pdf.paragraph("  纸质送达：送达人 " + paper.servedBy + "，于 " + stamp(paper.servedAt) + "（北京时间）在 "
                    + paper.place + " 送达。");
            pdf.paragraph(paper.refused
                    ? "  受送达人拒绝签收，已留置送达，见证人：" + paper.witness + "。"
                    : "  签收人：" + paper.receivedBy
                            + (paper.relation == null ? "" : "（与受送达人关系：" + paper.relation + "）") + "。");
            pdf.paragraph("  签收回执照片 SHA-256：" + paper.slipSha256);
            pdf.paragraph("  登记人：" + paper.recordedBy + "，登记时间 " + stamp(paper.recordedAt) + "（北京时间）。");
        } else if (receipt == null) {
            pdf.paragraph("  受送达人尚未确认收到。");
        } else {
            pdf.paragraph("  受送达人已于 " + stamp(receipt.acknowledgedAt) + "（北京时间）通过"
                    + CHANNEL_NAMES.getOrDefault(receipt.channel, receipt.channel.name()) + "中的专属链接确认收到。");
            pdf.paragraph("  确认时 IP 地址：" + Objects.toString(receipt.ip, "—"));
            pdf.paragraph("  确认时所用浏览器：" + Objects.toString(receipt.userAgent, "—"));
        }
        pdf.blank().paragraph("本回证由系统根据送达与签收记录生成，生成时间 " + stamp(Instant.now()) + "（北京时间）。");
        return pdf.toBytes();
    }

    /**
     * The notice to serve by hand: its text, then the 送达回证 slip with room for the recipient's signature (or the
     * receiver's and their relation), the date, the place, the server's name and a refusal before a witness.
     */
    public byte[] paperServicePdf(Notice notice) {
        String[] text = notice.body.strip().split("\\R", 2);
        CjkPdf pdf = new CjkPdf(notice.title);
        pdf.heading(text[0]).paragraph(text.length > 1 ? text[1].strip() : "");
        pdf.blank().heading("送达回证");
        pdf.paragraph("案件编号：" + Objects.toString(notice.caseNo, "（无）"));
        pdf.paragraph("送达文书：" + notice.title + "（文书编号 " + notice.id + "）");
        pdf.paragraph("受送达人：" + Objects.toString(notice.recipientName, notice.recipientId));
        pdf.paragraph("送达地点：________________________________________");
        pdf.paragraph("受送达人签名或盖章：________________    签收日期：______年____月____日____时____分");
        pdf.paragraph("代收人签名：________________    代收人与受送达人关系：________________");
        pdf.paragraph("受送达人拒绝签收的，注明情况：________________________________");
        pdf.paragraph("见证人签名：________________");
        pdf.paragraph("送达人签名：________________    送达日期：______年____月____日");
        pdf.blank().paragraph("送达后请拍摄本回证照片，由调解中心登记纸质送达。");
        return pdf.toBytes();
    }

    private static String state(Delivery d) {
        return switch (d.state) {
            case QUEUED, SENDING -> "待发送";
            case SENT -> "已发出";
            case DELIVERED -> "已送达";
            case ACKNOWLEDGED -> "已签收";
            case FAILED -> "发送失败";
        };
    }

    private static String stamp(Instant instant) {
        return instant == null ? "—" : instant.atZone(NoticeRenderer.LOCAL_TIME).format(STAMP);
    }
}
