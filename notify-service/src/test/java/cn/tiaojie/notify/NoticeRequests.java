package cn.tiaojie.notify;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import java.util.List;
import java.util.UUID;

/** Notice requests as scheduling-service and mediator-service send them. */
public final class NoticeRequests {

    public static final String PHONE = "13812345678";
    public static final String EMAIL = "zhang.san@example.cn";

    private NoticeRequests() {
    }

    public static String uniqueKey() {
        return "test:" + UUID.randomUUID();
    }

    public static Recipient party(String partyId, NoticeChannel... channels) {
        return Recipient.newBuilder().setKind(RecipientKind.PARTY).setId(partyId).setName("张三").setPhone(PHONE)
                .setEmail(EMAIL).setLanguage("zh-CN").addAllChannels(List.of(channels)).build();
    }

    public static Recipient mediator(String mediatorId, NoticeChannel... channels) {
        return Recipient.newBuilder().setKind(RecipientKind.MEDIATOR).setId(mediatorId).setName("李律师")
                .setPhone("13900001111").addAllChannels(List.of(channels)).build();
    }

    public static NoticeRequest hearingNotice(String key, String caseId, Recipient recipient) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey(key)
                .setKind(NoticeKind.HEARING_NOTICE)
                .setCaseId(caseId)
                .setCaseNo("TJ2026000042")
                .setRecipient(recipient)
                .putFields("startsAt", "2026-07-01T01:30:00Z")
                .putFields("endsAt", "2026-07-01T03:00:00Z")
                .putFields("venueName", "白溪镇矛盾纠纷调处化解中心第一调解室")
                .putFields("venueAddress", "青溪县白溪镇溪东路8号")
                .putFields("team", "李律师（律师）、王警官（警官）")
                .putFields("centerName", "白溪镇矛盾纠纷调处化解中心")
                .build();
    }

    public static NoticeRequest offer(String key, String caseId, Recipient recipient) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey(key)
                .setKind(NoticeKind.ASSIGNMENT_OFFER)
                .setCaseId(caseId)
                .setCaseNo("TJ2026000043")
                .setRecipient(recipient)
                .putFields("role", "LAWYER")
                .putFields("summary", "拖欠三个月工资")
                .putFields("respondBy", "2026-06-20T10:00:00+08:00")
                .build();
    }
}
