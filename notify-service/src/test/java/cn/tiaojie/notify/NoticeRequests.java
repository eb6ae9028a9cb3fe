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

    /**
     * The next 10:00 Beijing time: tests dispatch "as if it were" then, so that the SMS quiet hours (21:00–08:00)
     * never hold back a test that is not about them.
     */
    public static java.time.Instant daytime() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.ZonedDateTime ten = now.withHour(10).withMinute(0).withSecond(0).withNano(0);
        return (ten.isAfter(now) ? ten : ten.plusDays(1)).toInstant();
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

    /** The calendar text scheduling-service puts in fields["ics"]. */
    public static final String ICS = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//Tiaojie//scheduling-service//ZH", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:hearing-42@tiaojie",
            "DTSTAMP:20260601T000000Z", "DTSTART:20260701T013000Z", "DTEND:20260701T030000Z", "SUMMARY:调解会",
            "LOCATION:白溪镇矛盾纠纷调处化解中心第一调解室", "END:VEVENT", "END:VCALENDAR", "");

    /** A party reachable at {@code phone} and {@code email} (either may be empty). */
    /** 服务评价邀请, as case-service sends it when a case closes. */
    public static NoticeRequest evaluationInvitation(String key, String caseId, Recipient recipient) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey(key)
                .setKind(NoticeKind.EVALUATION_INVITATION)
                .setCaseId(caseId)
                .setCaseNo("TJ2026000042")
                .setRecipient(recipient)
                .build();
    }

    /** 吹哨报到通知 to a department's duty phone, as case-service sends it for summons {@code summonsId}. */
    public static NoticeRequest departmentSummons(String key, String caseId, String summonsId, String phone) {
        return NoticeRequest.newBuilder()
                .setIdempotencyKey(key)
                .setKind(NoticeKind.DEPARTMENT_SUMMONS)
                .setCaseId(caseId)
                .setCaseNo("TJ2026000042")
                .setRecipient(Recipient.newBuilder().setKind(RecipientKind.DEPARTMENT)
                        .setId("department:POLICE_STATION").setName("公安派出所").setPhone(phone).setLanguage("zh-CN")
                        .addChannels(cn.tiaojie.contracts.common.v1.NoticeChannel.SMS))
                .putFields("summonsId", summonsId)
                .putFields("department", "公安派出所")
                .putFields("summary", "拖欠三个月工资，工人情绪激动")
                .putFields("deadline", "2026-07-01T01:30:00Z")
                .putFields("message", "请带执法记录仪")
                .build();
    }

    public static Recipient partyAt(String partyId, String phone, String email, NoticeChannel... channels) {
        return Recipient.newBuilder().setKind(RecipientKind.PARTY).setId(partyId).setName("张三").setPhone(phone)
                .setEmail(email).setLanguage("zh-CN").addAllChannels(List.of(channels)).build();
    }

    /** A distinct mobile number per call, so tests do not share a recipient's rate limit. */
    public static String uniquePhone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
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
